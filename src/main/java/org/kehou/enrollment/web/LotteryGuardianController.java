package org.kehou.enrollment.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Lotteries;
import org.kehou.enrollment.Lotteries.ApplicationView;
import org.kehou.enrollment.Lotteries.Apply;
import org.kehou.enrollment.web.LotteryForms.ApplicationForm;
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
 * A guardian's lottery pages (ENROL-1, ENROL-2): the lottery windows governing their children's schools, and per
 * child an application of up to three ranked choices with consent while the window is open, its history, and after
 * the draw how the child's result came about. Another family's child is not found.
 */
@Controller
class LotteryGuardianController {

    private final Lotteries lotteries;

    LotteryGuardianController(Lotteries lotteries) {
        this.lotteries = lotteries;
    }

    @GetMapping("/guardian/lotteries")
    String lotteries(
            UserScope me, @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("lotteries", lotteries.familyLotteries(me));
        return Htmx.view(hx, "enrollment/guardian/lotteries", "lotteries");
    }

    @GetMapping("/guardian/lotteries/{windowId}/children/{childId}")
    String application(
            UserScope me,
            @PathVariable UUID windowId,
            @PathVariable UUID childId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        ApplicationView view = lotteries.application(me, windowId, childId);
        model.addAttribute("applicationForm", new ApplicationForm(view.choices(), view.consentVersion()));
        return Htmx.view(hx, applicationView(me, view, model), "application");
    }

    @PostMapping("/guardian/lotteries/{windowId}/children/{childId}")
    String apply(
            UserScope me,
            @PathVariable UUID windowId,
            @PathVariable UUID childId,
            @ModelAttribute("applicationForm") ApplicationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ApplicationView view = lotteries.application(me, windowId, childId);
        List<UUID> choices = form.parsed(result);
        if (result.hasErrors()
                || choices == null
                || !LotteryForms.attempt(
                        result,
                        () -> lotteries.apply(
                                me, new Apply(windowId, childId, choices, form.consent, form.consentVersion)))) {
            while (form.choices.size() < 3) {
                form.choices.add("");
            }
            return applicationView(me, view, model);
        }
        redirect.addFlashAttribute("flash", "lottery.applied");
        return "redirect:/guardian/lotteries/" + windowId + "/children/" + childId;
    }

    private String applicationView(UserScope me, ApplicationView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("history", lotteries.applicationHistory(me, view.windowId(), view.childId()));
        return "enrollment/guardian/lottery-application";
    }
}
