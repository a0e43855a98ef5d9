package org.kehou.enrollment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A school's printable lists of a day: the children expected early with their care staff (SCOPE-1) and the
 * extended-care roster by care group (SCOPE-2). A date that cannot be read shows today's list and says so.
 */
@Controller
class CareRequestListController {

    private final CareRequests care;
    private final OrganizationQueries organization;
    private final Clock clock;

    CareRequestListController(CareRequests care, OrganizationQueries organization, Clock clock) {
        this.care = care;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/school/early-arrivals")
    String earlyArrivals(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        UUID school = CareRequestSchoolController.ownSchool(me);
        LocalDate day = day(date, model);
        model.addAttribute("school", organization.school(me, school));
        model.addAttribute("arrivals", care.expectedArrivals(me, school, day));
        return Htmx.view(hx, "enrollment/school/early-arrivals", "list");
    }

    @GetMapping("/school/extended-care")
    String extendedCare(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        UUID school = CareRequestSchoolController.ownSchool(me);
        LocalDate day = day(date, model);
        model.addAttribute("school", organization.school(me, school));
        model.addAttribute("roster", care.extendedCareRoster(me, school, day));
        return Htmx.view(hx, "enrollment/school/extended-care", "list");
    }

    /** The day asked for, or today when none is given or it cannot be read (which the page then says). */
    private LocalDate day(@Nullable String date, Model model) {
        LocalDate day = LocalDate.now(clock);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", date.length() > 30 ? date.substring(0, 30) : date);
            }
        }
        model.addAttribute("day", day);
        return day;
    }
}
