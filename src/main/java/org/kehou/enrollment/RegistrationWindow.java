package org.kehou.enrollment;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.TermKind;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * When guardians may register for the offerings of a term (ENROL-2): for one school, or for every school of a county
 * that has no window of its own. It closes after it opens; windows of the same school or county and term do not
 * overlap; seats go to the first who ask or by lottery (ADR 0011) and a waiting list of up to {@code waitlistLimit} moves automatically
 * or, if the school chooses, by offers that last {@code offerHours} (ADR 0017).
 */
@Table(schema = "enrollment", name = "registration_window")
class RegistrationWindow {

    static final int MAX_WAITLIST = 1000;

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final @Nullable UUID schoolId;
    private final int schoolYear;
    private final TermKind termKind;
    private final LocalDateTime opensAt;
    private final LocalDateTime closesAt;
    private final Allocation allocation;
    private final Promotion promotion;
    private final int waitlistLimit;
    private final @Nullable Integer offerHours;
    private final String createdBy;
    private final LocalDateTime createdAt;

    @PersistenceCreator
    RegistrationWindow(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            Allocation allocation,
            Promotion promotion,
            int waitlistLimit,
            @Nullable Integer offerHours,
            String createdBy,
            LocalDateTime createdAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.schoolYear = schoolYear;
        this.termKind = termKind;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.allocation = allocation;
        this.promotion = promotion;
        this.waitlistLimit = waitlistLimit;
        this.offerHours = offerHours;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A new window, refused when it would close before it opens, is already over or asks for what is not offered. */
    static RegistrationWindow plan(
            UUID id,
            UUID countyId,
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            Allocation allocation,
            int waitlistLimit,
            String createdBy,
            LocalDateTime now) {
        return plan(
                id,
                countyId,
                schoolId,
                schoolYear,
                termKind,
                opensAt,
                closesAt,
                allocation,
                waitlistLimit,
                Promotion.AUTOMATIC,
                null,
                createdBy,
                now);
    }

    /**
     * A new window whose waiting lists move as {@code promotion} says, offers lasting {@code offerHours}
     * ({@link OfferExpiryRule}).
     */
    static RegistrationWindow plan(
            UUID id,
            UUID countyId,
            @Nullable UUID schoolId,
            int schoolYear,
            TermKind termKind,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            Allocation allocation,
            int waitlistLimit,
            Promotion promotion,
            @Nullable Integer offerHours,
            String createdBy,
            LocalDateTime now) {
        if (!closesAt.isAfter(opensAt)) {
            throw new RuleViolation("window.closesBeforeOpening");
        }
        if (!closesAt.isAfter(now)) {
            throw new RuleViolation("window.inThePast");
        }
        if (waitlistLimit < 0 || waitlistLimit > MAX_WAITLIST) {
            throw new RuleViolation("window.waitlistLimit", MAX_WAITLIST);
        }
        OfferExpiryRule.check(promotion, offerHours);
        return new RegistrationWindow(
                id,
                null,
                countyId,
                schoolId,
                schoolYear,
                termKind,
                opensAt,
                closesAt,
                allocation,
                promotion,
                waitlistLimit,
                offerHours,
                createdBy,
                now);
    }

    boolean isOpenAt(LocalDateTime moment) {
        return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
    }

    /** Whether both govern the same school or county in the same term at some moment. */
    boolean overlaps(RegistrationWindow other) {
        return countyId.equals(other.countyId)
                && java.util.Objects.equals(schoolId, other.schoolId)
                && schoolYear == other.schoolYear
                && termKind == other.termKind
                && opensAt.isBefore(other.closesAt)
                && other.opensAt.isBefore(closesAt);
    }

    UUID id() {
        return id;
    }

    UUID countyId() {
        return countyId;
    }

    @Nullable
    UUID schoolId() {
        return schoolId;
    }

    int schoolYear() {
        return schoolYear;
    }

    TermKind termKind() {
        return termKind;
    }

    LocalDateTime opensAt() {
        return opensAt;
    }

    LocalDateTime closesAt() {
        return closesAt;
    }

    Allocation allocation() {
        return allocation;
    }

    Promotion promotion() {
        return promotion;
    }

    int waitlistLimit() {
        return waitlistLimit;
    }

    @Nullable
    Integer offerHours() {
        return offerHours;
    }
}
