package org.kehou.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CONTENT-3 (两个时段中要安排一定时间的体育锻炼): slot 1 and slot 2 of a daily plan each contain at least the minimum
 * minutes of physical exercise, or the plan cannot be published. The city sets the minimum; a county may raise it
 * for its schools, never lower it. Evening self-study is not one of the two slots and needs none.
 */
final class ExerciseMinutesRule {

    /** The city's minimum per slot until the city sets its own. */
    static final int CITY_DEFAULT_MINUTES = 20;

    private ExerciseMinutesRule() {}

    /** The minimum that applies in a county: the city's, or the county's when it is higher. */
    static int effectiveMinimum(int cityMinutes, @Nullable Integer countyMinutes) {
        return countyMinutes == null ? cityMinutes : Math.max(cityMinutes, countyMinutes);
    }

    /** A county's own minimum may raise the city's, never lower it. */
    static Verdict checkCountyMinimum(int cityMinutes, int countyMinutes) {
        if (countyMinutes < cityMinutes) {
            return Verdict.refused("exercise.belowCityMinimum", cityMinutes);
        }
        return Verdict.allowed();
    }

    /** Every slot 1 and slot 2 of the plan has at least the minimum exercise. */
    static Verdict checkPlan(List<PlanSlot> slots, int minimum) {
        for (PlanSlot slot : slots) {
            if (slot.slot() != Slot.EVENING && slot.exerciseMinutes() < minimum) {
                return Verdict.refused(
                        "exercise.slotBelowMinimum", slot.slot().ordinal() + 1, slot.exerciseMinutes(), minimum);
            }
        }
        return Verdict.allowed();
    }
}
