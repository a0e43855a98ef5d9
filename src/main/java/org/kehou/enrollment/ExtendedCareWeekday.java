package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A weekday on which an extended-care request asks for care. */
@Table(schema = "enrollment", name = "extended_care_weekday")
record ExtendedCareWeekday(UUID countyId, UUID schoolId, DayOfWeek weekday) {}
