package org.kehou.operations;

import java.time.LocalDate;

/**
 * OPS-2, SCOPE-3: the slots, extended care and evening self-study run on the school's school days, an opening only
 * on a day without school; a hand-over at the end of a service that did not run that day is refused.
 */
final class ServiceDayRule {

    private ServiceDayRule() {}

    static Verdict check(PickupService service, LocalDate day, boolean schoolDay) {
        return service.onSchoolDays() == schoolDay
                ? Verdict.allowed()
                : Verdict.refused("pickup.service.notThatDay", service, day.toString());
    }
}
