package org.kehou.operations;

import java.time.LocalDate;

/** OPS-1, CONTENT-5: a session is recorded on its day or later, never for a day still to come. */
final class SessionDateRule {

    private SessionDateRule() {}

    static Verdict check(LocalDate day, LocalDate today) {
        return day.isAfter(today) ? Verdict.refused("session.date.future", day.toString()) : Verdict.allowed();
    }
}
