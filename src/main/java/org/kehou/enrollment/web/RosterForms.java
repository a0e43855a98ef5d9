package org.kehou.enrollment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.PlainText;
import org.kehou.platform.web.FormErrors;
import org.springframework.validation.BindingResult;

/** The forms of the roster and booking pages; each keeps what the user typed when it is shown again with errors. */
public final class RosterForms {

    /** Which field a rule's refusal is shown beside, by the start of its message key; else above the form. */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("move.reason", List.of("reason")),
            Map.entry("move.", List.of("destinationId")),
            Map.entry("enrollment.", List.of("destinationId")),
            Map.entry("booking.", List.of("childId")));

    private RosterForms() {}

    static boolean attempt(BindingResult result, Runnable command) {
        return FormErrors.attempt(result, FIELDS, command);
    }

    /** A school admin's move of a registration to another offering (ENROL-3). */
    public static class MoveForm {
        @NotNull(message = "{move.destinationRequired}")
        @Nullable
        UUID destinationId;

        @NotBlank(message = "{move.reasonRequired}")
        @Size(max = 200, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        public @Nullable UUID getDestinationId() {
            return destinationId;
        }

        public void setDestinationId(@Nullable UUID destinationId) {
            this.destinationId = destinationId;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** A guardian's booking of an opening for one of their children (SCOPE-3). */
    public static class BookingForm {
        @NotNull(message = "{booking.childRequired}")
        @Nullable
        UUID childId;

        public @Nullable UUID getChildId() {
            return childId;
        }

        public void setChildId(@Nullable UUID childId) {
            this.childId = childId;
        }
    }
}
