package org.kehou.enrollment.web;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lottery pages of an admin (ENROL-2), as the school's and the county's controllers both serve them under their
 * own path: the managed lottery windows; per window the published commitment, the siblings option and priority groups
 * until the draw, the applicants, the draw once the window has closed, its verification, and per child how the result
 * came about. Which windows and children the caller may see is the {@link Lotteries} façade's rule; a window outside
 * it is not found.
 */
final class LotteryAdminPages {

    private final Lotteries lotteries;
    private final String base;
    private final String audience;

    /**
     * @param base the pages' path, {@code /school/lotteries} or {@code /county/lotteries}
     * @param audience {@code school} or {@code county}, which picks the list's texts and columns
     */
    LotteryAdminPages(Lotteries lotteries, String base, String audience) {
        this.lotteries = lotteries;
        this.base = base;
        this.audience = audience;
    }

    String lotteries(UserScope me, @Nullable String hx, Model model) {
        paths(model);
        model.addAttribute("lotteries", lotteries.lotteries(me));
        return Htmx.view(hx, "enrollment/school/lotteries", "lotteries");
    }

    String lottery(UserScope me, UUID windowId, @Nullable String hx, Model model) {
        LotteryDetails details = lotteries.details(me, windowId);
        return Htmx.view(hx, lotteryView(details, model), "lottery");
    }

    String siblings(
            UserScope me,
            UUID windowId,
            SiblingsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LotteryDetails details = lotteries.details(me, windowId);
        SiblingPlacement placement = form.placement(result);
        if (placement == null || !LotteryForms.attempt(result, () -> lotteries.setSiblings(me, windowId, placement))) {
            return lotteryView(details, model);
        }
        redirect.addFlashAttribute("flash", "lottery.siblingsSaved");
        return "redirect:" + base + "/" + windowId;
    }

    String priority(
            UserScope me,
            UUID windowId,
            PriorityForm form,
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
            return lotteryView(details, model);
        }
        redirect.addFlashAttribute("flash", "lottery.prioritySaved");
        return "redirect:" + base + "/" + windowId;
    }

    String draw(UserScope me, UUID windowId, Model model, RedirectAttributes redirect) {
        LotteryDetails details = lotteries.details(me, windowId);
        try {
            DrawOutcome outcome = lotteries.draw(me, windowId);
            // kept in the session until the redirect is followed, so as plain numbers
            redirect.addFlashAttribute(
                    "drawn",
                    new ArrayList<>(List.of(
                            outcome.applications(), outcome.confirmed(), outcome.waitlisted(), outcome.unplaced())));
            return "redirect:" + base + "/" + windowId;
        } catch (RuleViolation refused) {
            return refusedView(details, refused, model);
        }
    }

    String verify(UserScope me, UUID windowId, Model model) {
        LotteryDetails details = lotteries.details(me, windowId);
        try {
            model.addAttribute("verification", lotteries.verify(me, windowId));
        } catch (RuleViolation refused) {
            return refusedView(details, refused, model);
        }
        return lotteryView(details, model);
    }

    String explain(UserScope me, UUID windowId, UUID childId, @Nullable String hx, Model model) {
        LotteryDetails details = lotteries.details(me, windowId);
        if (details.applicants().stream().noneMatch(a -> a.childId().equals(childId))) {
            throw new NotFoundException("application");
        }
        paths(model);
        model.addAttribute("details", details);
        model.addAttribute(
                "explanation", lotteries.explain(me, windowId, childId).orElse(null));
        return Htmx.view(hx, "enrollment/school/lottery-child", "explanation");
    }

    /** The lottery's page with a refusal of the draw or its check above it; nothing was changed. */
    private String refusedView(LotteryDetails details, RuleViolation refused, Model model) {
        model.addAttribute("refusalKey", refused.messageKey());
        model.addAttribute("refusalArgs", refused.arguments());
        return lotteryView(details, model);
    }

    /** The lottery's page; a form already in the model (shown again with its errors) is kept. */
    private String lotteryView(LotteryDetails details, Model model) {
        paths(model);
        if (!model.containsAttribute("priorityForm")) {
            model.addAttribute("priorityForm", new PriorityForm());
        }
        if (!model.containsAttribute("siblingsForm")) {
            model.addAttribute("siblingsForm", new SiblingsForm(details.siblings()));
        }
        model.addAttribute("details", details);
        return "enrollment/school/lottery";
    }

    private void paths(Model model) {
        model.addAttribute("lotteryBase", base);
        model.addAttribute("lotteryAudience", audience);
    }
}
