package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.VenueKind;
import org.kehou.catalog.web.CatalogForms.VenueForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school admin's venues (CONTENT-6, COURSE-3): the school's rooms and grounds with what they hold, and the form to
 * add one, refused beside its field when the name is taken or the capacity impossible.
 */
@Controller
class VenueController {

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    VenueController(CatalogManagement catalog, OrganizationQueries organization) {
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/school/venues")
    String venues(UserScope me, Model model) {
        model.addAttribute("venueForm", new VenueForm());
        return venuesView(me, model);
    }

    @PostMapping("/school/venues")
    String addVenue(
            UserScope me,
            @Valid @ModelAttribute("venueForm") VenueForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        if (result.hasErrors()) {
            return venuesView(me, model);
        }
        try {
            catalog.addVenue(me, school, form.toCommand());
        } catch (RuleViolation e) {
            String field = e.messageKey().startsWith("venue.capacity") ? "capacity" : "name";
            result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            return venuesView(me, model);
        }
        redirect.addFlashAttribute("flash", "venue.added");
        return "redirect:/school/venues";
    }

    private String venuesView(UserScope me, Model model) {
        UUID school = CourseController.ownSchool(me);
        model.addAttribute("school", organization.school(me, school));
        model.addAttribute("venues", catalog.venues(me, school));
        model.addAttribute("kinds", VenueKind.values());
        model.addAttribute("maxCapacity", CatalogForms.MAX_VENUE_CAPACITY);
        return "catalog/school/venues";
    }
}
