package org.kehou.operations.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.operations.PatrolIssue;
import org.kehou.operations.Patrols;
import org.kehou.operations.web.OperationsForms.PatrolForm;
import org.kehou.operations.web.OperationsForms.ResolveForm;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
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
 * A school admin's patrol records (OPS-3): the day's patrols with the day's coverage of its offerings (x of y), the
 * follow-ups still open, a form to record a patrol with up to three photos, and the resolution of a follow-up. A
 * patrol of another school is not found.
 */
@Controller
class PatrolController {

    static final String PAGE = "/school/patrols";

    private final Patrols patrols;
    private final CatalogManagement catalog;
    private final Clock clock;

    PatrolController(Patrols patrols, CatalogManagement catalog, Clock clock) {
        this.patrols = patrols;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("patrolForm", new PatrolForm(LocalDateTime.now(clock)));
        return Htmx.view(hx, view(me, day(date, model), model), "day");
    }

    @PostMapping(PAGE)
    String record(
            UserScope me,
            @Valid @ModelAttribute("patrolForm") PatrolForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = ownSchool(me);
        if (result.hasErrors()
                || !OperationsForms.attempt(result, () -> patrols.record(me, school, form.toCommand()))) {
            LocalDate day = form.patrolledAt == null ? LocalDate.now(clock) : form.patrolledAt.toLocalDate();
            model.addAttribute("day", day);
            return view(me, day, model);
        }
        redirect.addFlashAttribute("flash", "patrol.recorded");
        return "redirect:" + PAGE + "?date=" + form.patrolledAt.toLocalDate();
    }

    @PostMapping(PAGE + "/{patrolId}/resolve")
    String resolve(
            UserScope me,
            @PathVariable UUID patrolId,
            @Valid @ModelAttribute("resolveForm") ResolveForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        patrols.patrol(me, patrolId);
        if (result.hasErrors()
                || !OperationsForms.attempt(result, () -> patrols.resolve(me, patrolId, form.resolution))) {
            model.addAttribute("resolveFor", patrolId);
            model.addAttribute("patrolForm", new PatrolForm(LocalDateTime.now(clock)));
            LocalDate today = LocalDate.now(clock);
            model.addAttribute("day", today);
            return view(me, today, model);
        }
        redirect.addFlashAttribute("flash", "patrol.resolved");
        return "redirect:" + PAGE;
    }

    private String view(UserScope me, LocalDate day, Model model) {
        UUID school = ownSchool(me);
        model.addAttribute("patrols", patrols.day(me, school, day));
        model.addAttribute("coverage", patrols.coverage(me, school, day));
        model.addAttribute("open", patrols.openFollowUps(me, school, new PageQuery(0, 50, "", false, "")));
        var todays = patrols.offeringsOn(me, school, LocalDate.now(clock));
        model.addAttribute("offerings", todays);
        // a patrol of an offering names its slot and course beside the venue, since several share a course's name
        java.util.Map<UUID, org.kehou.catalog.CatalogManagement.OfferingSummary> patrolled = new java.util.HashMap<>();
        todays.forEach(o -> patrolled.put(o.id(), o));
        patrols.coverage(me, school, day)
                .offerings()
                .forEach(c -> patrolled.put(c.offering().id(), c.offering()));
        model.addAttribute("patrolledOfferings", patrolled);
        model.addAttribute("venues", catalog.venues(me, school));
        model.addAttribute("issues", PatrolIssue.values());
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", new ResolveForm());
        }
        return "operations/school/patrols";
    }

    private LocalDate day(@Nullable String date, Model model) {
        return day(date, clock, model);
    }

    /**
     * The day a page shows: the one asked for, or today when none is asked for or it cannot be read, in which case
     * the page says so ({@code badDate}).
     */
    static LocalDate day(@Nullable String date, Clock clock, Model model) {
        LocalDate day = LocalDate.now(clock);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", date.length() > 30 ? date.substring(0, 30) : date);
            }
        }
        model.addAttribute("day", day);
        return day;
    }

    static UUID ownSchool(UserScope me) {
        if (me.schoolId() == null) {
            throw new NotFoundException("school");
        }
        return me.schoolId();
    }
}
