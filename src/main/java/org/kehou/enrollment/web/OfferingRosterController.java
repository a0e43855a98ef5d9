package org.kehou.enrollment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Rosters;
import org.kehou.enrollment.Rosters.OfferingRoster;
import org.kehou.enrollment.StaffMoves;
import org.kehou.enrollment.web.RosterForms.MoveForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
import org.kehou.organization.TermKind;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * A school admin's rosters and counts (ENROL-2, ENROL-3): the counts of a term's registrations by grade and by
 * category and slot with every offering's confirmed and waiting numbers; an offering's roster, printable on A4 and as
 * a workbook; the form that moves a child to another offering with a reason. The county admin's counts list every
 * school of the county. Another school's offering or registration is not found; a term or school year that cannot
 * be read shows the default and says so.
 */
@Controller
class OfferingRosterController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Rosters rosters;
    private final StaffMoves moves;
    private final OrganizationQueries organization;
    private final MessageSource messages;
    private final Clock clock;

    OfferingRosterController(
            Rosters rosters, StaffMoves moves, OrganizationQueries organization, MessageSource messages, Clock clock) {
        this.rosters = rosters;
        this.moves = moves;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/school/registration-counts")
    String schoolCounts(
            UserScope me,
            @RequestParam(required = false) @Nullable String term,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        UUID school = CareRequestSchoolController.ownSchool(me);
        List<Term> terms = organization.terms(me, school);
        Term shown = chosen(terms, term, LocalDate.now(clock), model);
        model.addAttribute("school", organization.school(me, school));
        model.addAttribute("terms", terms);
        model.addAttribute("term", shown);
        model.addAttribute("counts", shown == null ? null : rosters.schoolCounts(me, school, shown.id()));
        return Htmx.view(hx, "enrollment/school/registration-counts", "counts");
    }

    @GetMapping("/county/registration-counts")
    String countyCounts(
            UserScope me,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String kind,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        UUID county = me.countyId();
        if (county == null) {
            throw new NotFoundException("county");
        }
        LocalDate today = LocalDate.now(clock);
        int defaultYear = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        TermKind defaultKind =
                today.getMonthValue() >= 8 || today.getMonthValue() == 1 ? TermKind.AUTUMN : TermKind.SPRING;
        int shownYear = defaultYear;
        TermKind shownKind = defaultKind;
        boolean bad = false;
        if (year != null && !year.isBlank()) {
            try {
                shownYear = Integer.parseInt(year.strip());
                if (shownYear < 2000 || shownYear > 2200) {
                    bad = true;
                    shownYear = defaultYear;
                }
            } catch (NumberFormatException e) {
                bad = true;
            }
        }
        if (kind != null && !kind.isBlank()) {
            try {
                shownKind = TermKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                bad = true;
            }
        }
        model.addAttribute("badChoice", bad);
        model.addAttribute("county", organization.county(me, county));
        model.addAttribute("year", shownYear);
        model.addAttribute("kind", shownKind);
        model.addAttribute("kinds", TermKind.values());
        model.addAttribute("schools", rosters.countyCounts(me, county, shownYear, shownKind));
        return Htmx.view(hx, "enrollment/county/registration-counts", "schools");
    }

    @GetMapping("/school/offerings/{offeringId}/roster")
    String roster(
            UserScope me,
            @PathVariable UUID offeringId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("roster", rosters.roster(me, offeringId));
        return Htmx.view(hx, "enrollment/school/roster", "roster");
    }

    @GetMapping("/school/offerings/{offeringId}/roster.xlsx")
    void rosterWorkbook(UserScope me, @PathVariable UUID offeringId, Locale locale, HttpServletResponse response)
            throws IOException {
        OfferingRoster roster = rosters.roster(me, offeringId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RosterSheet.write(roster, key -> messages.getMessage(key, null, key, locale), out);
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(roster.offering().courseName() + ".xlsx", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        out.writeTo(response.getOutputStream());
    }

    @GetMapping("/school/registrations/{enrollmentId}/move")
    String moveForm(UserScope me, @PathVariable UUID enrollmentId, Model model) {
        model.addAttribute("moveForm", new MoveForm());
        return moveView(me, enrollmentId, model);
    }

    @PostMapping("/school/registrations/{enrollmentId}/move")
    String move(
            UserScope me,
            @PathVariable UUID enrollmentId,
            @Valid @ModelAttribute("moveForm") MoveForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var subject = moves.subject(me, enrollmentId);
        if (result.hasErrors()
                || !RosterForms.attempt(
                        result, () -> moves.move(me, enrollmentId, form.destinationId, form.reason.strip()))) {
            return moveView(me, enrollmentId, model);
        }
        redirect.addFlashAttribute("flash", "move.done");
        return "redirect:/school/offerings/" + subject.from().id() + "/roster";
    }

    private String moveView(UserScope me, UUID enrollmentId, Model model) {
        model.addAttribute("subject", moves.subject(me, enrollmentId));
        return "enrollment/school/move";
    }

    private static @Nullable Term chosen(List<Term> terms, @Nullable String term, LocalDate today, Model model) {
        if (term != null && !term.isBlank()) {
            for (Term t : terms) {
                if (t.id().toString().equals(term.strip())) {
                    return t;
                }
            }
            model.addAttribute("badChoice", true);
        }
        return terms.stream()
                .filter(t -> !t.startsOn().isAfter(today) && !t.endsOn().isBefore(today))
                .findFirst()
                .orElse(terms.isEmpty() ? null : terms.getFirst());
    }
}
