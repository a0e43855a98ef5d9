package org.kehou.enrollment;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;

/** What a care rule says: allowed, or refused with a message key and its arguments. */
record CareVerdict(@Nullable String messageKey, List<Object> arguments) {

    static final CareVerdict ALLOWED = new CareVerdict(null, List.of());

    static CareVerdict allowed() {
        return ALLOWED;
    }

    static CareVerdict refused(String messageKey, Object... arguments) {
        return new CareVerdict(messageKey, List.of(arguments));
    }

    boolean isAllowed() {
        return messageKey == null;
    }

    /** Throws the refusal as a {@link RuleViolation}; does nothing when allowed. */
    void enforce() {
        if (messageKey != null) {
            throw new RuleViolation(messageKey, arguments.toArray());
        }
    }

    /** This verdict when refused, else the next one. */
    CareVerdict and(java.util.function.Supplier<CareVerdict> next) {
        return isAllowed() ? next.get() : this;
    }
}
