package org.kehou.enrollment.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Invitations;
import org.kehou.enrollment.Invitations.InvitationOutcome;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school admin's invitations to register (ENROL-1, ENROL-2): the form to invite the guardians of chosen classes or
 * whole grades to a window that has not closed, with a short message, and the invitations sent with how many they
 * reached. An invitation enrols nobody; registering stays the guardian's act.
 */
@Controller
class InvitationController {

    /** Which field a rule's refusal is shown beside, by the start of its message key. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "invitation.audience", List.of("grades"),
            "invitation.message", List.of("message"),
            "invitation.window", List.of("windowId"));

    private final Invitations invitations;
    private final OrganizationQueries organization;

    InvitationController(Invitations invitations, OrganizationQueries organization) {
        this.invitations = invitations;
        this.organization = organization;
    }

    @GetMapping("/school/registration/invitations")
    String invitations(
            UserScope me, @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("invitationForm", new InvitationForm());
        return view(me, hx, model);
    }

    @PostMapping("/school/registration/invitations")
    String invite(
            UserScope me,
            @Valid @ModelAttribute("invitationForm") InvitationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        InvitationOutcome[] outcome = new InvitationOutcome[1];
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result, FIELDS, () -> outcome[0] = invitations.invite(me, form.toCommand(), form.formKey))) {
            return view(me, null, model);
        }
        redirect.addFlashAttribute("flash", outcome[0].replayed() ? "invitation.sentBefore" : "invitation.sent");
        return "redirect:/school/registration/invitations";
    }

    private String view(UserScope me, @Nullable String hx, Model model) {
        if (me.schoolId() == null) {
            throw new NotFoundException("school");
        }
        List<ClassSummary> classes = organization.classes(me, me.schoolId());
        model.addAttribute("windows", invitations.windowsToInviteTo(me));
        model.addAttribute("classes", classes);
        model.addAttribute(
                "gradeLevels",
                new TreeSet<>(classes.stream().map(ClassSummary::gradeLevel).toList()));
        model.addAttribute("invitations", invitations.invitations(me));
        return Htmx.view(hx, "enrollment/registration/invitations", "content");
    }
}
