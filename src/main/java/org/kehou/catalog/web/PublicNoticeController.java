package org.kehou.catalog.web;

import java.util.UUID;
import org.kehou.catalog.CatalogManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/** A school's published fee notices (公示), open to anyone without sign-in (ENROL-5). */
@Controller
class PublicNoticeController {

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    PublicNoticeController(CatalogManagement catalog, OrganizationQueries organization) {
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/public/schools/{schoolId}/notices")
    String notices(
            @PathVariable UUID schoolId, @RequestHeader(value = Htmx.HEADER, required = false) String hx, Model model) {
        model.addAttribute("school", organization.publicSchool(schoolId));
        model.addAttribute("notices", catalog.publishedNotices(schoolId));
        return Htmx.view(hx, "catalog/public/notices", "notices");
    }
}
