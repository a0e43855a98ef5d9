package org.kehou.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Offerings and terms as a school plans them. */
final class OfferingFixtures {

    static final UUID COURSE = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    static final UUID TERM = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    static final UUID ART_ROOM = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    static final UUID GROUND = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    static final UUID MS_LI = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    static final UUID MR_WANG = UUID.fromString("00000000-0000-7000-8000-0000000000b2");

    /** National Day, Wednesday 1 October 2025, a holiday inside the autumn term. */
    static final LocalDate NATIONAL_DAY = LocalDate.of(2025, 10, 1);

    private OfferingFixtures() {}

    /** Autumn term 2025: Monday 1 September 2025 to Friday 16 January 2026, 1–7 October off. */
    static TermDates autumn2025() {
        LocalDate start = LocalDate.of(2025, 9, 1);
        LocalDate end = LocalDate.of(2026, 1, 16);
        return new TermDates(
                start,
                end,
                day -> !day.isBefore(start)
                        && !day.isAfter(end)
                        && day.getDayOfWeek().getValue() <= 5
                        && (day.isBefore(NATIONAL_DAY) || day.isAfter(NATIONAL_DAY.plusDays(6))));
    }

    /** Ms Li's painting club for grades 3–4 in the art room on Tuesdays, slot 2, 30 students. */
    static Offering.Schedule paintingOnTuesday() {
        return schedule(DayOfWeek.TUESDAY, Slot.SLOT_2, ART_ROOM, Set.of(MS_LI), 30, List.of(3, 4));
    }

    static Offering.Schedule schedule(
            DayOfWeek weekday, Slot slot, UUID venue, Set<UUID> instructors, int capacity, List<Integer> grades) {
        return schedule(weekday, slot, venue, instructors, capacity, grades, null, null);
    }

    static Offering.Schedule schedule(
            DayOfWeek weekday,
            Slot slot,
            UUID venue,
            Set<UUID> instructors,
            int capacity,
            List<Integer> grades,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {
        return new Offering.Schedule(
                COURSE,
                TERM,
                weekday,
                slot,
                venue,
                instructors,
                capacity,
                grades,
                null,
                20,
                slot == Slot.SLOT_1 ? SlotOneContent.SELF_HOMEWORK : null,
                startsOn,
                endsOn);
    }
}
