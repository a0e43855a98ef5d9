package org.kehou.operations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.EarlyArrivals;
import org.kehou.operations.EarlyArrivals.ArrivalDay;
import org.kehou.operations.EarlyArrivals.CheckIn;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.PlainText;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The early-arrival check-in (SCOPE-1), made for a phone: the care staff's children of the day at
 * {@code /teacher/early-arrivals}, all of the school's for its admin at {@code /school/arrivals}; each with their
 * expected time, who is in (time, by whom) and who is still expected, one tap to check a child in, a search for a
 * child of the school who is not on the list (taken in with the reason), and a correction with its reason. Both
 * paths are served by the same handlers and template; what the caller may see and record is the façade's business.
 * {@code ?date=} shows another day; a date that cannot be read shows today and says so. A refusal is shown in the
 * card of the child, nothing is stored.
 */
@Controller
class EarlyArrivalController {

    static final String PATH = "/teacher/early-arrivals";
    static final String SCHOOL_PATH = "/school/arrivals";
    static final String CHECK_IN = "/check-in";
    static final String VIEW = "operations/teacher/early-arrivals";

    private final EarlyArrivals arrivals;
    private final MessageSource messages;
    private final Clock clock;

    EarlyArrivalController(EarlyArrivals arrivals, MessageSource messages, Clock clock) {
        this.arrivals = arrivals;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping({PATH, SCHOOL_PATH})
    String list(
            UserScope me,
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String q,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        LocalDate day = LocalDate.now(clock);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", date.length() > 30 ? date.substring(0, 30) : date);
            }
        }
        return Htmx.view(hx, view(me, base(request), day, q, model), "list");
    }

    @PostMapping({PATH + CHECK_IN, SCHOOL_PATH + CHECK_IN})
    String checkIn(
            UserScope me,
            HttpServletRequest request,
            @Valid @ModelAttribute("checkInForm") CheckInForm form,
            BindingResult result,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        String base = base(request);
        LocalDate day = form.date == null ? LocalDate.now(clock) : form.date;
        boolean done =
                !result.hasErrors() && OperationsForms.attempt(result, () -> arrivals.checkIn(me, form.toCommand()));
        if (done && !"true".equals(hx)) {
            redirect.addFlashAttribute("flash", "checkin.done");
            return "redirect:" + base + "?date=" + day;
        }
        if (!done) {
            model.addAttribute("checkInFor", form.studentId);
            model.addAttribute(
                    "checkInErrors",
                    result.getAllErrors().stream()
                            .map(e -> messages.getMessage(e, locale))
                            .distinct()
                            .toList());
        }
        String view = view(me, base, day, done ? null : form.q, model);
        if (!done && !shown(model, form.studentId)) {
            // the child has no card on the page (e.g. a foreign id or the search is gone): say it above the list
            model.addAttribute("checkInFor", null);
        }
        return "true".equals(hx) ? view + " :: list" : view;
    }

    /** Whether the page shows a card for the child, where the refusal is then named. */
    private static boolean shown(Model model, @Nullable UUID studentId) {
        if (studentId == null) {
            return false;
        }
        ArrivalDay day = (ArrivalDay) model.getAttribute("arrivalDay");
        List<?> found = (List<?>) model.getAttribute("found");
        return day != null
                        && java.util.stream.Stream.concat(day.expected().stream(), day.unlisted().stream())
                                .anyMatch(a -> a.studentId().equals(studentId))
                || found != null
                        && found.stream().anyMatch(s -> ((StudentRow) s).id().equals(studentId));
    }

    /** The page's own path, {@link #PATH} or {@link #SCHOOL_PATH}, which its forms and links go back to. */
    private static String base(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(SCHOOL_PATH) || path.startsWith(SCHOOL_PATH + "/") ? SCHOOL_PATH : PATH;
    }

    private String view(UserScope me, String base, LocalDate day, @Nullable String q, Model model) {
        model.addAttribute("base", base);
        model.addAttribute("schoolDesk", base.equals(SCHOOL_PATH));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("arrivalDay", arrivals.day(me, day));
        String search = q == null ? "" : q.strip();
        if (search.length() > 50) {
            search = search.substring(0, 50);
        }
        model.addAttribute("q", search);
        model.addAttribute("found", search.isEmpty() ? List.of() : arrivals.findChildren(me, day, search));
        return VIEW;
    }

    /**
     * A check-in: the child, the day, and for a child not on the list or a correction the reason; a correction names
     * the entry it corrects and whether the child is here ({@code present}).
     */
    public static class CheckInForm {
        @NotNull(message = "{checkin.child.required}")
        @Nullable
        UUID studentId;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate date;

        boolean present = true;

        @Nullable
        UUID corrects;

        @Size(max = 200, message = "{checkin.reason.size}")
        @PlainText
        String reason = "";

        @Nullable
        String q;

        CheckIn toCommand() {
            return new CheckIn(
                    Objects.requireNonNull(studentId), Objects.requireNonNull(date), present, corrects, reason);
        }

        public @Nullable UUID getStudentId() {
            return studentId;
        }

        public void setStudentId(@Nullable UUID studentId) {
            this.studentId = studentId;
        }

        public @Nullable LocalDate getDate() {
            return date;
        }

        public void setDate(@Nullable LocalDate date) {
            this.date = date;
        }

        public boolean isPresent() {
            return present;
        }

        public void setPresent(boolean present) {
            this.present = present;
        }

        public @Nullable UUID getCorrects() {
            return corrects;
        }

        public void setCorrects(@Nullable UUID corrects) {
            this.corrects = corrects;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }

        public @Nullable String getQ() {
            return q;
        }

        public void setQ(@Nullable String q) {
            this.q = q;
        }
    }
}
