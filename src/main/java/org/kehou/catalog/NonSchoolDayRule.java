package org.kehou.catalog;

import java.util.Collection;

/**
 * SCOPE-3: a school opens rooms and grounds on days without school (weekends, holidays, vacations), never on a school
 * day; each opening has at least one supervising staff member, takes no more students than its venue holds, ends
 * after it starts and does not overlap another opening of the same venue.
 */
final class NonSchoolDayRule {

    private NonSchoolDayRule() {}

    /**
     * @param isSchoolDay whether the opening's date is a school day in the school's calendar
     * @param venueCapacity how many its venue holds
     * @param others the school's other active openings
     */
    static Verdict check(Opening candidate, boolean isSchoolDay, int venueCapacity, Collection<Opening> others) {
        if (isSchoolDay) {
            return Verdict.refused("opening.onSchoolDay", candidate.onDate());
        }
        if (!candidate.endsAt().isAfter(candidate.startsAt())) {
            return Verdict.refused("opening.endsBeforeStart");
        }
        if (candidate.supervisorIds().isEmpty()) {
            return Verdict.refused("opening.noSupervisor");
        }
        if (candidate.capacity() > venueCapacity) {
            return Verdict.refused("schedule.overVenueCapacity", candidate.capacity(), venueCapacity);
        }
        if (others.stream().filter(o -> !o.id().equals(candidate.id())).anyMatch(candidate::clashesWith)) {
            return Verdict.refused("schedule.venueTaken");
        }
        return Verdict.allowed();
    }
}
