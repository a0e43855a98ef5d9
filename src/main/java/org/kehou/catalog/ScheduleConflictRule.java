package org.kehou.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import org.kehou.organization.Stage;

/**
 * COURSE-3: an offering is refused when its venue or one of its instructors is already taken at its weekday and slot
 * by another active offering of the term, when it takes more students than its venue holds, when it is for a grade
 * the school does not have, or when its first or last day lies outside the term or is not a school day (a holiday
 * or weekend). Students in two places at once are refused at registration.
 */
final class ScheduleConflictRule {

    private ScheduleConflictRule() {}

    /**
     * @param candidate the offering to check
     * @param venueCapacity how many its venue holds
     * @param stage the school's stage, which fixes its grades
     * @param term the term's dates and calendar
     * @param others the other active offerings of the term
     */
    static Verdict check(
            Offering.Schedule candidate,
            int venueCapacity,
            Stage stage,
            TermDates term,
            Collection<Offering.Schedule> others) {
        return gradesOfSchool(stage, candidate.grades())
                .and(() -> candidate.capacity() > venueCapacity
                        ? Verdict.refused("schedule.overVenueCapacity", candidate.capacity(), venueCapacity)
                        : Verdict.allowed())
                .and(() -> dates(candidate, term))
                .and(() -> clashes(candidate, others));
    }

    /** Every grade is one the school's stage has. */
    static Verdict gradesOfSchool(Stage stage, Collection<Integer> grades) {
        return grades.stream()
                .filter(g -> !stage.hasGrade(g))
                .sorted()
                .findFirst()
                .map(g -> Verdict.refused("schedule.gradeNotInSchool", g))
                .orElse(Verdict.allowed());
    }

    private static Verdict dates(Offering.Schedule candidate, TermDates term) {
        if (candidate.weekday() == DayOfWeek.SATURDAY || candidate.weekday() == DayOfWeek.SUNDAY) {
            return Verdict.refused("schedule.weekend");
        }
        for (LocalDate day : new LocalDate[] {candidate.startsOn(), candidate.endsOn()}) {
            if (day == null) {
                continue;
            }
            if (!term.contains(day)) {
                return Verdict.refused("schedule.outsideTerm", day, term.startsOn(), term.endsOn());
            }
            if (!term.schoolDay().test(day)) {
                return Verdict.refused("schedule.notSchoolDay", day);
            }
        }
        if (candidate.startsOn() != null
                && candidate.endsOn() != null
                && candidate.endsOn().isBefore(candidate.startsOn())) {
            return Verdict.refused("schedule.endsBeforeStart");
        }
        return Verdict.allowed();
    }

    private static Verdict clashes(Offering.Schedule candidate, Collection<Offering.Schedule> others) {
        for (Offering.Schedule other : others) {
            if (!candidate.sameTimeAs(other)) {
                continue;
            }
            if (other.venueId().equals(candidate.venueId())) {
                return Verdict.refused("schedule.venueTaken");
            }
            if (!Collections.disjoint(other.instructors(), candidate.instructors())) {
                return Verdict.refused("schedule.instructorTaken");
            }
        }
        return Verdict.allowed();
    }
}
