package org.kehou.catalog;

import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SCOPE-3: rooms and grounds open on days without school, supervised, within the venue's capacity. */
class NonSchoolDayRuleTests {

    static final UUID COUNTY = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-000000000051");
    static final UUID GROUND = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    static final UUID MR_WANG = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    static final LocalDate SATURDAY = LocalDate.of(2025, 9, 6);

    @Test
    void allowsASupervisedOpeningOnASaturday() {
        assertAllowed(NonSchoolDayRule.check(ground(9, 11, 80, Set.of(MR_WANG)), false, 200, List.of()));
    }

    @Test
    void refusesAnOpeningOnASchoolDay() {
        assertRefused(
                NonSchoolDayRule.check(ground(9, 11, 80, Set.of(MR_WANG)), true, 200, List.of()),
                "opening.onSchoolDay");
    }

    @Test
    void refusesAnOpeningWithoutSupervisor() {
        assertRefused(
                NonSchoolDayRule.check(ground(9, 11, 80, Set.of()), false, 200, List.of()), "opening.noSupervisor");
    }

    @Test
    void refusesMoreStudentsThanTheVenueHolds() {
        assertRefused(
                NonSchoolDayRule.check(ground(9, 11, 250, Set.of(MR_WANG)), false, 200, List.of()),
                "schedule.overVenueCapacity");
    }

    @Test
    void refusesAnOpeningEndingBeforeItStarts() {
        assertRefused(
                NonSchoolDayRule.check(ground(11, 9, 80, Set.of(MR_WANG)), false, 200, List.of()),
                "opening.endsBeforeStart");
    }

    @Test
    void refusesAVenueOpenedTwiceAtOverlappingTimes() {
        Opening morning = ground(9, 11, 80, Set.of(MR_WANG));

        assertRefused(
                NonSchoolDayRule.check(ground(10, 12, 80, Set.of(MR_WANG)), false, 200, List.of(morning)),
                "schedule.venueTaken");
        assertAllowed(NonSchoolDayRule.check(ground(11, 12, 80, Set.of(MR_WANG)), false, 200, List.of(morning)));
    }

    private static Opening ground(int fromHour, int toHour, int capacity, Set<UUID> supervisors) {
        return Opening.plan(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                GROUND,
                SATURDAY,
                LocalTime.of(fromHour, 0),
                LocalTime.of(toHour, 0),
                capacity,
                OpeningPurpose.ENRICHMENT,
                supervisors);
    }
}
