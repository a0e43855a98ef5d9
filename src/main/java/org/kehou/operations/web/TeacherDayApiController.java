package org.kehou.operations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.TeacherDay;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The teacher's day for apps (OPS-1 context, SCOPE-1..3): the same sessions as {@code /teacher/today}. */
@RestController
@Tag(name = "Teacher's day", description = "The sessions a teacher serves on a day")
class TeacherDayApiController {

    private final TeacherDay days;
    private final Clock clock;

    TeacherDayApiController(TeacherDay days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @Operation(
            summary = "The caller's sessions of a day",
            description = "Only for a teacher, only their own: the slot-1, slot-2 and evening offerings they instruct"
                    + " on that weekday of a school day, the early arrivals they look after and the extended-care"
                    + " groups they supervise, and on a day without school the openings they supervise; earliest"
                    + " first, each with its times, place and number of children (null for an opening). Without"
                    + " date, today.")
    @ApiResponse(responseCode = "200", description = "the day, possibly without sessions")
    @ApiResponse(responseCode = "400", description = "date is not a date (yyyy-MM-dd)")
    @ApiResponse(responseCode = "401", description = "no valid bearer token or session")
    @ApiResponse(responseCode = "403", description = "not a teacher")
    @GetMapping("/api/v1/teacher/today")
    TeacherDay.Day today(UserScope me, @RequestParam(required = false) @Nullable String date) {
        LocalDate day = LocalDate.now(clock);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new BadParameterException(
                        "date", "today.api.badDate", date.length() > 30 ? date.substring(0, 30) : date);
            }
        }
        return days.of(me, day);
    }
}
