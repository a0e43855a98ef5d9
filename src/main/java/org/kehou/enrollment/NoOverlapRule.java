package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * SCOPE-1, SCOPE-2: a child has at most one open (pending or accepted) request of a kind for any school day, so a
 * request filed twice does not reach the school twice; a declined request does not count.
 */
final class NoOverlapRule {

    private NoOverlapRule() {}

    static CareVerdict check(LocalDate first, LocalDate last, Set<DayOfWeek> weekdays, List<OpenSpan> open) {
        for (OpenSpan span : open) {
            boolean datesMeet = !span.first().isAfter(last) && !span.last().isBefore(first);
            boolean daysMeet = span.weekdays().stream().anyMatch(weekdays::contains);
            if (datesMeet && daysMeet) {
                return CareVerdict.refused(
                        "care.dates.overlap",
                        span.first().toString(),
                        span.last().toString());
            }
        }
        return CareVerdict.allowed();
    }

    /** The days of an open request of the same child and kind. */
    record OpenSpan(LocalDate first, LocalDate last, Set<DayOfWeek> weekdays) {}
}
