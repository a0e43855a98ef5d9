package org.kehou.enrollment.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Lotteries;
import org.kehou.enrollment.Lotteries.DrawOutcome;
import org.kehou.enrollment.Lotteries.LotteryDetails;
import org.kehou.enrollment.Lotteries.PriorityEntry;
import org.kehou.enrollment.SiblingPlacement;
import org.kehou.enrollment.web.LotteryForms.PriorityForm;
import org.kehou.enrollment.web.LotteryForms.SiblingsForm;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
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
 * A school admin's lottery pages (ENROL-2): the school's lottery windows; per window the published commitment, the
 * siblings option and priority groups until the draw, the applicants, the draw once the window has closed, its
 * verification, and per child how the result came about. Another school's window is not found.
 */
@Controller
class LotterySchoolController {

    static final String BASE = "/school/lotteries";

    private final Lotteries lotteries;

    LotterySchoolController(Lotteries lotteries) {
        this.lotteries = lotteries;
    }

    @GetMapping(BASE)
    String lotteries(
            UserScope me, @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("lotteries", lotteries.lotteries(me));
        return Htmx.view(hx, "enrollment/school/lotteries", "lotteries");
    }

    @GetMapping(BASE + "/{windowId}")
    String lottery(
            UserScope me,
            @PathVariable UUID windowId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LotteryDetails details = lotteries.details(me, windowId);
        model.addAttribute("priorityForm", new PriorityForm());
        model.addAttribute("siblingsForm", new SiblingsForm(details.siblings()));
        return Htmx.view(hx, lotteryView(details, model), "lottery");
    }

    @PostMapping(BASE + "/{windowId}/siblings")
    String siblings(
            UserScope me,
            @PathVariable UUID windowId,
            @ModelAttribute("siblingsForm") SiblingsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LotteryDetails details = lotteries.details(me, windowId);
        SiblingPlacement placement = form.placement(result);
        if (placement == null || !LotteryForms.attempt(result, () -> lotteries.setSiblings(me, windowId, placement))) {
            model.addAttribute("priorityForm", new PriorityForm());
            return lotteryView(details, model);
        }
        redirect.addFlashAttribute("flash", "lottery.siblingsSaved");
        return "redirect:" + BASE + "/" + windowId;
    }

    @PostMapping(BASE + "/{windowId}/priorities")
    String priority(
            UserScope me,
            @PathVariable UUID windowId,
            @ModelAttribute("priorityForm") PriorityForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LotteryDetails details = lotteries.details(me, windowId);
        UUID child = form.child(result);
        Integer group = form.groupNumber(result);
        if (child == null
                || group == null
                || !LotteryForms.attempt(
                        result,
                        () -> lotteries.setPriority(me, new PriorityEntry(windowId, child, group, form.reason)))) {
            model.addAttribute("siblingsForm", new SiblingsForm(details.siblings()));
            return lotteryView(details, model);
        }
        redirect.addFlashAttribute("flash", "lottery.prioritySaved");
        return "redirect:" + BASE + "/" + windowId;
    }

    @PostMapping(BASE + "/{windowId}/draw")
    String draw(UserScope me, @PathVariable UUID windowId, Model model, RedirectAttributes redirect) {
        LotteryDetails details = lotteries.details(me, windowId);
        try {
            DrawOutcome outcome = lotteries.draw(me, windowId);
            // kept in the session until the redirect is followed, so as plain numbers
            redirect.addFlashAttribute(
                    "drawn",
                    new java.util.ArrayList<>(java.util.List.of(
                            outcome.applications(), outcome.confirmed(), outcome.waitlisted(), outcome.unplaced())));
            return "redirect:" + BASE + "/" + windowId;
        } catch (RuleViolation refused) {
            return refusedView(details, refused, model);
        }
    }

    @PostMapping(BASE + "/{windowId}/verify")
    String verify(UserScope me, @PathVariable UUID windowId, Model model) {
        LotteryDetails details = lotteries.details(me, windowId);
        try {
            model.addAttribute("verification", lotteries.verify(me, windowId));
        } catch (RuleViolation refused) {
            return refusedView(details, refused, model);
        }
        model.addAttribute("priorityForm", new PriorityForm());
        model.addAttribute("siblingsForm", new SiblingsForm(details.siblings()));
        return lotteryView(details, model);
    }

    @GetMapping(BASE + "/{windowId}/children/{childId}")
    String explain(
            UserScope me,
            @PathVariable UUID windowId,
            @PathVariable UUID childId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LotteryDetails details = lotteries.details(me, windowId);
        if (details.applicants().stream().noneMatch(a -> a.childId().equals(childId))) {
            throw new NotFoundException("application");
        }
        model.addAttribute("details", details);
        model.addAttribute(
                "explanation", lotteries.explain(me, windowId, childId).orElse(null));
        return Htmx.view(hx, "enrollment/school/lottery-child", "explanation");
    }

    /** The lottery's page with a refusal of the draw or its check above it; nothing was changed. */
    private String refusedView(LotteryDetails details, RuleViolation refused, Model model) {
        model.addAttribute("refusalKey", refused.messageKey());
        model.addAttribute("refusalArgs", refused.arguments());
        model.addAttribute("priorityForm", new PriorityForm());
        model.addAttribute("siblingsForm", new SiblingsForm(details.siblings()));
        return lotteryView(details, model);
    }

    private String lotteryView(LotteryDetails details, Model model) {
        model.addAttribute("details", details);
        return "enrollment/school/lottery";
    }
}
