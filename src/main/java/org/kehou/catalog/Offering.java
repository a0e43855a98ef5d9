package org.kehou.catalog;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A course given in a term (COURSE-2): weekday and slot, venue, instructors, capacity, grades, the fee of an
 * institution offering and its exercise minutes. Draft → published → closed, or cancelled; cancelling a published
 * offering needs a reason. It requires no other offering and no other offering requires it (CONTENT-1).
 */
@Table(schema = "catalog", name = "offering")
class Offering {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID courseId;
    private final UUID termId;
    private final DayOfWeek weekday;
    private final Slot slot;
    private final UUID venueId;
    private final int capacity;
    private final @Nullable BigDecimal fee;
    private final int exerciseMinutes;
    private final @Nullable SlotOneContent slotOneContent;
    private final @Nullable LocalDate startsOn;
    private final @Nullable LocalDate endsOn;
    private OfferingState state;
    private @Nullable String cancelReason;

    @MappedCollection(idColumn = "offering_id")
    private Set<OfferingGrade> grades = new HashSet<>();

    @MappedCollection(idColumn = "offering_id")
    private Set<OfferingInstructor> instructors = new HashSet<>();

    @PersistenceCreator
    Offering(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID courseId,
            UUID termId,
            DayOfWeek weekday,
            Slot slot,
            UUID venueId,
            int capacity,
            @Nullable BigDecimal fee,
            int exerciseMinutes,
            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            OfferingState state,
            @Nullable String cancelReason) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.courseId = courseId;
        this.termId = termId;
        this.weekday = weekday;
        this.slot = slot;
        this.venueId = venueId;
        this.capacity = capacity;
        this.fee = fee;
        this.exerciseMinutes = exerciseMinutes;
        this.slotOneContent = slotOneContent;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.state = state;
        this.cancelReason = cancelReason;
    }

    static Offering draft(UUID id, UUID countyId, UUID schoolId, Schedule schedule) {
        Offering offering = new Offering(
                id,
                null,
                countyId,
                schoolId,
                schedule.courseId(),
                schedule.termId(),
                schedule.weekday(),
                schedule.slot(),
                schedule.venueId(),
                schedule.capacity(),
                schedule.fee(),
                schedule.exerciseMinutes(),
                schedule.slotOneContent(),
                schedule.startsOn(),
                schedule.endsOn(),
                OfferingState.DRAFT,
                null);
        schedule.grades().forEach(g -> offering.grades.add(new OfferingGrade(countyId, schoolId, g)));
        schedule.instructors().forEach(i -> offering.instructors.add(new OfferingInstructor(countyId, schoolId, i)));
        return offering;
    }

    /** A draft of the same offering in another term, for the whole of that term. */
    Offering copyTo(UUID id, UUID termId) {
        Schedule copy = new Schedule(
                courseId,
                termId,
                weekday,
                slot,
                venueId,
                instructorIds(),
                capacity,
                grades(),
                fee,
                exerciseMinutes,
                slotOneContent,
                null,
                null);
        return draft(id, countyId, schoolId, copy);
    }

    void publish() {
        if (state != OfferingState.DRAFT) {
            throw new RuleViolation("offering.notDraft");
        }
        state = OfferingState.PUBLISHED;
    }

    void close() {
        if (state != OfferingState.PUBLISHED) {
            throw new RuleViolation("offering.notPublished");
        }
        state = OfferingState.CLOSED;
    }

    void cancel(@Nullable String reason) {
        if (state != OfferingState.DRAFT && state != OfferingState.PUBLISHED) {
            throw new RuleViolation("offering.notCancellable");
        }
        String given = reason == null ? "" : reason.strip();
        if (state == OfferingState.PUBLISHED && given.isEmpty()) {
            throw new RuleViolation("offering.cancelReasonRequired");
        }
        state = OfferingState.CANCELLED;
        cancelReason = given.isEmpty() ? null : given;
    }

    /** Whether it still takes its venue and instructors at its time. */
    boolean isActive() {
        return state == OfferingState.DRAFT || state == OfferingState.PUBLISHED;
    }

    boolean bearsFee() {
        return fee != null && fee.signum() > 0;
    }

    Schedule schedule() {
        return new Schedule(
                courseId,
                termId,
                weekday,
                slot,
                venueId,
                instructorIds(),
                capacity,
                grades(),
                fee,
                exerciseMinutes,
                slotOneContent,
                startsOn,
                endsOn);
    }

    UUID id() {
        return id;
    }

    UUID countyId() {
        return countyId;
    }

    UUID schoolId() {
        return schoolId;
    }

    UUID courseId() {
        return courseId;
    }

    UUID termId() {
        return termId;
    }

    OfferingState state() {
        return state;
    }

    @Nullable
    String cancelReason() {
        return cancelReason;
    }

    @Nullable
    BigDecimal fee() {
        return fee;
    }

    List<Integer> grades() {
        return grades.stream().map(OfferingGrade::gradeLevel).sorted().toList();
    }

    List<UUID> instructorIds() {
        return instructors.stream()
                .map(OfferingInstructor::instructorId)
                .sorted()
                .toList();
    }

    /**
     * When and where an offering takes place and for whom.
     *
     * @param startsOn first day, or null for the start of the term
     * @param endsOn last day, or null for the end of the term
     */
    record Schedule(
            UUID courseId,
            UUID termId,
            DayOfWeek weekday,
            Slot slot,
            UUID venueId,
            Collection<UUID> instructors,
            int capacity,
            Collection<Integer> grades,
            @Nullable BigDecimal fee,
            int exerciseMinutes,
            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {

        Schedule {
            instructors = Set.copyOf(instructors);
            grades = Set.copyOf(grades);
        }

        /** Whether both take place in the same slot of the same weekday, so they cannot share a venue or person. */
        boolean sameTimeAs(Schedule other) {
            return weekday == other.weekday && slot == other.slot && overlapsInDates(other);
        }

        private boolean overlapsInDates(Schedule other) {
            LocalDate a1 = startsOn == null ? LocalDate.MIN : startsOn;
            LocalDate a2 = endsOn == null ? LocalDate.MAX : endsOn;
            LocalDate b1 = other.startsOn == null ? LocalDate.MIN : other.startsOn;
            LocalDate b2 = other.endsOn == null ? LocalDate.MAX : other.endsOn;
            return !a1.isAfter(b2) && !b1.isAfter(a2);
        }
    }
}
