package org.kehou.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.catalog.OpeningPurpose;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning.NewServiceTime;
import org.kehou.catalog.ServicePlanning.ServiceTimeSummary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The forms of the service-times and openings pages; each keeps what the user typed when shown again with errors. */
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

    /**
     * A venue to open on a day without school (SCOPE-3): date, times, how many students, care or enrichment, and the
     * staff who supervise.
     */
    public static class OpeningForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID venueId;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate onDate;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime startsAt;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "HH:mm")
        @Nullable
        LocalTime endsAt;

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{opening.capacityOutOfRange}")
        @Max(value = 2000, message = "{opening.capacityOutOfRange}")
        @Nullable
        Integer capacity;

        @NotNull(message = "{validation.required}")
        @Nullable
        OpeningPurpose purpose;

        @NotEmpty(message = "{opening.noSupervisor}")
        List<UUID> supervisors = new ArrayList<>();

        NewOpening toCommand() {
            return new NewOpening(venueId, onDate, startsAt, endsAt, capacity, purpose, supervisors);
        }

        public @Nullable UUID getVenueId() {
            return venueId;
        }

        public void setVenueId(@Nullable UUID venueId) {
            this.venueId = venueId;
        }

        public @Nullable LocalDate getOnDate() {
            return onDate;
        }

        public void setOnDate(@Nullable LocalDate onDate) {
            this.onDate = onDate;
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

        public @Nullable Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(@Nullable Integer capacity) {
            this.capacity = capacity;
        }

        public @Nullable OpeningPurpose getPurpose() {
            return purpose;
        }

        public void setPurpose(@Nullable OpeningPurpose purpose) {
            this.purpose = purpose;
        }

        public List<UUID> getSupervisors() {
            return supervisors;
        }

        public void setSupervisors(@Nullable List<UUID> supervisors) {
            this.supervisors = supervisors == null ? new ArrayList<>() : supervisors;
        }
    }
}
