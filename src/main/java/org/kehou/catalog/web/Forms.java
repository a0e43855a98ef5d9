package org.kehou.catalog.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewFeeNotice;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.SlotLine;
import org.kehou.catalog.CatalogManagement.SlotPlanSummary;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the catalog pages; each keeps what the user typed when it is shown again with errors. */
public final class Forms {

    private Forms() {}

    /** A course to add to the school's course system (COURSE-1); it requires nothing else (CONTENT-1). */
    public static class CourseForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        CourseCategory category;

        @Nullable
        ActivityKind activityKind;

        @NotEmpty(message = "{course.noGrades}")
        List<Integer> grades = new ArrayList<>();

        @Size(max = 500, message = "{validation.tooLong}")
        @PlainText
        String goals = "";

        @Size(max = 2000, message = "{validation.tooLong}")
        @PlainText
        String description = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        ProviderKind providerKind = ProviderKind.STAFF;

        NewCourse toCommand() {
            return new NewCourse(
                    name.strip(),
                    category,
                    activityKind,
                    grades,
                    goals.isBlank() ? null : goals.strip(),
                    description.isBlank() ? null : description.strip(),
                    providerKind,
                    (UUID) null,
                    List.of());
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable CourseCategory getCategory() {
            return category;
        }

        public void setCategory(@Nullable CourseCategory category) {
            this.category = category;
        }

        public @Nullable ActivityKind getActivityKind() {
            return activityKind;
        }

        public void setActivityKind(@Nullable ActivityKind activityKind) {
            this.activityKind = activityKind;
        }

        public List<Integer> getGrades() {
            return grades;
        }

        public void setGrades(@Nullable List<Integer> grades) {
            this.grades = grades == null ? new ArrayList<>() : grades;
        }

        public String getGoals() {
            return goals;
        }

        public void setGoals(String goals) {
            this.goals = goals;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public @Nullable ProviderKind getProviderKind() {
            return providerKind;
        }

        public void setProviderKind(@Nullable ProviderKind providerKind) {
            this.providerKind = providerKind;
        }
    }

    /**
     * The times, activities and exercise minutes of slot 1 and slot 2 of a daily plan (CONTENT-2, CONTENT-3), as
     * drafted or revised.
     */
    public static class PlanSlotsForm {
        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime slot1Start;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime slot1End;

        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.tooLong}")
        @PlainText
        String slot1Activities = "";

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{plan.exerciseNegative}")
        @Nullable
        Integer slot1Exercise;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime slot2Start;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime slot2End;

        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.tooLong}")
        @PlainText
        String slot2Activities = "";

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{plan.exerciseNegative}")
        @Nullable
        Integer slot2Exercise;

        /** The form filled with a plan's current slots, to revise them. */
        static PlanSlotsForm of(SlotPlanSummary plan) {
            PlanSlotsForm form = new PlanSlotsForm();
            for (SlotLine line : plan.slots()) {
                if (line.slot() == Slot.SLOT_1) {
                    form.slot1Start = line.startsAt();
                    form.slot1End = line.endsAt();
                    form.slot1Activities = line.activities();
                    form.slot1Exercise = line.exerciseMinutes();
                } else if (line.slot() == Slot.SLOT_2) {
                    form.slot2Start = line.startsAt();
                    form.slot2End = line.endsAt();
                    form.slot2Activities = line.activities();
                    form.slot2Exercise = line.exerciseMinutes();
                }
            }
            return form;
        }

        List<SlotLine> toSlots() {
            return List.of(
                    new SlotLine(Slot.SLOT_1, slot1Start, slot1End, slot1Activities.strip(), slot1Exercise),
                    new SlotLine(Slot.SLOT_2, slot2Start, slot2End, slot2Activities.strip(), slot2Exercise));
        }

        public @Nullable LocalTime getSlot1Start() {
            return slot1Start;
        }

        public void setSlot1Start(@Nullable LocalTime slot1Start) {
            this.slot1Start = slot1Start;
        }

        public @Nullable LocalTime getSlot1End() {
            return slot1End;
        }

        public void setSlot1End(@Nullable LocalTime slot1End) {
            this.slot1End = slot1End;
        }

