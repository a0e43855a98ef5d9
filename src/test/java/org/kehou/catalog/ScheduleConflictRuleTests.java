package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.OfferingFixtures.ART_ROOM;
import static org.kehou.catalog.OfferingFixtures.GROUND;
import static org.kehou.catalog.OfferingFixtures.MR_WANG;
import static org.kehou.catalog.OfferingFixtures.MS_LI;
import static org.kehou.catalog.OfferingFixtures.NATIONAL_DAY;
import static org.kehou.catalog.OfferingFixtures.autumn2025;
import static org.kehou.catalog.OfferingFixtures.paintingOnTuesday;
import static org.kehou.catalog.OfferingFixtures.schedule;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kehou.organization.Stage;

/**
 * COURSE-3: a venue or instructor in two places at once, more students than the venue holds, grades the school
 * does not have, and dates outside the term or on a holiday are refused.
 */
class ScheduleConflictRuleTests {

    @Test
    void allowsAnOfferingThatFitsTheSchoolAndTerm() {
        assertAllowed(check(paintingOnTuesday(), 40, List.of()));
    }

    @Test
    void refusesAVenueTakenInTheSameSlot() {
        var football = schedule(DayOfWeek.TUESDAY, Slot.SLOT_2, ART_ROOM, Set.of(MR_WANG), 30, List.of(5));

        assertRefused(check(football, 40, List.of(paintingOnTuesday())), "schedule.venueTaken");
    }

    @Test
    void refusesAnInstructorTakenInTheSameSlot() {
        var calligraphy = schedule(DayOfWeek.TUESDAY, Slot.SLOT_2, GROUND, Set.of(MS_LI, MR_WANG), 30, List.of(5));

        assertRefused(check(calligraphy, 40, List.of(paintingOnTuesday())), "schedule.instructorTaken");
    }

    @Test
    void allowsTheSameVenueAndInstructorInAnotherSlotOrWeekday() {
        var slotOne = schedule(DayOfWeek.TUESDAY, Slot.SLOT_1, ART_ROOM, Set.of(MS_LI), 30, List.of(3));
        var wednesday = schedule(DayOfWeek.WEDNESDAY, Slot.SLOT_2, ART_ROOM, Set.of(MS_LI), 30, List.of(3));

        assertAllowed(check(slotOne, 40, List.of(paintingOnTuesday())));
        assertAllowed(check(wednesday, 40, List.of(paintingOnTuesday())));
    }

    @Test
    void allowsTheSameVenueInTheSameSlotWhenTheDatesDoNotOverlap() {
        var september = schedule(
                DayOfWeek.TUESDAY,
                Slot.SLOT_2,
                ART_ROOM,
                Set.of(MS_LI),
                30,
                List.of(3),
                LocalDate.of(2025, 9, 2),
                LocalDate.of(2025, 9, 30));
        var november = schedule(
                DayOfWeek.TUESDAY,
                Slot.SLOT_2,
                ART_ROOM,
                Set.of(MS_LI),
                30,
                List.of(3),
                LocalDate.of(2025, 11, 4),
                LocalDate.of(2025, 12, 30));

        assertAllowed(check(november, 40, List.of(september)));
    }

    @Test
    void refusesMoreStudentsThanTheVenueHolds() {
        Verdict verdict = assertRefused(check(paintingOnTuesday(), 25, List.of()), "schedule.overVenueCapacity");

        assertThat(verdict.arguments()).containsExactly(30, 25);
    }

    @Test
    void refusesAGradeTheSchoolDoesNotHave() {
        var forGradeEight = schedule(DayOfWeek.MONDAY, Slot.SLOT_2, GROUND, Set.of(MR_WANG), 30, List.of(6, 8));

        Verdict verdict = assertRefused(
                ScheduleConflictRule.check(forGradeEight, 40, Stage.PRIMARY, autumn2025(), List.of()),
                "schedule.gradeNotInSchool");

        assertThat(verdict.arguments()).containsExactly(8);
    }

    @Test
    void refusesADateOutsideTheTerm() {
        var intoFebruary = schedule(
                DayOfWeek.MONDAY,
                Slot.SLOT_2,
                GROUND,
                Set.of(MR_WANG),
                30,
                List.of(3),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 2, 2));

        assertRefused(check(intoFebruary, 40, List.of()), "schedule.outsideTerm");
    }

    @Test
    void refusesAnOfferingStartingOnAHoliday() {
        var fromNationalDay = schedule(
                DayOfWeek.WEDNESDAY,
                Slot.SLOT_2,
                GROUND,
                Set.of(MR_WANG),
                30,
                List.of(3),
                NATIONAL_DAY,
                LocalDate.of(2025, 12, 31));

        assertRefused(check(fromNationalDay, 40, List.of()), "schedule.notSchoolDay");
    }

    @Test
    void refusesAWeekendSlot() {
        var saturday = schedule(DayOfWeek.SATURDAY, Slot.SLOT_2, GROUND, Set.of(MR_WANG), 30, List.of(3));

        assertRefused(check(saturday, 40, List.of()), "schedule.weekend");
    }

    private static Verdict check(Offering.Schedule candidate, int venueCapacity, List<Offering.Schedule> others) {
        return ScheduleConflictRule.check(candidate, venueCapacity, Stage.NINE_YEAR, autumn2025(), others);
    }
}
