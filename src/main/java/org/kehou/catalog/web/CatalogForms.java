package org.kehou.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogReports.TimetableQuery;
import org.kehou.catalog.VenueKind;
import org.kehou.platform.PlainText;

/**
 * The forms of the venue, county, city and timetable pages; each keeps what the user typed when it is shown again
 * with errors.
 */
public final class CatalogForms {

    /** The most students a venue of a school may hold, a whole sports ground included. */
    static final int MAX_VENUE_CAPACITY = 5000;

    private CatalogForms() {}

    /** A room or ground to add to the school (CONTENT-6), with how many students it holds (COURSE-3). */
    public static class VenueForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        VenueKind kind;

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{venue.capacityTooSmall}")
        @Max(value = MAX_VENUE_CAPACITY, message = "{venue.capacityTooLarge}")
        @Nullable
        Integer capacity;

        NewVenue toCommand() {
            return new NewVenue(name.strip(), kind, capacity);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable VenueKind getKind() {
            return kind;
        }

        public void setKind(@Nullable VenueKind kind) {
            this.kind = kind;
        }

        public @Nullable Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(@Nullable Integer capacity) {
            this.capacity = capacity;
        }
    }

    /**
     * The minimum exercise minutes per slot (CONTENT-3) of the city, or of a county, which may raise the city's but
     * never lower it.
     */
    public static class ExerciseMinimumForm {
        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{exercise.minutesOutOfRange}")
        @Max(value = 240, message = "{exercise.minutesOutOfRange}")
        @Nullable
        Integer minutes;

        public @Nullable Integer getMinutes() {
            return minutes;
        }

        public void setMinutes(@Nullable Integer minutes) {
            this.minutes = minutes;
        }
    }

    /** The days a county's fee notices stay public before their offerings open for registration (ENROL-5). */
    public static class NoticePeriodForm {
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{notice.daysOutOfRange}")
        @Max(value = 60, message = "{notice.daysOutOfRange}")
        @Nullable
        Integer days;

        public @Nullable Integer getDays() {
            return days;
        }

        public void setDays(@Nullable Integer days) {
            this.days = days;
        }
    }

    /**
     * What a timetable shows: a term (the latest when none is given), and optionally one grade or class, one venue
     * and one instructor; drafts only when asked for.
     */
    public static class TimetableFilter {
        @Nullable
        UUID term;

        @Nullable
        Integer grade;

        @Nullable
        UUID classId;

        @Nullable
        UUID venue;

        @Nullable
        UUID instructor;

        boolean drafts;

        TimetableQuery toQuery(@Nullable Integer gradeShown) {
            return new TimetableQuery(term, gradeShown, venue, instructor, drafts);
        }

        public @Nullable UUID getTerm() {
            return term;
        }

        public void setTerm(@Nullable UUID term) {
            this.term = term;
        }

        public @Nullable Integer getGrade() {
            return grade;
        }

        public void setGrade(@Nullable Integer grade) {
            this.grade = grade;
        }

        public @Nullable UUID getClassId() {
            return classId;
        }

        public void setClassId(@Nullable UUID classId) {
            this.classId = classId;
        }

        public @Nullable UUID getVenue() {
            return venue;
        }

        public void setVenue(@Nullable UUID venue) {
            this.venue = venue;
        }

        public @Nullable UUID getInstructor() {
            return instructor;
        }

        public void setInstructor(@Nullable UUID instructor) {
            this.instructor = instructor;
        }

        public boolean isDrafts() {
            return drafts;
        }

        public void setDrafts(boolean drafts) {
            this.drafts = drafts;
        }
    }
}
