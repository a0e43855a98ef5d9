package org.kehou.operations;

import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ServiceKind;
import org.springframework.context.MessageSourceResolvable;

/**
 * The services at whose end a child is handed over (OPS-2): slot 1, slot 2, extended care and evening self-study on
 * school days, and an opening of the school on a day without school. A kind is its own message.
 */
public enum PickupService implements MessageSourceResolvable {
    SLOT_1(ServiceKind.SLOT_1),
    SLOT_2(ServiceKind.SLOT_2),
    EXTENDED_CARE(ServiceKind.EXTENDED_CARE),
    EVENING(ServiceKind.EVENING),
    OPENING(null);

    private final @Nullable ServiceKind catalogKind;

    PickupService(@Nullable ServiceKind catalogKind) {
        this.catalogKind = catalogKind;
    }

    /** The catalog's service whose times say when this one ends; none for an opening, which has its own times. */
    public @Nullable ServiceKind catalogKind() {
        return catalogKind;
    }

    /** Whether it runs on school days; an opening runs only on days without school. */
    public boolean onSchoolDays() {
        return this != OPENING;
    }

    /**
     * Whether the service ends for every child at one time, so that a child leaving before it leaves early; extended
     * care does not, since its children leave whenever they are collected.
     */
    public boolean endsForAll() {
        return this != EXTENDED_CARE;
    }

    public String messageKey() {
        return "pickup.service." + name();
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey()};
    }
}
