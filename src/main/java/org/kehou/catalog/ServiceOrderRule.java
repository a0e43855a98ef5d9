package org.kehou.catalog;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7: a school day's services follow one another for the students
 * they share: early arrival care ends before slot 1 starts, slot 1 before slot 2, extended care after slot 2 and
 * evening self-study after extended care. Services of disjoint grade bands (extended care for grades 1–6 and
 * evening self-study for 7–9 in a nine-year school) may run at the same time; a service not offered is left out.
 */
final class ServiceOrderRule {

    private ServiceOrderRule() {}

    /**
     * @param candidate the service as it is to be saved
     * @param others the school's other services of the same term (the candidate's stored self is ignored)
     */
    static Verdict check(ServiceTime candidate, Collection<ServiceTime> others) {
        if (!candidate.offered()) {
            return Verdict.allowed();
        }
        List<ServiceTime> day = new ArrayList<>();
        day.add(candidate);
        others.stream().filter(o -> o.kind() != candidate.kind() && o.offered()).forEach(day::add);
        day.sort(Comparator.comparing(ServiceTime::kind));
        for (int i = 0; i < day.size(); i++) {
            for (int j = i + 1; j < day.size(); j++) {
                ServiceTime earlier = day.get(i);
                ServiceTime later = day.get(j);
                if (earlier != candidate && later != candidate) {
                    continue;
                }
                LocalTime end = Objects.requireNonNull(earlier.endsAt());
                LocalTime start = Objects.requireNonNull(later.startsAt());
                if (earlier.sharesGradesWith(later) && end.isAfter(start)) {
                    return Verdict.refused("service.outOfOrder", earlier.kind(), later.kind(), start.toString());
                }
            }
        }
        return Verdict.allowed();
    }
}
