package org.kehou.enrollment.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Lotteries;
import org.kehou.enrollment.web.LotteryForms.PriorityForm;
import org.kehou.enrollment.web.LotteryForms.SiblingsForm;
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
 * A school admin's lottery pages (ENROL-2) for the school's own lottery windows, served by {@link LotteryAdminPages}
 * as the county's are. Another school's window, and a county-wide one, is not found.
 */
@Controller
class LotterySchoolController {

    static final String BASE = "/school/lotteries";

    private final LotteryAdminPages pages;

    LotterySchoolController(Lotteries lotteries) {
        this.pages = new LotteryAdminPages(lotteries, BASE, "school");
    }

    @GetMapping(BASE)
    String lotteries(
            UserScope me, @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        return pages.lotteries(me, hx, model);
    }

    @GetMapping(BASE + "/{windowId}")
    String lottery(
            UserScope me,
            @PathVariable UUID windowId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        return pages.lottery(me, windowId, hx, model);
    }

    @PostMapping(BASE + "/{windowId}/siblings")
    String siblings(
            UserScope me,
            @PathVariable UUID windowId,
            @ModelAttribute("siblingsForm") SiblingsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return pages.siblings(me, windowId, form, result, model, redirect);
    }

    @PostMapping(BASE + "/{windowId}/priorities")
    String priority(
            UserScope me,
            @PathVariable UUID windowId,
            @ModelAttribute("priorityForm") PriorityForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return pages.priority(me, windowId, form, result, model, redirect);
    }

    @PostMapping(BASE + "/{windowId}/draw")
    String draw(UserScope me, @PathVariable UUID windowId, Model model, RedirectAttributes redirect) {
        return pages.draw(me, windowId, model, redirect);
    }

    @PostMapping(BASE + "/{windowId}/verify")
    String verify(UserScope me, @PathVariable UUID windowId, Model model) {
        return pages.verify(me, windowId, model);
    }

    @GetMapping(BASE + "/{windowId}/children/{childId}")
    String explain(
            UserScope me,
            @PathVariable UUID windowId,
            @PathVariable UUID childId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        return pages.explain(me, windowId, childId, hx, model);
    }
}
