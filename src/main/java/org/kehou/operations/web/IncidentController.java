package org.kehou.operations.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.IncidentKind;
import org.kehou.operations.Incidents;
import org.kehou.operations.web.OperationsForms.IncidentForm;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.kehou.platform.web.ListParams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incidents (OPS-4): the school admin reports one about any child of the school at {@code /school/incidents}, a
 * teacher about the children of their classes at {@code /teacher/incidents}; both see the incidents they may read,
 * and the guardians of the children involved are told.
 */
@Controller
class IncidentController {

    static final String SCHOOL = "/school/incidents";
    static final String TEACHER = "/teacher/incidents";

    private final Incidents incidents;
    private final Clock clock;

    IncidentController(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @GetMapping(SCHOOL)
    String school(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("incidentForm", new IncidentForm(LocalDateTime.now(clock)));
        return Htmx.view(hx, view(me, SCHOOL, list, model), "list");
    }

    @GetMapping(TEACHER)
    String teacher(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("incidentForm", new IncidentForm(LocalDateTime.now(clock)));
        return Htmx.view(hx, view(me, TEACHER, list, model), "list");
    }

    @PostMapping(SCHOOL)
    String reportAtSchool(
            UserScope me,
            @Valid @ModelAttribute("incidentForm") IncidentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return report(me, SCHOOL, form, result, model, redirect);
    }

    @PostMapping(TEACHER)
    String reportAsTeacher(
            UserScope me,
            @Valid @ModelAttribute("incidentForm") IncidentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return report(me, TEACHER, form, result, model, redirect);
    }

    private String report(
            UserScope me,
            String base,
            IncidentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors() || !OperationsForms.attempt(result, () -> incidents.report(me, form.toCommand()))) {
            return view(me, base, new ListParams(), model);
        }
        redirect.addFlashAttribute("flash", "incident.reported");
        return "redirect:" + base;
    }

    private String view(UserScope me, String base, ListParams list, Model model) {
        var query = list.query(20);
        model.addAttribute("base", base);
        model.addAttribute("query", query);
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("children", incidents.children(me));
        model.addAttribute("incidents", incidents.incidents(me, query));
        return "operations/staff/incidents";
    }
}
