package org.kehou.operations.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.Slot;
import org.kehou.operations.Leaves.NewLeave;
import org.kehou.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the session pages (OPS-1, CONTENT-5) and of a guardian's leave report. */
final class SessionForms {

    /** Which field a rule's refusal is shown beside, by the start of its message key; else above the form. */
    static final Map<String, java.util.List<String>> FIELDS = Map.of(
            "session.reason.", java.util.List.of("reason"),
            "leave.date.", java.util.List.of("day"),
            "leave.reason.", java.util.List.of("reason"));

    private SessionForms() {}

    /**
     * The marks of a whole session as one form sends them: {@code marks[<child id>]=<mark>} for every child listed,
     * and the reason of a correction.
     */
    static class MarksForm {

        Map<String, String> marks = new LinkedHashMap<>();

        @Size(max = 200, message = "{validation.tooLong}")
        @Nullable
        String reason;

        public Map<String, String> getMarks() {
            return marks;
        }

        public void setMarks(Map<String, String> marks) {
            this.marks = marks;
        }

        public @Nullable String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason;
        }

        /** The marks by child; a key that is not a child's id is refused as no child of the session. */
        <M> Map<UUID, M> parsed(Function<String, M> parser) {
            Map<UUID, M> parsed = new LinkedHashMap<>();
            marks.forEach((key, value) -> {
                UUID child;
                try {
                    child = UUID.fromString(key.strip());
                } catch (IllegalArgumentException e) {
                    throw new RuleViolation(
                            "session.child.notRegistered", key.length() > 40 ? key.substring(0, 40) : key);
                }
                parsed.put(child, parser.apply(value == null ? "" : value));
            });
            return parsed;
        }
    }

    /** A guardian's leave report: the day, the slot missed (empty for the whole day) and why. */
    static class LeaveForm {

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate day;

        @Nullable
        Slot slot;

        @Size(max = 200, message = "{validation.tooLong}")
        @Nullable
        String reason;

        public @Nullable LocalDate getDay() {
            return day;
        }

        public void setDay(@Nullable LocalDate day) {
            this.day = day;
        }

        public @Nullable Slot getSlot() {
            return slot;
        }

        public void setSlot(@Nullable Slot slot) {
            this.slot = slot;
        }

        public @Nullable String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason;
        }

        NewLeave toCommand() {
            return new NewLeave(java.util.Objects.requireNonNull(day), slot, reason);
        }
    }
}
