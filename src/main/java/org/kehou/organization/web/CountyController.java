package org.kehou.organization.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Stage;
import org.kehou.organization.web.Forms.SchoolForm;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.kehou.platform.web.Htmx;
import org.kehou.platform.web.ListParams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A county bureau manages its schools. */
@Controller
class CountyController {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;

    CountyController(OrganizationQueries queries, OrganizationManagement management) {
        this.queries = queries;
        this.management = management;
    }

    @GetMapping("/county")
    String schools(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        schoolList(queries, me, ownCounty(me), list.query(20), "/county", model);
        return Htmx.view(hx, "organization/county/schools", "rows");
    }

    static void schoolList(
            OrganizationQueries queries, UserScope me, UUID countyId, PageQuery query, String base, Model model) {
        model.addAttribute("county", queries.county(me, countyId));
        model.addAttribute("schools", queries.schools(me, countyId, query));
        model.addAttribute("query", query);
        model.addAttribute("base", base);
        model.addAttribute("canManage", me.canManageCounty(countyId));
    }

    @GetMapping("/county/schools/new")
    String newSchool(UserScope me, Model model) {
        model.addAttribute("county", queries.county(me, managedCounty(me)));
        model.addAttribute("schoolForm", new SchoolForm());
        return form(model, null);
    }

    @PostMapping("/county/schools")
    String openSchool(
            UserScope me,
            @Valid @ModelAttribute("schoolForm") SchoolForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID county = managedCounty(me);
        model.addAttribute("county", queries.county(me, county));
        if (result.hasErrors()
                || !FormErrors.attempt(result, () -> management.openSchool(me, county, form.toDetails()))) {
            return form(model, null);
        }
        redirect.addFlashAttribute("flash", "school.opened");
        return "redirect:/county";
    }

    @GetMapping("/county/schools/{schoolId}/edit")
    String editSchool(UserScope me, @PathVariable UUID schoolId, Model model) {
        var school = managedSchool(me, schoolId);
        SchoolForm form = new SchoolForm();
        form.code = school.code();
        form.name = school.name();
        form.stage = school.stage();
        form.address = school.address() == null ? "" : school.address();
        model.addAttribute("county", queries.county(me, school.countyId()));
        model.addAttribute("schoolForm", form);
        return form(model, schoolId);
    }

    @PostMapping("/county/schools/{schoolId}")
    String changeSchool(
            UserScope me,
            @PathVariable UUID schoolId,
            @Valid @ModelAttribute("schoolForm") SchoolForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var school = managedSchool(me, schoolId);
        model.addAttribute("county", queries.county(me, school.countyId()));
        if (result.hasErrors()
                || !FormErrors.attempt(result, () -> management.changeSchool(me, schoolId, form.toDetails()))) {
            return form(model, schoolId);
        }
        redirect.addFlashAttribute("flash", "school.changed");
        return "redirect:/county";
    }

    private static String form(Model model, UUID schoolId) {
        model.addAttribute("stages", Stage.values());
        model.addAttribute("schoolId", schoolId);
        return "organization/county/school-form";
    }

    private OrganizationQueries.SchoolSummary managedSchool(UserScope me, UUID schoolId) {
        var school = queries.school(me, schoolId);
        if (!me.canManageCounty(school.countyId())) {
            throw new NotFoundException("school");
        }
        return school;
    }

    private static UUID ownCounty(UserScope me) {
        if (me.countyId() == null) {
            throw new NotFoundException("county");
        }
        return me.countyId();
    }

    private static UUID managedCounty(UserScope me) {
        UUID county = ownCounty(me);
        if (!me.canManageCounty(county)) {
            throw new org.springframework.security.access.AccessDeniedException("county admin only");
        }
        return county;
    }
}
