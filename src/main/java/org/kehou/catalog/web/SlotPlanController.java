package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.CopyResult;
import org.kehou.catalog.CatalogManagement.SlotPlanSummary;
import org.kehou.catalog.web.Forms.CopyForm;
import org.kehou.catalog.web.Forms.PlanSlotsForm;
import org.kehou.catalog.web.Forms.SlotPlanForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school admin's daily slot plans of a term (CONTENT-2, CONTENT-3): each weekday and grade band with the times,
 * activities and exercise minutes of its slots; a plan without the exercise minimum in each slot is refused on
 * publishing. A draft is revised in place, a published plan only after it is withdrawn to draft; a term's plans are
 * copied into another term as drafts.
 */
@Controller
class SlotPlanController {

    private static final String VIEW = "catalog/school/slot-plans";
    private static final List<DayOfWeek> SCHOOL_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;
    private final Clock clock;

    SlotPlanController(CatalogManagement catalog, OrganizationQueries organization, Clock clock) {
        this.catalog = catalog;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/school/slot-plans")
    String plans(
            UserScope me,
            @RequestParam(required = false) @Nullable UUID term,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        Term shown = chosenTerm(me, term);
        model.addAttribute("planForm", SlotPlanForm.forTerm(shown == null ? null : shown.id()));
        plansView(me, shown, model);
        return Htmx.view(hx, VIEW, "plans");
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
            return plansView(me, chosenTerm(me, form.getTermId()), model);
        }
        redirect.addFlashAttribute("flash", "plan.drafted");
        return redirectTo(form.getTermId());
    }

    @PostMapping("/school/slot-plans/{planId}/publish")
    String publish(UserScope me, @PathVariable UUID planId, Model model, RedirectAttributes redirect) {
        return lifecycle(me, planId, model, redirect, "plan.published", () -> catalog.publishSlotPlan(me, planId));
    }

    @PostMapping("/school/slot-plans/{planId}/withdraw")
    String withdraw(UserScope me, @PathVariable UUID planId, Model model, RedirectAttributes redirect) {
        return lifecycle(me, planId, model, redirect, "plan.withdrawn", () -> catalog.withdrawSlotPlan(me, planId));
    }

    @GetMapping("/school/slot-plans/{planId}/edit")
    String edit(
            UserScope me,
            @PathVariable UUID planId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        SlotPlanSummary plan = ownPlan(me, planId);
        Term shown = chosenTerm(me, plan.termId());
        model.addAttribute("planForm", SlotPlanForm.forTerm(plan.termId()));
        if (plan.published()) {
            model.addAttribute("refusedPlan", planId);
            model.addAttribute("refusalKey", "plan.publishedNotEditable");
            model.addAttribute("refusalArgs", new Object[0]);
        } else {
            model.addAttribute("editing", planId);
            model.addAttribute("slotsForm", PlanSlotsForm.of(plan));
        }
        plansView(me, shown, model);
        return Htmx.view(hx, VIEW, "plans");
    }

    @PostMapping("/school/slot-plans/{planId}")
    String revise(
            UserScope me,
            @PathVariable UUID planId,
            @Valid @ModelAttribute("slotsForm") PlanSlotsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        SlotPlanSummary plan = ownPlan(me, planId);
        if (result.hasErrors()
                || !FormErrors.attempt(result, () -> catalog.reviseSlotPlan(me, planId, form.toSlots()))) {
            model.addAttribute("editing", planId);
            model.addAttribute("planForm", SlotPlanForm.forTerm(plan.termId()));
            return plansView(me, chosenTerm(me, plan.termId()), model);
        }
        redirect.addFlashAttribute("flash", "plan.revised");
        return redirectTo(plan.termId());
    }

    @PostMapping("/school/slot-plans/copy")
    String copy(
            UserScope me,
            @Valid @ModelAttribute("copyForm") CopyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        CopyResult[] copied = new CopyResult[1];
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        "toTermId",
                        () -> copied[0] =
                                catalog.copySlotPlansToTerm(me, school, form.getFromTermId(), form.getToTermId()))) {
            model.addAttribute("planForm", SlotPlanForm.forTerm(form.getFromTermId()));
            return plansView(me, chosenTerm(me, form.getFromTermId()), model);
        }
        redirect.addFlashAttribute("copiedCount", copied[0].copied().size());
        redirect.addFlashAttribute("skippedCount", copied[0].skipped());
        return redirectTo(form.getToTermId());
    }

    private String lifecycle(
            UserScope me, UUID planId, Model model, RedirectAttributes redirect, String done, Runnable action) {
        SlotPlanSummary plan = ownPlan(me, planId);
        try {
            action.run();
        } catch (RuleViolation e) {
            model.addAttribute("planForm", SlotPlanForm.forTerm(plan.termId()));
            model.addAttribute("refusedPlan", planId);
            model.addAttribute("refusalKey", e.messageKey());
            model.addAttribute("refusalArgs", e.arguments());
            return plansView(me, chosenTerm(me, plan.termId()), model);
        }
        redirect.addFlashAttribute("flash", done);
        return redirectTo(plan.termId());
    }

    private SlotPlanSummary ownPlan(UserScope me, UUID planId) {
        UUID school = CourseController.ownSchool(me);
        return catalog.slotPlans(me, school).stream()
                .filter(p -> p.id().equals(planId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("slotPlan"));
    }

    private static String redirectTo(@Nullable UUID term) {
        return term == null ? "redirect:/school/slot-plans" : "redirect:/school/slot-plans?term=" + term;
    }

    private @Nullable Term chosenTerm(UserScope me, @Nullable UUID term) {
        UUID school = CourseController.ownSchool(me);
        return TermChoice.of(organization.terms(me, school), term, LocalDate.now(clock));
    }

    private String plansView(UserScope me, @Nullable Term shown, Model model) {
        UUID school = CourseController.ownSchool(me);
        var summary = organization.school(me, school);
        model.addAttribute("school", summary);
        model.addAttribute("term", shown);
        model.addAttribute("plans", shown == null ? List.of() : catalog.slotPlans(me, school, shown.id()));
        model.addAttribute("terms", organization.terms(me, school));
        model.addAttribute("grades", summary.stage().grades());
        model.addAttribute("weekdays", SCHOOL_DAYS);
        model.addAttribute("minimum", catalog.exerciseMinimum(summary.countyId()));
        if (!model.containsAttribute("copyForm")) {
            model.addAttribute("copyForm", CopyForm.from(shown == null ? null : shown.id()));
        }
        return VIEW;
    }
}
