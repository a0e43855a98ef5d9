package org.kehou.operations;

import java.time.LocalDate;

/** OPS-2: a hand-over is recorded when it happens, or later; never for a day still to come. */
final class ReleaseDateRule {

    private ReleaseDateRule() {}

    static Verdict check(LocalDate day, LocalDate today) {
        return day.isAfter(today) ? Verdict.refused("pickup.date.future", day.toString()) : Verdict.allowed();
    }
}
