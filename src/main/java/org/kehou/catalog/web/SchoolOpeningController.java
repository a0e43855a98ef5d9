package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.OpeningPurpose;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.web.ServiceForms.OpeningForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
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

/**
 * A school admin's openings of rooms and grounds on days without school (SCOPE-3): the list with each opening's
 * date, time, venue, capacity, supervisors, purpose and state; the form to plan one, refused beside the field it
 * concerns (a school day, more students than the venue holds, a venue already open then); and publishing a draft.
 */
@Controller
class SchoolOpeningController {

    static final int PAGE_SIZE = 20;

    /** Which field a rule's refusal belongs beside; the others are shown above the form. */
    private static final Map<String, String> FIELD_OF = Map.of(
            "opening.onSchoolDay", "onDate",
            "opening.inThePast", "onDate",
            "service.endsBeforeStart", "endsAt",
            "opening.endsBeforeStart", "endsAt",
            "schedule.overVenueCapacity", "capacity",
            "schedule.venueTaken", "venueId",
            "opening.noSupervisor", "supervisors",
            "opening.supervisorNotStaff", "supervisors");

    /** Refusals shared with offerings, worded here for openings. */
    private static final Map<String, String> WORDING = Map.of("schedule.venueTaken", "opening.venueTaken");

    private final ServicePlanning planning;
    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    SchoolOpeningController(ServicePlanning planning, CatalogManagement catalog, OrganizationQueries organization) {
        this.planning = planning;
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/school/openings")
    String openings(
            UserScope me,
            ListParams params,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("openingForm", new OpeningForm());
        return Htmx.view(hx, view(me, params, model), "openings");
    }

    @PostMapping("/school/openings")
    String plan(
            UserScope me,
            @Valid @ModelAttribute("openingForm") OpeningForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        if (!result.hasErrors()) {
            try {
                planning.planOpening(me, school, form.toCommand());
                redirect.addFlashAttribute("flash", "openings.planned");
                return "redirect:/school/openings";
            } catch (RuleViolation e) {
                String key = WORDING.getOrDefault(e.messageKey(), e.messageKey());
                String field = FIELD_OF.get(e.messageKey());
                if (field == null) {
                    result.reject(key, e.arguments(), key);
                } else {
                    result.rejectValue(field, key, e.arguments(), key);
                }
            }
        }
        return view(me, new ListParams(), model);
    }

    @PostMapping("/school/openings/{openingId}/publish")
    String publish(UserScope me, @PathVariable UUID openingId, Model model, RedirectAttributes redirect) {
        CourseController.ownSchool(me);
        try {
            catalog.publishOpening(me, openingId);
        } catch (RuleViolation e) {
            model.addAttribute("openingForm", new OpeningForm());
            model.addAttribute("refusalKey", e.messageKey());
            model.addAttribute("refusalArgs", e.arguments());
            return view(me, new ListParams(), model);
        }
        redirect.addFlashAttribute("flash", "openings.published");
        return "redirect:/school/openings";
    }

    private String view(UserScope me, ListParams params, Model model) {
        UUID school = CourseController.ownSchool(me);
        var query = params.query(PAGE_SIZE);
        model.addAttribute("school", organization.school(me, school));
        model.addAttribute("openings", planning.openings(me, school, query));
        model.addAttribute("query", query);
        model.addAttribute("venues", catalog.venues(me, school));
        model.addAttribute("staff", organization.staff(me, school));
        model.addAttribute("purposes", OpeningPurpose.values());
        return "catalog/school/openings";
    }
}
