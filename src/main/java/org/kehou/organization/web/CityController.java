package org.kehou.organization.web;

import java.util.UUID;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.kehou.platform.web.ListParams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/** The city bureau's view: the counties with their counts, and each county's schools. */
@Controller
class CityController {

    private final OrganizationQueries queries;

    CityController(OrganizationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/city")
    String counties(UserScope me, Model model) {
        var counties = queries.counties(me);
        model.addAttribute("counties", counties);
        model.addAttribute(
                "totalStudents",
                counties.stream()
                        .mapToLong(OrganizationQueries.CountySummary::students)
                        .sum());
        model.addAttribute(
                "totalSchools",
                counties.stream()
                        .mapToLong(OrganizationQueries.CountySummary::schools)
                        .sum());
        return "organization/city/counties";
    }

    @GetMapping("/city/counties/{countyId}")
    String county(
            UserScope me,
            @PathVariable UUID countyId,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        CountyController.schoolList(queries, me, countyId, list.query(20), "/city/counties/" + countyId, model);
        return Htmx.view(hx, "organization/county/schools", "rows");
    }
}
