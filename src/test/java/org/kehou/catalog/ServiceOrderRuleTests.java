package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7: the services of a school day follow one another. */
class ServiceOrderRuleTests {

    static final UUID COUNTY = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-7000-8000-000000000059");
    static final UUID TERM = UUID.fromString("00000000-0000-7000-8000-0000000000c1");

    static final ServiceTime EARLY = service(ServiceKind.EARLY_ARRIVAL, "07:00", "07:50", 1, 9);
    static final ServiceTime SLOT_1 = service(ServiceKind.SLOT_1, "15:30", "16:30", 1, 9);
    static final ServiceTime SLOT_2 = service(ServiceKind.SLOT_2, "16:40", "17:40", 1, 9);
    static final ServiceTime EXTENDED = service(ServiceKind.EXTENDED_CARE, "17:40", "18:30", 1, 9);

    @Test
    void allowsADayInOrder() {
        assertAllowed(ServiceOrderRule.check(
                service(ServiceKind.EVENING, "19:00", "20:30", 7, 9), List.of(EARLY, SLOT_1, SLOT_2, EXTENDED)));
    }

    @Test
    void refusesEarlyArrivalEndingAfterSlotOneStarts() {
        Verdict verdict = assertRefused(
                ServiceOrderRule.check(service(ServiceKind.EARLY_ARRIVAL, "07:00", "15:45", 1, 9), List.of(SLOT_1)),
                "service.outOfOrder");
        assertThat(verdict.arguments()).containsExactly(ServiceKind.EARLY_ARRIVAL, ServiceKind.SLOT_1, "15:30");
    }

    @Test
    void refusesSlotOneRunningIntoSlotTwo() {
        Verdict verdict = assertRefused(
                ServiceOrderRule.check(service(ServiceKind.SLOT_1, "15:30", "16:50", 1, 9), List.of(EARLY, SLOT_2)),
                "service.outOfOrder");
        assertThat(verdict.arguments()).containsExactly(ServiceKind.SLOT_1, ServiceKind.SLOT_2, "16:40");
    }

    @Test
    void refusesExtendedCareBeforeSlotTwoEnds() {
        assertRefused(
                ServiceOrderRule.check(service(ServiceKind.EXTENDED_CARE, "17:00", "18:00", 1, 6), List.of(SLOT_2)),
                "service.outOfOrder");
    }

    @Test
    void refusesEveningSelfStudyBeforeExtendedCareEnds() {
        Verdict verdict = assertRefused(
                ServiceOrderRule.check(service(ServiceKind.EVENING, "18:00", "20:00", 7, 9), List.of(EXTENDED)),
                "service.outOfOrder");
        assertThat(verdict.arguments()).containsExactly(ServiceKind.EXTENDED_CARE, ServiceKind.EVENING, "18:00");
    }

    @Test
    void letsServicesOfOtherGradesRunAtTheSameTime() {
        ServiceTime primaryCare = service(ServiceKind.EXTENDED_CARE, "17:40", "19:00", 1, 6);

        assertAllowed(
                ServiceOrderRule.check(service(ServiceKind.EVENING, "18:30", "20:30", 7, 9), List.of(primaryCare)));
    }

    @Test
    void leavesOutServicesTheSchoolDoesNotRun() {
        ServiceTime notRun = ServiceTime.set(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                TERM,
                ServiceKind.SLOT_2,
                false,
                LocalTime.of(16, 0),
                LocalTime.of(17, 0),
                1,
                9);

        assertAllowed(ServiceOrderRule.check(SLOT_1, List.of(notRun)));
        assertAllowed(ServiceOrderRule.check(notRun, List.of(SLOT_1)));
    }

    @Test
    void comparesWithTheOtherKindsNotWithTheStoredSelf() {
        ServiceTime moved = service(ServiceKind.SLOT_1, "15:00", "16:00", 1, 9);

        assertAllowed(ServiceOrderRule.check(moved, List.of(SLOT_1, SLOT_2)));
    }

    static ServiceTime service(ServiceKind kind, String from, String to, int firstGrade, int lastGrade) {
        return ServiceTime.set(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                TERM,
                kind,
                true,
                LocalTime.parse(from),
                LocalTime.parse(to),
                firstGrade,
                lastGrade);
    }
}
