package org.kehou.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.TeacherDay;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The teacher's day at {@code /teacher/today} (OPS-1 context, SCOPE-1..3), their landing page, made for a phone: the
 * sessions they serve on a day in time order with time, place and number of children, and the links to take roll
 * call, record homework and hand children over. {@code ?date=} shows another day; a date that cannot be read shows
 * today and says so.
 */
@Controller
class TeacherDayController {

    static final String PATH = "/teacher/today";

    private final TeacherDay days;
    private final Clock clock;

    TeacherDayController(TeacherDay days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String today(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", date.length() > 30 ? date.substring(0, 30) : date);
            }
        }
        model.addAttribute("today", today);
        model.addAttribute("teacherDay", days.of(me, day));
        return Htmx.view(hx, "operations/teacher/today", "sessions");
    }
}
