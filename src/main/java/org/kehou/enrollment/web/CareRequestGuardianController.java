package org.kehou.enrollment.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.web.CareRequestForms.EarlyArrivalForm;
import org.kehou.enrollment.web.CareRequestForms.ExtendedCareForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A guardian's care page (SCOPE-1, SCOPE-2, ENROL-1): choose one of their own children, ask for early arrival or
 * extended care, and follow their requests with the school's decisions. Another family's child is not found.
 */
@Controller
class CareRequestGuardianController {

    static final List<DayOfWeek> WEEKDAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final CareRequests care;
    private final OrganizationQueries organization;
    private final Clock clock;

    CareRequestGuardianController(CareRequests care, OrganizationQueries organization, Clock clock) {
        this.care = care;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/guardian/care")
    String care(UserScope me, @RequestParam(required = false) @Nullable UUID child, Model model) {
        StudentRow chosen = chosen(me, child);
        UUID id = chosen == null ? null : chosen.id();
        model.addAttribute("earlyArrivalForm", new EarlyArrivalForm(id));
        model.addAttribute("extendedCareForm", new ExtendedCareForm(id));
        return careView(me, chosen, model);
    }

    @PostMapping("/guardian/care/early-arrivals")
    String requestEarlyArrival(
            UserScope me,
            @Valid @ModelAttribute("earlyArrivalForm") EarlyArrivalForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        StudentRow chosen = chosen(me, form.studentId);
        if (result.hasErrors()
                || !CareRequestForms.attempt(result, () -> care.requestEarlyArrival(me, form.toCommand()))) {
            model.addAttribute("extendedCareForm", new ExtendedCareForm(chosen == null ? null : chosen.id()));
            return careView(me, chosen, model);
        }
        redirect.addFlashAttribute("flash", "care.submitted.early");
        return "redirect:/guardian/care?child=" + form.studentId;
    }

    @PostMapping("/guardian/care/extended-care")
    String requestExtendedCare(
            UserScope me,
            @Valid @ModelAttribute("extendedCareForm") ExtendedCareForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        StudentRow chosen = chosen(me, form.studentId);
        if (result.hasErrors()
                || !CareRequestForms.attempt(result, () -> care.requestExtendedCare(me, form.toCommand()))) {
            model.addAttribute("earlyArrivalForm", new EarlyArrivalForm(chosen == null ? null : chosen.id()));
            return careView(me, chosen, model);
        }
        redirect.addFlashAttribute("flash", "care.submitted.extended");
        return "redirect:/guardian/care?child=" + form.studentId;
    }

    /** The child asked for, which must be the caller's own; the first child when none is asked for. */
    private @Nullable StudentRow chosen(UserScope me, @Nullable UUID child) {
        List<StudentRow> children = organization.children(me);
        if (child == null) {
            return children.isEmpty() ? null : children.getFirst();
        }
        return children.stream()
                .filter(c -> c.id().equals(child))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("student"));
    }

    private String careView(UserScope me, @Nullable StudentRow chosen, Model model) {
        model.addAttribute("children", organization.children(me));
        model.addAttribute("child", chosen);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "terms",
                chosen == null
                        ? List.of()
                        : organization.termsOfStudent(me, chosen.id()).stream()
                                .filter(t -> !t.endsOn().isBefore(today))
                                .sorted(Comparator.comparing(Term::startsOn))
                                .toList());
        model.addAttribute("requests", care.familyRequests(me));
        model.addAttribute("weekdays", WEEKDAYS);
        return "enrollment/guardian/care";
    }
}
