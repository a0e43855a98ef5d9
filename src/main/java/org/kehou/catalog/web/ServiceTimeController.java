package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.ServicePlanning.ServiceTimeSummary;
import org.kehou.catalog.web.ServiceForms.ServiceTimeForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
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
 * The times of a school's services on school days in a term (SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7):
 * its admin sets them kind by kind, refused beside the field when they break a rule; county and city readers see
 * them on the school's page under {@code /county}.
 */
@Controller
class ServiceTimeController {

    /** Which field a rule's refusal belongs beside; the others are shown above the form. */
    private static final Map<String, String> FIELD_OF = Map.of(
            "service.endsBeforeStart", "endsAt",
            "service.timesRequired", "startsAt",
            "service.eveningInPrimarySchool", "kind",
            "evening.juniorMiddleOnly", "firstGrade",
            "schedule.gradeNotInSchool", "firstGrade",
            "plan.gradeBandReversed", "firstGrade");

    private final ServicePlanning planning;
    private final OrganizationQueries organization;

    ServiceTimeController(ServicePlanning planning, OrganizationQueries organization) {
        this.planning = planning;
        this.organization = organization;
    }

    @GetMapping("/school/services")
    String services(
            UserScope me,
            @RequestParam(required = false) @Nullable UUID term,
            @RequestParam(required = false) @Nullable ServiceKind kind,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        UUID school = CourseController.ownSchool(me);
        Term shown = shownTerm(me, school, term);
        ServiceTimeForm form = new ServiceTimeForm();
        if (shown != null) {
            form.setTermId(shown.id());
            if (kind != null) {
                form = ServiceTimeForm.of(shown.id(), summaryOf(me, school, shown.id(), kind));
            }
        }
        model.addAttribute("serviceForm", form);
        return Htmx.view(hx, view(me, school, shown, false, model), "times");
    }

    @PostMapping("/school/services")
    String save(
            UserScope me,
            @Valid @ModelAttribute("serviceForm") ServiceTimeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        form.requireTimes(result);
        if (!result.hasErrors()) {
            try {
                planning.setServiceTime(me, school, form.toCommand());
                redirect.addFlashAttribute("flash", "service.saved");
                return "redirect:/school/services?term=" + form.getTermId();
            } catch (RuleViolation e) {
                String field = FIELD_OF.get(e.messageKey());
                if (field == null) {
                    result.reject(e.messageKey(), e.arguments(), e.messageKey());
                } else {
                    result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
                }
            }
        }
        return view(me, school, shownTerm(me, school, form.getTermId()), false, model);
    }

    @GetMapping("/county/schools/{schoolId}/services")
    String schoolServices(
            UserScope me,
            @PathVariable UUID schoolId,
            @RequestParam(required = false) @Nullable UUID term,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        Term shown = shownTerm(me, schoolId, term);
        return Htmx.view(hx, view(me, schoolId, shown, true, model), "times");
    }

    private @Nullable Term shownTerm(UserScope me, UUID school, @Nullable UUID term) {
        if (term == null) {
            return planning.currentTerm(me, school).orElse(null);
        }
        return organization.terms(me, school).stream()
                .filter(t -> t.id().equals(term))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("term"));
    }

    private ServiceTimeSummary summaryOf(UserScope me, UUID school, UUID term, ServiceKind kind) {
        return planning.serviceTimes(me, school, term).stream()
                .filter(s -> s.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private String view(UserScope me, UUID school, @Nullable Term term, boolean readOnly, Model model) {
        var summary = organization.school(me, school);
        model.addAttribute("school", summary);
        model.addAttribute("terms", organization.terms(me, school));
        model.addAttribute("term", term);
        model.addAttribute("times", term == null ? List.of() : planning.serviceTimes(me, school, term.id()));
        model.addAttribute("kinds", ServiceKind.values());
        model.addAttribute("grades", summary.stage().grades());
        model.addAttribute("readOnly", readOnly);
        model.addAttribute("base", readOnly ? "/county/schools/" + school + "/services" : "/school/services");
        return "catalog/school/services";
    }
}
