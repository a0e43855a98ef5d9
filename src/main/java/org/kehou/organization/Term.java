package org.kehou.organization;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
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
 * A term of a school year at one school, with its calendar (ORG-2): weekdays are school days, weekends are not,
 * except where a holiday or a make-up day is marked; days outside the term are vacation.
 */
@Table(schema = "organization", name = "term")
public class Term {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final int schoolYear;
    private final TermKind kind;
    private LocalDate startsOn;
    private LocalDate endsOn;

    @MappedCollection(idColumn = "term_id")
    private Set<CalendarDay> days = new HashSet<>();

    @PersistenceCreator
    Term(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            int schoolYear,
            TermKind kind,
            LocalDate startsOn,
            LocalDate endsOn) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.schoolYear = schoolYear;
        this.kind = kind;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    /**
     * Plans a term; the autumn term of school year Y lies within Sept Y – Jan Y+1, the spring term within
     * Feb – Aug Y+1.
     */
    static Term plan(
            UUID id,
            UUID countyId,
            UUID schoolId,
            int schoolYear,
            TermKind kind,
            LocalDate startsOn,
            LocalDate endsOn) {
        TermDatesRule.check(schoolYear, kind, startsOn, endsOn);
        return new Term(id, null, countyId, schoolId, schoolYear, kind, startsOn, endsOn);
    }

    /** Marks a holiday on a weekday or a make-up day on a weekend; marking it as a plain day again removes it. */
    void mark(LocalDate day, DayKind kind, @Nullable String note) {
        if (day.isBefore(startsOn) || day.isAfter(endsOn)) {
            throw new RuleViolation("calendar.outsideTerm");
        }
        boolean weekend = isWeekend(day);
        if (kind == DayKind.MAKE_UP_DAY && !weekend) {
            throw new RuleViolation("calendar.makeUpOnWeekday");
        }
        if (kind != DayKind.HOLIDAY && kind != DayKind.MAKE_UP_DAY) {
            days.removeIf(d -> d.onDate().equals(day));
            return;
        }
        days.removeIf(d -> d.onDate().equals(day));
        days.add(new CalendarDay(day, kind, note));
    }

    /** What the day is in this school's calendar. */
    public DayKind dayKind(LocalDate day) {
        if (day.isBefore(startsOn) || day.isAfter(endsOn)) {
            return DayKind.VACATION;
        }
        for (CalendarDay d : days) {
            if (d.onDate().equals(day)) {
                return d.kind();
            }
        }
        return isWeekend(day) ? DayKind.WEEKEND : DayKind.SCHOOL_DAY;
    }

    /**
     * The term a school's pages show unless another is asked for: the one under way on the given day, else the next
     * to begin, else the latest; empty when there is none.
     */
    public static java.util.Optional<Term> shownOn(java.util.Collection<Term> terms, LocalDate day) {
        return terms.stream()
                .filter(t -> !t.startsOn().isAfter(day) && !t.endsOn().isBefore(day))
                .findFirst()
                .or(() -> terms.stream()
                        .filter(t -> t.startsOn().isAfter(day))
                        .min(java.util.Comparator.comparing(Term::startsOn)))
                .or(() -> terms.stream().max(java.util.Comparator.comparing(Term::startsOn)));
    }

    public boolean isSchoolDay(LocalDate day) {
        return dayKind(day).isSchoolDay();
    }

    /** The number of school days in the term. */
    public long schoolDayCount() {
        return startsOn.datesUntil(endsOn.plusDays(1)).filter(this::isSchoolDay).count();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public UUID id() {
        return id;
    }

    public UUID schoolId() {
        return schoolId;
    }

    public int schoolYear() {
        return schoolYear;
    }

    public TermKind kind() {
        return kind;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Set<CalendarDay> days() {
        return Set.copyOf(days);
    }

    /** The marked days in date order. */
    public java.util.List<CalendarDay> sortedDays() {
        return days.stream()
                .sorted(java.util.Comparator.comparing(CalendarDay::onDate))
                .toList();
    }
}
