package org.kehou.operations.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupRelation;
import org.kehou.operations.web.OperationsForms.PersonForm;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A guardian's page of who may collect their own child (OPS-2), made for a phone: the child's guardians, who always
 * may; the people the guardian adds (name, relation, mobile number, a photo for the gate) or removes; and the
 * standing consent to go home alone. Another family's child is not found.
 */
@Controller
class GuardianPickupController {

    private final PickupManagement pickup;

    GuardianPickupController(PickupManagement pickup) {
        this.pickup = pickup;
    }

    @GetMapping("/guardian/children/{studentId}/pickup")
    String page(UserScope me, @PathVariable UUID studentId, Model model) {
        model.addAttribute("personForm", new PersonForm());
        return view(me, studentId, model);
    }

    @PostMapping("/guardian/children/{studentId}/pickup/persons")
    String authorise(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("personForm") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        pickup.family(me, studentId);
        MobileNumber mobile = result.hasFieldErrors("mobile")
                ? null
                : FormErrors.parse(result, "mobile", () -> MobileNumber.of(form.mobile));
        if (result.hasErrors()
                || mobile == null
                || !OperationsForms.attempt(result, () -> pickup.authorise(me, studentId, form.toCommand(mobile)))) {
            return view(me, studentId, model);
        }
        redirect.addFlashAttribute("flash", "pickup.person.added");
        return "redirect:/guardian/children/" + studentId + "/pickup";
    }

    @PostMapping("/guardian/children/{studentId}/pickup/persons/{personId}/remove")
    String remove(
            UserScope me, @PathVariable UUID studentId, @PathVariable UUID personId, RedirectAttributes redirect) {
        pickup.removePerson(me, studentId, personId);
        redirect.addFlashAttribute("flash", "pickup.person.removed");
        return "redirect:/guardian/children/" + studentId + "/pickup";
    }

    @PostMapping("/guardian/children/{studentId}/pickup/consent")
    String consent(
            UserScope me,
            @PathVariable UUID studentId,
            @RequestParam(defaultValue = "false") String alone,
            RedirectAttributes redirect) {
        boolean consent = Boolean.parseBoolean(alone.strip());
        pickup.consentToGoingAlone(me, studentId, consent);
        redirect.addFlashAttribute("flash", consent ? "pickup.alone.given" : "pickup.alone.withdrawn");
        return "redirect:/guardian/children/" + studentId + "/pickup";
    }

    private String view(UserScope me, UUID studentId, Model model) {
        model.addAttribute("pickup", pickup.family(me, studentId));
        model.addAttribute("relations", PickupRelation.values());
        return "operations/guardian/pickup";
    }
}
