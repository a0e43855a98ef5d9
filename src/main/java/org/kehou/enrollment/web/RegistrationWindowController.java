package org.kehou.enrollment.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Allocation;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.Promotion;
import org.kehou.enrollment.RegistrationQueries;
import org.kehou.enrollment.web.RegistrationForms.WindowForm;
import org.kehou.organization.TermKind;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
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
 * The registration pages of schools and counties (ENROL-1, ENROL-2, ENROL-3): the windows that govern them, a form
 * to open one (first come or by lottery; overlaps and the like are refused beside their field), and for a school its published
 * offerings with capacity, seats taken and children waiting, and the history of one of its registrations. A school
 * invites guardians but never registers a child for them: there is nothing here that enrols.
 */
@Controller
class RegistrationWindowController {

    private final EnrollmentManagement enrollment;
    private final RegistrationQueries registration;
    private final Clock clock;

    RegistrationWindowController(EnrollmentManagement enrollment, RegistrationQueries registration, Clock clock) {
        this.enrollment = enrollment;
        this.registration = registration;
        this.clock = clock;
    }

    @GetMapping("/school/registration")
    String school(UserScope me, @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("windowForm", new WindowForm(defaultYear()));
        return schoolView(me, hx, model);
    }

    @PostMapping("/school/registration/windows")
    String openSchoolWindow(
            UserScope me,
            @Valid @ModelAttribute("windowForm") WindowForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()
                || !RegistrationForms.attempt(result, () -> enrollment.openWindow(me, form.toCommand()))) {
            return schoolView(me, null, model);
        }
        redirect.addFlashAttribute("flash", "registration.window.opened");
        return "redirect:/school/registration";
    }

    @GetMapping("/school/registration/enrollments/{id}/history")
    String history(
            UserScope me,
            @PathVariable UUID id,
            @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("history", registration.history(me, id));
        model.addAttribute("registration", null);
        model.addAttribute("back", "/school/registration");
        return Htmx.view(hx, "enrollment/registration/history", "history");
    }

    @GetMapping("/county/registration")
    String county(UserScope me, @RequestHeader(name = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("windowForm", new WindowForm(defaultYear()));
        return countyView(me, hx, model);
    }

    @PostMapping("/county/registration/windows")
    String openCountyWindow(
            UserScope me,
            @Valid @ModelAttribute("windowForm") WindowForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!me.has(Role.COUNTY_ADMIN)) {
            throw new NotFoundException("county");
        }
        if (result.hasErrors()
                || !RegistrationForms.attempt(result, () -> enrollment.openWindow(me, form.toCommand()))) {
            return countyView(me, null, model);
        }
        redirect.addFlashAttribute("flash", "registration.window.opened");
        return "redirect:/county/registration";
    }

    private String schoolView(UserScope me, @Nullable String hx, Model model) {
        model.addAttribute("windows", enrollment.windows(me));
        model.addAttribute("load", registration.schoolLoad(me));
        model.addAttribute("termKinds", TermKind.values());
        model.addAttribute("allocations", Allocation.values());
        model.addAttribute("promotions", Promotion.values());
        model.addAttribute("action", "/school/registration/windows");
        return Htmx.view(hx, "enrollment/registration/school", "content");
    }

    private String countyView(UserScope me, @Nullable String hx, Model model) {
        model.addAttribute("windows", enrollment.windows(me));
        model.addAttribute("termKinds", TermKind.values());
        model.addAttribute("allocations", Allocation.values());
        model.addAttribute("promotions", Promotion.values());
        model.addAttribute("action", "/county/registration/windows");
        model.addAttribute("canOpen", me.has(Role.COUNTY_ADMIN));
        return Htmx.view(hx, "enrollment/registration/county", "content");
    }

    /** The school year a new window is most likely for: the one that begins this autumn, or began last autumn. */
    private int defaultYear() {
        LocalDate today = LocalDate.now(clock);
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }
}
