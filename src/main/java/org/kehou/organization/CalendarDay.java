package org.kehou.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** An exception to a term's weekly rhythm: a holiday on a weekday or a make-up day on a weekend. */
@Table(schema = "organization", name = "calendar_day")
public record CalendarDay(
        LocalDate onDate, DayKind kind, @Nullable String note) {}
