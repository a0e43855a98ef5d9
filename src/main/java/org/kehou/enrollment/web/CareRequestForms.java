package org.kehou.enrollment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests.NewCareGroup;
import org.kehou.enrollment.CareRequests.NewEarlyArrival;
import org.kehou.enrollment.CareRequests.NewExtendedCare;
import org.kehou.platform.PlainText;
import org.kehou.platform.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The forms of the care pages; each keeps what the user typed when it is shown again with errors. */
public final class CareRequestForms {

    /** Which field a rule's refusal is shown beside, by the start of its message key; else above the form. */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("care.arrival.", List.of("arrivalTime")),
            Map.entry("care.pickup.", List.of("pickupBy")),
            Map.entry("care.weekdays.", List.of("weekdays")),
            Map.entry("care.dates.", List.of("firstDay")),
            Map.entry("care.reason.", List.of("reason")),
            Map.entry("care.decline.reason", List.of("reason")),
            Map.entry("care.staff.", List.of("careStaffId", "supervisorId")),
            Map.entry("care.group.unknown", List.of("groupId")),
            Map.entry("care.group.venueUnknown", List.of("venueId")),
            Map.entry("care.group.room", List.of("room")),
            Map.entry("care.group.name", List.of("name")));

    private CareRequestForms() {}

    /**
     * Runs a command; a rule's refusal becomes an error beside the field it concerns (the supervisor for a group's
     * staff), or above the form. Returns whether it succeeded.
     */
    static boolean attempt(BindingResult result, Runnable command) {
        return FormErrors.attempt(result, FIELDS, command);
    }

    /** An early arrival asked for by a guardian (SCOPE-1). */
    public static class EarlyArrivalForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID studentId;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate firstDay;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate lastDay;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime arrivalTime;

        @NotBlank(message = "{care.reason.required}")
        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        boolean specialNeed;

        EarlyArrivalForm() {}

        EarlyArrivalForm(@Nullable UUID studentId) {
            this.studentId = studentId;
        }

        NewEarlyArrival toCommand() {
            return new NewEarlyArrival(
                    Objects.requireNonNull(studentId),
                    Objects.requireNonNull(firstDay),
                    Objects.requireNonNull(lastDay),
                    Objects.requireNonNull(arrivalTime),
                    reason.strip(),
                    specialNeed);
        }

        public @Nullable UUID getStudentId() {
            return studentId;
        }

        public void setStudentId(@Nullable UUID studentId) {
            this.studentId = studentId;
        }

        public @Nullable LocalDate getFirstDay() {
            return firstDay;
        }

        public void setFirstDay(@Nullable LocalDate firstDay) {
            this.firstDay = firstDay;
        }

        public @Nullable LocalDate getLastDay() {
            return lastDay;
        }

        public void setLastDay(@Nullable LocalDate lastDay) {
            this.lastDay = lastDay;
        }

        public @Nullable LocalTime getArrivalTime() {
            return arrivalTime;
        }

        public void setArrivalTime(@Nullable LocalTime arrivalTime) {
            this.arrivalTime = arrivalTime;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }

        public boolean isSpecialNeed() {
            return specialNeed;
        }

        public void setSpecialNeed(boolean specialNeed) {
            this.specialNeed = specialNeed;
        }
    }

    /** Extended care asked for by a guardian (SCOPE-2). */
    public static class ExtendedCareForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID studentId;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate firstDay;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate lastDay;

        @NotEmpty(message = "{care.weekdays.none}")
        List<DayOfWeek> weekdays = new ArrayList<>();

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime pickupBy;

        @NotBlank(message = "{care.reason.required}")
        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        ExtendedCareForm() {}

        ExtendedCareForm(@Nullable UUID studentId) {
            this.studentId = studentId;
        }

        NewExtendedCare toCommand() {
            return new NewExtendedCare(
                    Objects.requireNonNull(studentId),
                    Objects.requireNonNull(firstDay),
                    Objects.requireNonNull(lastDay),
                    weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays),
                    Objects.requireNonNull(pickupBy),
                    reason.strip());
        }

        public @Nullable UUID getStudentId() {
            return studentId;
        }

        public void setStudentId(@Nullable UUID studentId) {
            this.studentId = studentId;
        }

        public @Nullable LocalDate getFirstDay() {
            return firstDay;
        }

        public void setFirstDay(@Nullable LocalDate firstDay) {
            this.firstDay = firstDay;
        }

        public @Nullable LocalDate getLastDay() {
            return lastDay;
        }

        public void setLastDay(@Nullable LocalDate lastDay) {
            this.lastDay = lastDay;
        }

        public List<DayOfWeek> getWeekdays() {
            return weekdays;
        }

        public void setWeekdays(@Nullable List<DayOfWeek> weekdays) {
            this.weekdays = weekdays == null ? new ArrayList<>() : weekdays;
        }

        public @Nullable LocalTime getPickupBy() {
            return pickupBy;
        }

        public void setPickupBy(@Nullable LocalTime pickupBy) {
            this.pickupBy = pickupBy;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** The member of the school's staff who looks after an early arrival. */
    public static class StaffForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID careStaffId;

        public @Nullable UUID getCareStaffId() {
            return careStaffId;
        }

        public void setCareStaffId(@Nullable UUID careStaffId) {
            this.careStaffId = careStaffId;
        }
    }

    /** The care group an extended-care child is placed in. */
    public static class GroupChoiceForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID groupId;

        public @Nullable UUID getGroupId() {
            return groupId;
        }

        public void setGroupId(@Nullable UUID groupId) {
            this.groupId = groupId;
        }
    }

    /** Why the school declines a request; the guardian reads it. */
    public static class DeclineForm {
        @NotBlank(message = "{care.decline.reasonRequired}")
        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** A care group to form: name, supervising staff, and a room named freely or one of the school's venues. */
    public static class CareGroupForm {
        @NotBlank(message = "{care.group.nameRequired}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID supervisorId;

        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String room = "";

        @Nullable
        UUID venueId;

        NewCareGroup toCommand() {
            return new NewCareGroup(
                    name.strip(), Objects.requireNonNull(supervisorId), room.isBlank() ? null : room.strip(), venueId);
        }

        public String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name == null ? "" : name;
        }

        public @Nullable UUID getSupervisorId() {
            return supervisorId;
        }

        public void setSupervisorId(@Nullable UUID supervisorId) {
            this.supervisorId = supervisorId;
        }

        public String getRoom() {
            return room;
        }

        public void setRoom(@Nullable String room) {
            this.room = room == null ? "" : room;
        }

        public @Nullable UUID getVenueId() {
            return venueId;
        }

        public void setVenueId(@Nullable UUID venueId) {
            this.venueId = venueId;
        }
    }
}
