package org.kehou.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.Dashboards;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "today" dashboards (OPS-1..4, CONTENT-5): a school admin's own school, and a county admin's or inspector's
 * schools side by side with the county's totals. Any day may be asked for; the figures are counted from that day's
 * records each time the page is shown, and the page refreshes itself every minute.
 */
@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final Clock clock;

    DashboardController(Dashboards dashboards, Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GetMapping("/school/today")
    String school(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LocalDate day = PatrolController.day(date, clock, model);
        model.addAttribute("today", dashboards.school(me, PatrolController.ownSchool(me), day));
        return Htmx.view(hx, "operations/school/today", "figures");
    }

    @GetMapping("/county/today")
    String county(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        if (me.countyId() == null) {
            throw new NotFoundException("county");
        }
        LocalDate day = PatrolController.day(date, clock, model);
        model.addAttribute("today", dashboards.county(me, me.countyId(), day));
        return Htmx.view(hx, "operations/county/today", "figures");
    }
}
