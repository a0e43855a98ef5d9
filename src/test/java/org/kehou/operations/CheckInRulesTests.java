package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.operations.EarlyArrivals.CheckInLine;

/** The rules of the early-arrival check-in (SCOPE-1): the day, once a day, and the reason. */
class CheckInRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void checksInOnlyOnASchoolDayThatIsToday() {
        assertAllowed(CheckInDayRule.check(TODAY, TODAY, true));
        assertRefused(CheckInDayRule.check(TODAY.minusDays(1), TODAY, true), "checkin.date.notToday", "2026-12-01");
        assertRefused(CheckInDayRule.check(TODAY.plusDays(1), TODAY, true), "checkin.date.notToday", "2026-12-03");
        assertRefused(CheckInDayRule.check(TODAY, TODAY, false), "checkin.date.noSchool", "2026-12-02");
    }

    @Test
    void checksAChildInOnceAndCorrectsOnlyTheLatestEntry() {
        CheckInLine in = entry(true);
        assertAllowed(CheckedInOnceRule.check(null, null, "小明"));
        assertRefused(CheckedInOnceRule.check(in, null, "小明"), "checkin.already", "小明", "07:25", "看护老师");
        assertAllowed(CheckedInOnceRule.check(in, in.id(), "小明"));
        assertRefused(CheckedInOnceRule.check(in, UUID.randomUUID(), "小明"), "checkin.correction.stale", "小明");
        assertRefused(CheckedInOnceRule.check(null, UUID.randomUUID(), "小明"), "checkin.correction.nothing", "小明");
        // a child corrected to "not here" may come in later, as a further entry
        assertAllowed(CheckedInOnceRule.check(entry(false), null, "小明"));
    }

    @Test
    void aChildNotOnTheListOrACorrectionNeedsAReasonOfAtMost200Characters() {
        assertAllowed(CheckInReasonRule.check(false, null));
        assertAllowed(CheckInReasonRule.check(true, "家长临时早班"));
        assertRefused(CheckInReasonRule.check(true, "  "), "checkin.reason.required");
        assertRefused(CheckInReasonRule.check(true, null), "checkin.reason.required");
        assertAllowed(CheckInReasonRule.check(true, "因".repeat(200)));
        assertRefused(CheckInReasonRule.check(false, "因".repeat(201)), "checkin.reason.tooLong", 200);
    }

    private static CheckInLine entry(boolean present) {
        return new CheckInLine(
                UUID.randomUUID(),
                UUID.randomUUID(),
                TODAY,
                1,
                true,
                present,
                TODAY.atTime(7, 25),
                UUID.randomUUID(),
                "看护老师",
                null,
                null);
    }
}
