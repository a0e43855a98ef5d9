package org.kehou.catalog;

import java.time.DayOfWeek;
import java.util.Comparator;
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
 * A school's daily plan for one weekday and grade band in a term (CONTENT-2, CONTENT-3): the start and end of each
 * slot, its activities and its exercise minutes. Published only when every slot has the minimum exercise.
 */
@Table(schema = "catalog", name = "slot_plan")
class SlotPlan {

    enum State {
        DRAFT,
        PUBLISHED
    }

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID termId;
    private final DayOfWeek weekday;
    private final int firstGrade;
    private final int lastGrade;
    private State state;

    @MappedCollection(idColumn = "slot_plan_id")
    private Set<PlanSlot> slots = new HashSet<>();

    @PersistenceCreator
    SlotPlan(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID termId,
            DayOfWeek weekday,
            int firstGrade,
            int lastGrade,
            State state) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.termId = termId;
        this.weekday = weekday;
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
        this.state = state;
    }

    static SlotPlan draft(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID termId,
            DayOfWeek weekday,
            int firstGrade,
            int lastGrade,
            List<PlanSlot> slots) {
        if (lastGrade < firstGrade) {
            throw new RuleViolation("plan.gradeBandReversed");
        }
        SlotPlan plan = new SlotPlan(id, null, countyId, schoolId, termId, weekday, firstGrade, lastGrade, State.DRAFT);
        plan.slots = checkedSlots(slots);
        return plan;
    }

    /** A draft of the same plan in another term of the school. */
    SlotPlan copyTo(UUID id, UUID termId) {
        return draft(id, countyId, schoolId, termId, weekday, firstGrade, lastGrade, slots());
    }

    /**
     * Replaces the times, activities and exercise minutes of the slots of a draft; a published plan is what families
     * have been told and is not edited.
     */
    void revise(List<PlanSlot> revised) {
        if (state != State.DRAFT) {
            throw new RuleViolation("plan.publishedNotEditable");
        }
        slots = checkedSlots(revised);
    }

    /** Whether both plans are for the same weekday and share a grade, so a term can hold only one of them. */
    boolean overlaps(SlotPlan other) {
        return weekday == other.weekday && firstGrade <= other.lastGrade && other.firstGrade <= lastGrade;
    }

    private static Set<PlanSlot> checkedSlots(List<PlanSlot> slots) {
        if (slots.isEmpty()) {
            throw new RuleViolation("plan.noSlots");
        }
        Set<PlanSlot> checked = new HashSet<>();
        for (PlanSlot slot : slots) {
            if (!slot.endsAt().isAfter(slot.startsAt())) {
                throw new RuleViolation("plan.slotEndsBeforeStart");
            }
            if (slot.exerciseMinutes() < 0 || slot.exerciseMinutes() > slot.lengthMinutes()) {
                throw new RuleViolation("plan.exerciseLongerThanSlot");
            }
            if (checked.stream().anyMatch(s -> s.slot() == slot.slot())) {
                throw new RuleViolation("plan.slotTwice");
            }
            checked.add(slot);
        }
        List<PlanSlot> ordered = checked.stream()
                .sorted(Comparator.comparing(PlanSlot::startsAt))
                .toList();
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).startsAt().isBefore(ordered.get(i - 1).endsAt())) {
                throw new RuleViolation("plan.slotsOverlap");
            }
        }
        return checked;
    }

    /** Publishes the plan; the caller has checked the exercise minimum. */
    void publish() {
        if (state != State.DRAFT) {
            throw new RuleViolation("plan.notDraft");
        }
        state = State.PUBLISHED;
    }

    /** Takes a published plan back to draft so that it can be revised and published again. */
    void withdraw() {
        if (state != State.PUBLISHED) {
            throw new RuleViolation("plan.notPublished");
        }
        state = State.DRAFT;
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

    UUID termId() {
        return termId;
    }

    DayOfWeek weekday() {
        return weekday;
    }

    int firstGrade() {
        return firstGrade;
    }

    int lastGrade() {
        return lastGrade;
    }

    List<Integer> grades() {
        return java.util.stream.IntStream.rangeClosed(firstGrade, lastGrade)
                .boxed()
                .toList();
    }

    State state() {
        return state;
    }

    /** The slots in the order of the day. */
    List<PlanSlot> slots() {
        return slots.stream().sorted(Comparator.comparing(PlanSlot::startsAt)).toList();
    }
}