        public String getSlot1Activities() {
            return slot1Activities;
        }

        public void setSlot1Activities(String slot1Activities) {
            this.slot1Activities = slot1Activities;
        }

        public @Nullable Integer getSlot1Exercise() {
            return slot1Exercise;
        }

        public void setSlot1Exercise(@Nullable Integer slot1Exercise) {
            this.slot1Exercise = slot1Exercise;
        }

        public @Nullable LocalTime getSlot2Start() {
            return slot2Start;
        }

        public void setSlot2Start(@Nullable LocalTime slot2Start) {
            this.slot2Start = slot2Start;
        }

        public @Nullable LocalTime getSlot2End() {
            return slot2End;
        }

        public void setSlot2End(@Nullable LocalTime slot2End) {
            this.slot2End = slot2End;
        }

        public String getSlot2Activities() {
            return slot2Activities;
        }

        public void setSlot2Activities(String slot2Activities) {
            this.slot2Activities = slot2Activities;
        }

        public @Nullable Integer getSlot2Exercise() {
            return slot2Exercise;
        }

        public void setSlot2Exercise(@Nullable Integer slot2Exercise) {
            this.slot2Exercise = slot2Exercise;
        }
    }

    /** A daily slot plan to draft for a term, weekday and grade band, with its two slots. */
    public static class SlotPlanForm extends PlanSlotsForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID termId;

        @NotNull(message = "{validation.required}")
        @Nullable
        DayOfWeek weekday;

        @NotNull(message = "{validation.required}")
        @Nullable
        Integer firstGrade;

        @NotNull(message = "{validation.required}")
        @Nullable
        Integer lastGrade;

        /** An empty form for a plan of the given term. */
        static SlotPlanForm forTerm(@Nullable UUID term) {
            SlotPlanForm form = new SlotPlanForm();
            form.termId = term;
            return form;
        }

        NewSlotPlan toCommand() {
            return new NewSlotPlan(termId, weekday, firstGrade, lastGrade, toSlots());
        }

        public @Nullable UUID getTermId() {
            return termId;
        }

        public void setTermId(@Nullable UUID termId) {
            this.termId = termId;
        }

        public @Nullable DayOfWeek getWeekday() {
            return weekday;
        }

        public void setWeekday(@Nullable DayOfWeek weekday) {
            this.weekday = weekday;
        }

        public @Nullable Integer getFirstGrade() {
            return firstGrade;
        }

        public void setFirstGrade(@Nullable Integer firstGrade) {
            this.firstGrade = firstGrade;
        }

        public @Nullable Integer getLastGrade() {
            return lastGrade;
        }

        public void setLastGrade(@Nullable Integer lastGrade) {
            this.lastGrade = lastGrade;
        }
    }

    /**
     * An offering of a course to draft in a term (COURSE-2): its weekday and slot, venue, instructor, capacity,
     * grades and exercise minutes, and for slot 1 what it does (CONTENT-4).
     */
    public static class OfferingForm {

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID courseId;

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID termId;

        @NotNull(message = "{validation.required}")
        @Nullable
        DayOfWeek weekday;

        @NotNull(message = "{validation.required}")
        @Nullable
        Slot slot;

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID venueId;

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID instructorId;

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{offering.capacityTooSmall}")
        @Max(value = 2000, message = "{offering.capacityTooLarge}")
        @Nullable
        Integer capacity;

        @NotEmpty(message = "{offering.noGrades}")
        List<Integer> grades = new ArrayList<>();

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{offering.exerciseNegative}")
        @Max(value = 240, message = "{exercise.minutesOutOfRange}")
        @Nullable
        Integer exerciseMinutes;

        @Nullable
        SlotOneContent slotOneContent;

        @DecimalMin(value = "0", message = "{fee.negative}")
        @Digits(integer = 6, fraction = 2, message = "{offering.feeFormat}")
        @Nullable
        BigDecimal fee;

        /** An empty form for an offering of the given term. */
        static OfferingForm forTerm(@Nullable UUID term) {
            OfferingForm form = new OfferingForm();
            form.termId = term;
            return form;
        }

        NewOffering toCommand() {
            return new NewOffering(
                    courseId,
                    termId,
                    weekday,
                    slot,
                    venueId,
                    List.of(instructorId),
                    capacity,
                    grades,
                    fee == null || fee.signum() == 0 ? null : fee,
                    exerciseMinutes,
                    slotOneContent,
                    null,
                    null,
                    List.of());
        }

        public @Nullable UUID getCourseId() {
            return courseId;
        }

        public void setCourseId(@Nullable UUID courseId) {
            this.courseId = courseId;
        }

        public @Nullable UUID getTermId() {
            return termId;
        }

        public void setTermId(@Nullable UUID termId) {
            this.termId = termId;
        }

        public @Nullable DayOfWeek getWeekday() {
            return weekday;
        }

        public void setWeekday(@Nullable DayOfWeek weekday) {
            this.weekday = weekday;
        }

        public @Nullable Slot getSlot() {
            return slot;
        }

        public void setSlot(@Nullable Slot slot) {
            this.slot = slot;
        }

        public @Nullable UUID getVenueId() {
            return venueId;
        }

        public void setVenueId(@Nullable UUID venueId) {
            this.venueId = venueId;
        }

        public @Nullable UUID getInstructorId() {
            return instructorId;
        }

        public void setInstructorId(@Nullable UUID instructorId) {
            this.instructorId = instructorId;
        }

        public @Nullable Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(@Nullable Integer capacity) {
            this.capacity = capacity;
        }

        public List<Integer> getGrades() {
            return grades;
        }

        public void setGrades(@Nullable List<Integer> grades) {
            this.grades = grades == null ? new ArrayList<>() : grades;
        }

        public @Nullable Integer getExerciseMinutes() {
            return exerciseMinutes;
        }

        public void setExerciseMinutes(@Nullable Integer exerciseMinutes) {
            this.exerciseMinutes = exerciseMinutes;
        }

        public @Nullable SlotOneContent getSlotOneContent() {
            return slotOneContent;
        }

        public void setSlotOneContent(@Nullable SlotOneContent slotOneContent) {
            this.slotOneContent = slotOneContent;
        }

        public @Nullable BigDecimal getFee() {
            return fee;
        }

        public void setFee(@Nullable BigDecimal fee) {
            this.fee = fee;
        }
    }

    /** Why an offering is cancelled: required for a published one, whose families are told (COURSE-2). */
    public static class CancelForm {
        @Size(max = 200, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** Copies a term's offerings or daily plans into another term of the school as drafts. */
    public static class CopyForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID fromTermId;

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID toTermId;

        static CopyForm from(@Nullable UUID term) {
            CopyForm form = new CopyForm();
            form.fromTermId = term;
            return form;
        }

        public @Nullable UUID getFromTermId() {
            return fromTermId;
        }

        public void setFromTermId(@Nullable UUID fromTermId) {
            this.fromTermId = fromTermId;
        }

        public @Nullable UUID getToTermId() {
            return toTermId;
        }

        public void setToTermId(@Nullable UUID toTermId) {
            this.toTermId = toTermId;
        }
    }

    /**
     * The public notice (公示) of a fee-bearing institution offering (ENROL-5): what it offers, the fee standard, what
     * the fee covers, the refund rule and who is paid.
     */
    public static class FeeNoticeForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.tooLong}")
        @PlainText
        String content = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.tooLong}")
        @PlainText
        String feeStandard = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.tooLong}")
        @PlainText
        String covers = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.tooLong}")
        @PlainText
        String refundRule = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 100, message = "{validation.tooLong}")
        @PlainText
        String payee = "";

        NewFeeNotice toCommand() {
            return new NewFeeNotice(
                    content.strip(), feeStandard.strip(), covers.strip(), refundRule.strip(), payee.strip());
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getFeeStandard() {
            return feeStandard;
        }

        public void setFeeStandard(String feeStandard) {
            this.feeStandard = feeStandard;
        }

        public String getCovers() {
            return covers;
        }

        public void setCovers(String covers) {
            this.covers = covers;
        }

        public String getRefundRule() {
            return refundRule;
        }

        public void setRefundRule(String refundRule) {
            this.refundRule = refundRule;
        }

        public String getPayee() {
            return payee;
        }

        public void setPayee(String payee) {
            this.payee = payee;
        }
    }
}
