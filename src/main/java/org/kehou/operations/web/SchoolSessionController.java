package org.kehou.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.HomeworkRates;
import org.kehou.operations.Leaves;
import org.kehou.operations.Sessions;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The school admin's view of sessions (OPS-1, CONTENT-5): the leave guardians reported for a day, the homework
 * completion rates per class, grade and stage over a range of days, and the check that the record of sessions has
 * not been tampered with (ADR 0013). A date that cannot be read shows the default and says so.
 */
@Controller
class SchoolSessionController {

    private final Leaves leaves;
    private final HomeworkRates rates;
    private final Sessions sessions;
    private final Clock clock;

    SchoolSessionController(Leaves leaves, HomeworkRates rates, Sessions sessions, Clock clock) {
        this.leaves = leaves;
        this.rates = rates;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/school/leave")
    String leave(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LocalDate day = date(date, LocalDate.now(clock), "badDate", model);
        model.addAttribute("day", day);
        model.addAttribute("leaves", leaves.ofSchool(me, school(me), day));
        return Htmx.view(hx, "operations/school/leave", "rows");
    }

    @GetMapping("/school/homework-rates")
    String homeworkRates(
            UserScope me,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = date(to, today, "badTo", model);
        LocalDate first = date(from, last.minusDays(29), "badFrom", model);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            model.addAttribute("rates", rates.of(me, school(me), first, last));
        } catch (RuleViolation e) {
            model.addAttribute("refusal", e);
        }
        return Htmx.view(hx, "operations/school/homework-rates", "rates");
    }

    @GetMapping("/school/session-records")
    String records(
            UserScope me, @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("integrity", sessions.verify(me, school(me)));
        return Htmx.view(hx, "operations/school/session-records", "result");
    }

    private static LocalDate date(@Nullable String text, LocalDate fallback, String flag, Model model) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute(flag, text.length() > 30 ? text.substring(0, 30) : text);
            return fallback;
        }
    }

    private static UUID school(UserScope me) {
        UUID school = me.schoolId();
        if (school == null) {
            throw new NotFoundException("school");
        }
        return school;
    }
}
