package org.kehou.operations;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * OPS-1: a session is an offering on one date, which must fall on the offering's weekday and be a school day of the
 * offering's term (not a holiday, not outside the term).
 */
final class SessionDayRule {

    private SessionDayRule() {}

    /**
     * @param schoolDayOfTerm whether the day lies in the offering's term and is a school day of its calendar
     */
    static Verdict check(LocalDate day, DayOfWeek weekday, boolean schoolDayOfTerm) {
        return day.getDayOfWeek() == weekday && schoolDayOfTerm
                ? Verdict.allowed()
                : Verdict.refused("session.day.none", day.toString());
    }
}
