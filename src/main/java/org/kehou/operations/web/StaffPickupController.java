package org.kehou.operations.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupManagement.FlagLine;
import org.kehou.operations.PickupService;
import org.kehou.operations.web.OperationsForms.FlagForm;
import org.kehou.operations.web.OperationsForms.ReasonForm;
import org.kehou.operations.web.OperationsForms.ReleaseForm;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.kehou.platform.web.ListParams;
import org.springframework.context.MessageSource;
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
 * The hand-over pages of a school's staff (OPS-2), made for a phone at the gate: a teacher's at {@code /teacher/pickup}
 * for the classes they head, the school admin's at {@code /school/pickup} for every class. For a day and a service,
 * each child of a class with their status and one button per person they may be given to (photo shown); a refusal
 * names why, in the card of the child. While the service still runs, the page says that a hand-over now is an early
 * release and each hand-over asks to be confirmed first. Each child has a page with their people, the flags and the history; the
 * school admin also sees every refused hand-over. A date or service that cannot be read shows the default and says
 * so; a child or class outside the caller's reach is not found.
 */
@Controller
class StaffPickupController {

    /** The htmx event a hand-over answers with, on which the page's counts are read again. */
    static final String RELEASED = "pickup-released";

    static final String TEACHER = "/teacher/pickup";
    static final String SCHOOL = "/school/pickup";
    static final String VIEW = "operations/staff/pickup";

    private final PickupManagement pickup;
    private final MessageSource messages;
    private final Clock clock;

