package org.kehou.operations.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.catalog.Slot;
import org.kehou.operations.Leaves;
import org.kehou.operations.web.SessionForms.LeaveForm;
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
 * A guardian reports leave for their own child beforehand (OPS-1): a day to come, the whole day or one slot, and
 * why; below, the leave reported so far. Another family's child is not found.
 */
@Controller
class GuardianLeaveController {

    static final String PAGE = "/guardian/children/{studentId}/leave";

    private final Leaves leaves;
    private final org.kehou.organization.OrganizationQueries organization;

    GuardianLeaveController(Leaves leaves, org.kehou.organization.OrganizationQueries organization) {
        this.leaves = leaves;
        this.organization = organization;
    }

    @GetMapping(PAGE)
    String page(UserScope me, @PathVariable UUID studentId, Model model) {
        model.addAttribute("leaveForm", new LeaveForm());
        return view(me, studentId, model);
    }

    @PostMapping(PAGE)
    String report(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("leaveForm") LeaveForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        leaves.ofChild(me, studentId);
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result, SessionForms.FIELDS, () -> leaves.report(me, studentId, form.toCommand()))) {
            return view(me, studentId, model);
        }
        redirect.addFlashAttribute("flash", "leave.reported");
        return "redirect:/guardian/children/" + studentId + "/leave";
    }

    private String view(UserScope me, UUID studentId, Model model) {
        model.addAttribute("leaves", leaves.ofChild(me, studentId));
        model.addAttribute("child", organization.student(me, studentId).student());
        model.addAttribute("slots", Slot.values());
        return "operations/guardian/leave";
    }
}
