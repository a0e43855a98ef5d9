package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.web.Forms.OfferingForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school admin's offerings of the latest term (COURSE-2): the form to draft one, refused by the rules it breaks
 * (a slot-1 offering declared as a new lesson or a group remedial class, CONTENT-4), and publishing a draft.
 */
@Controller
class OfferingController {

    private static final List<DayOfWeek> SCHOOL_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    OfferingController(CatalogManagement catalog, OrganizationQueries organization) {
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/school/offerings")
    String offerings(UserScope me, Model model) {
        model.addAttribute("offeringForm", new OfferingForm());
        return offeringsView(me, model);
    }

    @PostMapping("/school/offerings")
    String draft(
            UserScope me,
            @Valid @ModelAttribute("offeringForm") OfferingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        if (result.hasErrors()
                || !FormErrors.attempt(result, () -> catalog.draftOffering(me, school, form.toCommand()))) {
            return offeringsView(me, model);
        }
        redirect.addFlashAttribute("flash", "offering.drafted");
        return "redirect:/school/offerings";
    }

    @PostMapping("/school/offerings/{offeringId}/publish")
    String publish(UserScope me, @PathVariable UUID offeringId, Model model, RedirectAttributes redirect) {
        CourseController.ownSchool(me);
        try {
            catalog.publishOffering(me, offeringId);
        } catch (RuleViolation e) {
            model.addAttribute("offeringForm", new OfferingForm());
            model.addAttribute("refusalKey", e.messageKey());
            model.addAttribute("refusalArgs", e.arguments());
            return offeringsView(me, model);
        }
        redirect.addFlashAttribute("flash", "offering.publishedNow");
        return "redirect:/school/offerings";
    }

    private String offeringsView(UserScope me, Model model) {
        UUID school = CourseController.ownSchool(me);
        var summary = organization.school(me, school);
        List<Term> terms = organization.terms(me, school);
        model.addAttribute("school", summary);
        model.addAttribute("terms", terms);
        model.addAttribute(
                "offerings",
                terms.isEmpty()
                        ? List.of()
                        : catalog.offerings(me, school, terms.getFirst().id(), null, null));
        model.addAttribute("courses", catalog.courses(me, school));
        model.addAttribute("venues", catalog.venues(me, school));
        model.addAttribute("staff", organization.staff(me, school));
        model.addAttribute("grades", summary.stage().grades());
        model.addAttribute("weekdays", SCHOOL_DAYS);
        model.addAttribute("slots", Slot.values());
        model.addAttribute("contents", SlotOneContent.values());
        return "catalog/school/offerings";
    }
}
