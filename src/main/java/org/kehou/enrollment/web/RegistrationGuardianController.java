package org.kehou.enrollment.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentOutcome;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentSummary;
import org.kehou.enrollment.RegistrationQueries;
import org.kehou.enrollment.RegistrationQueries.Choice;
import org.kehou.enrollment.RegistrationQueries.Choices;
import org.kehou.enrollment.web.RegistrationForms.EnrolForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentRow;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A guardian's registration pages, made for a phone (ENROL-1..3, ENROL-5, CONTENT-1, CONTENT-2): choose one of their
 * own children, see the offerings of the term that fit the child with their seats (refreshed while the page is open)
 * and whether registration is open, register with an explicit consent step, follow the registrations with their
 * place in line and history, accept or decline a seat offered from the line before it expires (ENROL-2), and
 * withdraw. Only a guardian registers, and only their own child: another family's is
 * not found.
 */
@Controller
class RegistrationGuardianController {

    private final EnrollmentManagement enrollment;
    private final RegistrationQueries registration;
    private final OrganizationQueries organization;

    RegistrationGuardianController(
            EnrollmentManagement enrollment, RegistrationQueries registration, OrganizationQueries organization) {
        this.enrollment = enrollment;
        this.registration = registration;
        this.organization = organization;
    }

    @GetMapping("/guardian/registration")
    String offerings(
            UserScope me,
            @RequestParam(required = false) @Nullable UUID child,
            @RequestParam(required = false) @Nullable Slot slot,
            @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        List<StudentRow> children = organization.children(me);
        model.addAttribute("children", children);
        model.addAttribute("slot", slot);
        model.addAttribute("slots", List.of(Slot.SLOT_1, Slot.SLOT_2));
        UUID chosen = child != null
                ? child
                : children.isEmpty() ? null : children.getFirst().id();
        Choices choices = chosen == null ? null : registration.choices(me, chosen);
        model.addAttribute("choices", choices);
        return Htmx.view(hx, "enrollment/registration/offerings", "offerings");
    }

    @GetMapping("/guardian/registration/enrol")
    String consent(
            UserScope me,
            @RequestParam UUID child,
            @RequestParam UUID offering,
            @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("enrolForm", new EnrolForm(child, offering, enrollment.consentVersion()));
        return consentView(me, child, offering, hx, model);
    }

    @PostMapping("/guardian/registration/enrol")
    String enrol(
            UserScope me,
            @Valid @ModelAttribute("enrolForm") EnrolForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        EnrollmentOutcome[] outcome = new EnrollmentOutcome[1];
        if (!result.hasErrors()) {
            RegistrationForms.attempt(
                    result, () -> outcome[0] = enrollment.enroll(me, form.toCommand(), form.idempotencyKey));
        }
        if (outcome[0] != null && outcome[0].result().stored() && outcome[0].enrollmentId() != null) {
            redirect.addAttribute("answer", outcome[0].enrollmentId());
            return "redirect:/guardian/registrations";
        }
        if (outcome[0] != null) {
            result.rejectValue("offeringId", outcome[0].result().messageKey());
        }
        if (form.childId == null || form.offeringId == null) {
            model.addAttribute("child", null);
            model.addAttribute("choice", null);
            model.addAttribute("window", null);
            return "enrollment/registration/consent";
        }
        form.idempotencyKey = UUID.randomUUID().toString();
        form.consentVersion = enrollment.consentVersion();
        return consentView(me, form.childId, form.offeringId, null, model);
    }

    @GetMapping("/guardian/registrations")
    String mine(
            UserScope me,
            @RequestParam(required = false) @Nullable UUID answer,
            @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        List<EnrollmentSummary> mine = enrollment.familyEnrollments(me);
        model.addAttribute("registrations", mine);
        model.addAttribute("answer", answer == null ? null : registration.answer(me, answer));
        return Htmx.view(hx, "enrollment/registration/mine", "registrations");
    }

    @GetMapping("/guardian/registrations/{id}/withdraw")
    String confirmWithdrawal(
            UserScope me,
            @PathVariable UUID id,
            @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("registration", own(me, id));
        return Htmx.view(hx, "enrollment/registration/withdraw", "summary");
    }

    @PostMapping("/guardian/registrations/{id}/withdraw")
    String withdraw(UserScope me, @PathVariable UUID id, RedirectAttributes redirect) {
        var outcome = enrollment.withdraw(me, id);
        redirect.addFlashAttribute(
                "flash", outcome.withdrawn() ? "registration.withdrawn" : "enrollment.alreadyWithdrawn");
        return "redirect:/guardian/registrations";
    }

    /**
     * Accepts the seat offered to the child (ENROL-2); an expired offer is refused with its reason on the list, and
     * another family's registration is not found.
     */
    @PostMapping("/guardian/registrations/{id}/accept")
    String accept(UserScope me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            enrollment.acceptOffer(me, id);
            redirect.addFlashAttribute("flash", "registration.offer.accepted");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/guardian/registrations";
    }

    /** Declines the seat offered to the child, which goes to the next in line (ENROL-2). */
    @PostMapping("/guardian/registrations/{id}/decline")
    String decline(UserScope me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            enrollment.declineOffer(me, id);
            redirect.addFlashAttribute("flash", "registration.offer.declined");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/guardian/registrations";
    }

    @GetMapping("/guardian/registrations/{id}/history")
    String history(
            UserScope me,
            @PathVariable UUID id,
            @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("history", registration.history(me, id));
        model.addAttribute("registration", own(me, id));
        model.addAttribute("back", "/guardian/registrations");
        return Htmx.view(hx, "enrollment/registration/history", "history");
    }

    /** One of the family's own registrations; another family's is not found. */
    private EnrollmentSummary own(UserScope me, UUID id) {
        return enrollment.familyEnrollments(me).stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("enrollment"));
    }

    private String consentView(UserScope me, UUID childId, UUID offeringId, @Nullable String hx, Model model) {
        Choices choices = registration.choices(me, childId);
        Choice choice = choices.offerings().stream()
                .filter(c -> c.offeringId().equals(offeringId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("offering"));
        model.addAttribute("child", choices.child());
        model.addAttribute("choice", choice);
        model.addAttribute("window", choices.window());
        return Htmx.view(hx, "enrollment/registration/consent", "summary");
    }
}
