package org.kehou.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/** A school's published openings on days without school from today on, open to anyone without sign-in (SCOPE-3). */
@Controller
class PublicOpeningController {

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;
    private final Clock clock;

    PublicOpeningController(CatalogManagement catalog, OrganizationQueries organization, Clock clock) {
        this.catalog = catalog;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/public/schools/{schoolId}/openings")
    String openings(
            @PathVariable UUID schoolId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("school", organization.publicSchool(schoolId));
        model.addAttribute("openings", catalog.publishedOpenings(schoolId, LocalDate.now(clock)));
        return Htmx.view(hx, "catalog/public/openings", "openings");
    }
}
