package org.kehou.catalog;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One slot of a daily plan: its times, the activities in it and how many of its minutes are exercise. */
@Table(schema = "catalog", name = "plan_slot")
record PlanSlot(
        UUID countyId,
        UUID schoolId,
        Slot slot,
        LocalTime startsAt,
        LocalTime endsAt,
        String activities,
        int exerciseMinutes) {

    long lengthMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }
}
