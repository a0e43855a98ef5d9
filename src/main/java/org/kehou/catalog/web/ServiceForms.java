package org.kehou.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning.NewServiceTime;
import org.kehou.catalog.ServicePlanning.ServiceTimeSummary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The forms of the service-times page; each keeps what the user typed when shown again with errors. */
public final class ServiceForms {

    private ServiceForms() {}

    /**
     * The times of one kind of service in a term (SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7), or that the
     * school does not run it; grades left empty mean the school's own.
     */
    public static class ServiceTimeForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID termId;

        @NotNull(message = "{validation.required}")
        @Nullable
        ServiceKind kind;

        boolean offered = true;

        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime startsAt;

        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime endsAt;

        @Min(value = 1, message = "{validation.grade}")
        @Max(value = 9, message = "{validation.grade}")
        @Nullable
        Integer firstGrade;

        @Min(value = 1, message = "{validation.grade}")
        @Max(value = 9, message = "{validation.grade}")
        @Nullable
        Integer lastGrade;

        /** The form for changing what is stored of a kind. */
        static ServiceTimeForm of(UUID termId, ServiceTimeSummary stored) {
            ServiceTimeForm form = new ServiceTimeForm();
            form.termId = termId;
            form.kind = stored.kind();
            form.offered = !stored.set() || stored.offered();
            form.startsAt = stored.startsAt();
            form.endsAt = stored.endsAt();
            form.firstGrade = stored.set() ? stored.firstGrade() : null;
            form.lastGrade = stored.set() ? stored.lastGrade() : null;
            return form;
        }

        /** An offered service needs both times; a time that did not parse already has its own error. */
        void requireTimes(BindingResult result) {
            if (!offered) {
                return;
            }
            if (startsAt == null && !result.hasFieldErrors("startsAt")) {
                result.rejectValue("startsAt", "validation.required");
            }
            if (endsAt == null && !result.hasFieldErrors("endsAt")) {
                result.rejectValue("endsAt", "validation.required");
            }
        }

        NewServiceTime toCommand() {
            return new NewServiceTime(termId, kind, offered, startsAt, endsAt, firstGrade, lastGrade);
        }

        public @Nullable UUID getTermId() {
            return termId;
        }

        public void setTermId(@Nullable UUID termId) {
            this.termId = termId;
        }

        public @Nullable ServiceKind getKind() {
            return kind;
        }

        public void setKind(@Nullable ServiceKind kind) {
            this.kind = kind;
        }

        public boolean isOffered() {
            return offered;
        }

        public void setOffered(boolean offered) {
            this.offered = offered;
        }

        public @Nullable LocalTime getStartsAt() {
            return startsAt;
        }

        public void setStartsAt(@Nullable LocalTime startsAt) {
            this.startsAt = startsAt;
        }

        public @Nullable LocalTime getEndsAt() {
            return endsAt;
        }

        public void setEndsAt(@Nullable LocalTime endsAt) {
            this.endsAt = endsAt;
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
}
