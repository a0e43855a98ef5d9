package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.web.Forms.SlotPlanForm;
import org.kehou.organization.OrganizationQueries;
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
 * A school admin's daily slot plans (CONTENT-2, CONTENT-3): each weekday and grade band with the times, activities
 * and exercise minutes of its slots; a plan without the exercise minimum in each slot is refused on publishing.
 */
@Controller
class SlotPlanController {

    private static final List<DayOfWeek> SCHOOL_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    SlotPlanController(CatalogManagement catalog, OrganizationQueries organization) {
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/school/slot-plans")
    String plans(UserScope me, Model model) {
        model.addAttribute("planForm", new SlotPlanForm());
        return plansView(me, model);
    }

    @PostMapping("/school/slot-plans")
    String draft(
            UserScope me,
            @Valid @ModelAttribute("planForm") SlotPlanForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        if (result.hasErrors()
                || !FormErrors.attempt(result, () -> catalog.draftSlotPlan(me, school, form.toCommand()))) {
            return plansView(me, model);
        }
        redirect.addFlashAttribute("flash", "plan.drafted");
        return "redirect:/school/slot-plans";
    }

    @PostMapping("/school/slot-plans/{planId}/publish")
    String publish(UserScope me, @PathVariable UUID planId, Model model, RedirectAttributes redirect) {
        CourseController.ownSchool(me);
        try {
            catalog.publishSlotPlan(me, planId);
        } catch (RuleViolation e) {
            model.addAttribute("planForm", new SlotPlanForm());
            model.addAttribute("refusedPlan", planId);
            model.addAttribute("refusalKey", e.messageKey());
            model.addAttribute("refusalArgs", e.arguments());
            return plansView(me, model);
        }
        redirect.addFlashAttribute("flash", "plan.published");
        return "redirect:/school/slot-plans";
    }

    private String plansView(UserScope me, Model model) {
        UUID school = CourseController.ownSchool(me);
        var summary = organization.school(me, school);
        model.addAttribute("school", summary);
        model.addAttribute("plans", catalog.slotPlans(me, school));
        model.addAttribute("terms", organization.terms(me, school));
        model.addAttribute("grades", summary.stage().grades());
        model.addAttribute("weekdays", SCHOOL_DAYS);
        model.addAttribute("minimum", catalog.exerciseMinimum(summary.countyId()));
        return "catalog/school/slot-plans";
    }
}