    StaffPickupController(PickupManagement pickup, MessageSource messages, Clock clock) {
        this.pickup = pickup;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(TEACHER)
    String teacherList(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(name = "class", required = false) @Nullable String classId,
            @RequestParam(required = false) @Nullable String waiting,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        return Htmx.view(hx, listView(me, TEACHER, date, service, classId, waiting, model), "list");
    }

    @GetMapping(SCHOOL)
    String schoolList(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(name = "class", required = false) @Nullable String classId,
            @RequestParam(required = false) @Nullable String waiting,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        return Htmx.view(hx, listView(me, SCHOOL, date, service, classId, waiting, model), "list");
    }

    @PostMapping(TEACHER + "/children/{studentId}/release")
    String teacherRelease(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("releaseForm") ReleaseForm form,
            BindingResult result,
            @RequestParam(name = "class", required = false) @Nullable String classId,
            @RequestParam(required = false) @Nullable String waiting,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return release(me, TEACHER, studentId, form, result, classId, waiting, hx, locale, model, redirect, response);
    }

    @PostMapping(SCHOOL + "/children/{studentId}/release")
    String schoolRelease(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("releaseForm") ReleaseForm form,
            BindingResult result,
            @RequestParam(name = "class", required = false) @Nullable String classId,
            @RequestParam(required = false) @Nullable String waiting,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return release(me, SCHOOL, studentId, form, result, classId, waiting, hx, locale, model, redirect, response);
    }

    @GetMapping(TEACHER + "/children/{studentId}")
    String teacherChild(UserScope me, @PathVariable UUID studentId, Model model) {
        model.addAttribute("flagForm", new FlagForm());
        return childView(me, TEACHER, studentId, model);
    }

    @GetMapping(SCHOOL + "/children/{studentId}")
    String schoolChild(UserScope me, @PathVariable UUID studentId, Model model) {
        model.addAttribute("flagForm", new FlagForm());
        return childView(me, SCHOOL, studentId, model);
    }

    @PostMapping(TEACHER + "/children/{studentId}/flags")
    String teacherFlag(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("flagForm") FlagForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return flag(me, TEACHER, studentId, form, result, model, redirect);
    }

    @PostMapping(SCHOOL + "/children/{studentId}/flags")
    String schoolFlag(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("flagForm") FlagForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return flag(me, SCHOOL, studentId, form, result, model, redirect);
    }

    @PostMapping(TEACHER + "/flags/{flagId}/lift")
    String teacherLift(
            UserScope me,
            @PathVariable UUID flagId,
            @Valid @ModelAttribute("liftForm") ReasonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return lift(me, TEACHER, flagId, form, result, model, redirect);
    }

    @PostMapping(SCHOOL + "/flags/{flagId}/lift")
    String schoolLift(
            UserScope me,
            @PathVariable UUID flagId,
            @Valid @ModelAttribute("liftForm") ReasonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return lift(me, SCHOOL, flagId, form, result, model, redirect);
    }

    @GetMapping(SCHOOL + "/refusals")
    String refusals(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        UUID school = me.schoolId();
        if (school == null) {
            throw new NotFoundException("school");
        }
        var query = list.query(20);
        model.addAttribute("query", query);
        model.addAttribute("refusals", pickup.refusals(me, school, query));
        return Htmx.view(hx, "operations/school/refusals", "rows");
    }

    private String release(
            UserScope me,
            String base,
            UUID studentId,
            ReleaseForm form,
            BindingResult result,
            @Nullable String classId,
            @Nullable String waiting,
            @Nullable String hx,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LocalDate day = form.date == null ? LocalDate.now(clock) : form.date;
        pickup.status(me, studentId, day);
        boolean released = !result.hasErrors()
                && OperationsForms.attempt(result, () -> pickup.release(me, form.toCommand(studentId)));
        PickupService service = form.service == null ? pickup.handOverService(me, day) : form.service;
        if (released && !"true".equals(hx)) {
            redirect.addFlashAttribute("flash", "pickup.released");
            return "redirect:" + base + "?date=" + day + "&service=" + service.name()
                    + (classId == null || parse(classId) == null ? "" : "&class=" + classId.strip())
                    + ("true".equals(waiting) ? "&waiting=true" : "");
        }
        if (!released) {
            model.addAttribute("releaseFor", studentId);
            model.addAttribute(
                    "releaseErrors",
                    result.getAllErrors().stream()
                            .map(e -> messages.getMessage(e, locale))
                            .distinct()
                            .toList());
        }
        if ("true".equals(hx)) {
            if (released) {
                // the child's card is swapped; the page's counts fetch themselves again on this event
                response.setHeader(Htmx.TRIGGER, RELEASED);
            }
            model.addAttribute("base", base);
            model.addAttribute("day", day);
            model.addAttribute("service", service);
            model.addAttribute("classParam", classId);
            model.addAttribute("waiting", "true".equals(waiting));
            model.addAttribute(
                    "runsUntil", pickup.stillRunsUntil(me, day, service).orElse(null));
            model.addAttribute("c", pickup.status(me, studentId, day));
            return "operations/fragments :: child";
        }
        model.addAttribute("pageErrors", true);
        return listView(me, base, day.toString(), service.name(), classId, waiting, model);
    }

    private String listView(
            UserScope me,
            String base,
            @Nullable String date,
            @Nullable String service,
            @Nullable String classId,
            @Nullable String waiting,
            Model model) {
        LocalDate day = LocalDate.now(clock);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", date.length() > 30 ? date.substring(0, 30) : date);
            }
        }
        PickupService chosenService = null;
        if (service != null && !service.isBlank()) {
            try {
                chosenService = PickupService.valueOf(service.strip());
            } catch (IllegalArgumentException e) {
                model.addAttribute("badService", true);
            }
        }
        if (chosenService == null) {
            chosenService = pickup.handOverService(me, day);
        }
        List<ClassSummary> classes = pickup.classes(me);
        ClassSummary chosen = classes.isEmpty() ? null : classes.getFirst();
        if (classId != null && !classId.isBlank()) {
            UUID wanted = parse(classId);
            if (wanted != null) {
                chosen = classes.stream()
                        .filter(c -> c.id().equals(wanted))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("class"));
            }
        }
        model.addAttribute("base", base);
        model.addAttribute("day", day);
        model.addAttribute("service", chosenService);
        model.addAttribute("services", PickupService.values());
        model.addAttribute("classes", classes);
        model.addAttribute("chosen", chosen);
        model.addAttribute("classParam", chosen == null ? null : chosen.id().toString());
        model.addAttribute("waiting", "true".equals(waiting));
        model.addAttribute("list", chosen == null ? null : pickup.day(me, chosen.id(), day, chosenService));
        model.addAttribute(
                "runsUntil", pickup.stillRunsUntil(me, day, chosenService).orElse(null));
        if (SCHOOL.equals(base)) {
            model.addAttribute("progress", pickup.progress(me, day));
        }
        return VIEW;
    }

    private String flag(
            UserScope me,
            String base,
            UUID studentId,
            FlagForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        pickup.child(me, studentId);
        if (result.hasErrors()
                || !OperationsForms.attempt(result, () -> pickup.flag(me, studentId, form.toCommand()))) {
            return childView(me, base, studentId, model);
        }
        redirect.addFlashAttribute("flash", "pickup.flag.raised");
        return "redirect:" + base + "/children/" + studentId;
    }

    private String lift(
            UserScope me,
            String base,
            UUID flagId,
            ReasonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        FlagLine flag = pickup.flagOf(me, flagId);
        if (result.hasErrors()
                || !OperationsForms.attempt(result, () -> pickup.liftFlag(me, flagId, form.reason.strip()))) {
            model.addAttribute("liftFor", flagId);
            model.addAttribute("flagForm", new FlagForm());
            return childView(me, base, flag.studentId(), model);
        }
        redirect.addFlashAttribute("flash", "pickup.flag.lifted");
        return "redirect:" + base + "/children/" + flag.studentId();
    }

    private String childView(UserScope me, String base, UUID studentId, Model model) {
        model.addAttribute("base", base);
        model.addAttribute("pickup", pickup.child(me, studentId));
        if (!model.containsAttribute("liftForm")) {
            model.addAttribute("liftForm", new ReasonForm());
        }
        return "operations/staff/child";
    }

    private static @Nullable UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
