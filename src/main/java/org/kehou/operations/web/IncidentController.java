package org.kehou.operations.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.IncidentKind;
import org.kehou.operations.Incidents;
import org.kehou.operations.web.OperationsForms.IncidentForm;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.kehou.platform.web.ListParams;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incidents (OPS-4): the school admin reports one about any child of the school at {@code /school/incidents}, a
 * teacher about the children of their classes at {@code /teacher/incidents}; both see the incidents they may read,
 * and the guardians of the children involved are told. The children involved are found by a search by name or
 * class (a school has hundreds), each chosen one kept checked while the caller searches for the next.
 */
@Controller
class IncidentController {

    static final String SCHOOL = "/school/incidents";
    static final String TEACHER = "/teacher/incidents";

    /** How many children a search lists at most, and a caller may serve to be shown them all without a search. */
    static final int MATCHES = 30;

    /** The longest search kept. */
    static final int MAX_QUERY = 30;

    private final Incidents incidents;
    private final MessageSource messages;
    private final Clock clock;

    IncidentController(Incidents incidents, MessageSource messages, Clock clock) {
        this.incidents = incidents;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(SCHOOL)
    String school(
            UserScope me,
            ListParams list,
            @RequestParam(name = "find", required = false) @Nullable String q,
            @RequestParam(name = "children", required = false) @Nullable List<String> chosen,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Locale locale,
            Model model) {
        return page(me, SCHOOL, list, q, chosen, hx, locale, model);
    }

    @GetMapping(TEACHER)
    String teacher(
            UserScope me,
            ListParams list,
            @RequestParam(name = "find", required = false) @Nullable String q,
            @RequestParam(name = "children", required = false) @Nullable List<String> chosen,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Locale locale,
            Model model) {
        return page(me, TEACHER, list, q, chosen, hx, locale, model);
    }

    /**
     * The page, or for htmx its list of incidents; a search for children ({@code find}, with the children already
     * chosen) gets the picker alone, or the whole page with the picker open at the search.
     */
    private String page(
            UserScope me,
            String base,
            ListParams list,
            @Nullable String q,
            @Nullable List<String> chosen,
            @Nullable String hx,
            Locale locale,
            Model model) {
        IncidentForm form = new IncidentForm(LocalDateTime.now(clock));
        if (chosen != null) {
            chosen.stream()
                    .map(IncidentController::parse)
                    .filter(Objects::nonNull)
                    .forEach(form.children::add);
        }
        model.addAttribute("incidentForm", form);
        String view = view(me, base, list, q, locale, model);
        if (q != null && "true".equals(hx)) {
            return view + " :: picker";
        }
        return Htmx.view(hx, view, "list");
    }

    @PostMapping(SCHOOL)
    String reportAtSchool(
            UserScope me,
            @Valid @ModelAttribute("incidentForm") IncidentForm form,
            BindingResult result,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        return report(me, SCHOOL, form, result, locale, model, redirect);
    }

    @PostMapping(TEACHER)
    String reportAsTeacher(
            UserScope me,
            @Valid @ModelAttribute("incidentForm") IncidentForm form,
            BindingResult result,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        return report(me, TEACHER, form, result, locale, model, redirect);
    }

    private String report(
            UserScope me,
            String base,
            IncidentForm form,
            BindingResult result,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors() || !OperationsForms.attempt(result, () -> incidents.report(me, form.toCommand()))) {
            return view(me, base, new ListParams(), null, locale, model);
        }
        redirect.addFlashAttribute("flash", "incident.reported");
        return "redirect:" + base;
    }

    private String view(UserScope me, String base, ListParams list, @Nullable String q, Locale locale, Model model) {
        var query = list.query(20);
        model.addAttribute("base", base);
        model.addAttribute("query", query);
        model.addAttribute("kinds", IncidentKind.values());
        picker(me, q, locale, model);
        model.addAttribute("incidents", incidents.incidents(me, query));
        return "operations/staff/incidents";
    }

    /**
     * The children chosen (those of the form the caller may report about, in the order chosen) and the others that
     * match the search by name or class, at most {@link #MATCHES}; with no search, every child when the caller serves
     * no more than that many (a teacher's class), else none until they search.
     */
    private void picker(UserScope me, @Nullable String q, Locale locale, Model model) {
        IncidentForm form = (IncidentForm) model.getAttribute("incidentForm");
        List<StudentRow> served = incidents.children(me);
        Map<UUID, StudentRow> byId = new LinkedHashMap<>();
        served.forEach(s -> byId.put(s.id(), s));
        List<UUID> wanted = form == null ? List.of() : form.children;
        List<StudentRow> chosen = wanted.stream()
                .distinct()
                .map(byId::get)
                .filter(Objects::nonNull)
                .toList();
        String search = q == null ? "" : q.strip();
        if (search.length() > MAX_QUERY) {
            search = search.substring(0, MAX_QUERY);
        }
        String needle = search.toLowerCase(locale);
        List<StudentRow> matching = served.stream()
                .filter(s -> !wanted.contains(s.id()))
                .filter(s -> needle.isEmpty()
                        ? served.size() <= MATCHES
                        : s.name().toLowerCase(locale).contains(needle)
                                || classLabel(s, locale).toLowerCase(locale).contains(needle)
                                || (classLabel(s, locale) + s.name())
                                        .toLowerCase(locale)
                                        .contains(needle))
                .toList();
        model.addAttribute("find", search);
        model.addAttribute("chosen", chosen);
        model.addAttribute("matches", matching.stream().limit(MATCHES).toList());
        model.addAttribute("moreMatches", matching.size() > MATCHES);
        model.addAttribute("searchFirst", needle.isEmpty() && served.size() > MATCHES);
    }

    private String classLabel(StudentRow s, Locale locale) {
        return messages.getMessage("pickup.class", new Object[] {s.gradeLevel(), s.className()}, locale);
    }

    private static @Nullable UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
