package org.kehou.operations.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.AttendanceMark;
import org.kehou.operations.HomeworkMark;
import org.kehou.operations.Sessions;
import org.kehou.operations.Sessions.HomeworkRecord;
import org.kehou.operations.Sessions.RollCall;
import org.kehou.operations.Sessions.SessionSheet;
import org.kehou.operations.web.SessionForms.MarksForm;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.kehou.platform.web.Htmx;
import org.springframework.format.annotation.DateTimeFormat;
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
 * A teacher's pages of a session (OPS-1, CONTENT-5), made for a phone: the roll call, every registered child present
 * unless tapped late, absent or on leave (leave the guardian reported is already marked), and in slot 1 the homework
 * completion, every child who came done unless tapped otherwise; each saved for the whole session in one request.
 * After the day a save is a correction and asks why; each child's earlier entries stay visible. A date that is not
 * a session of the offering says so; a session the teacher does not serve is not found.
 */
@Controller
class SessionController {

    static final String BASE = "/teacher/sessions/{offeringId}/{date}";

    /** The list of a session's children, which both pages share and an htmx request gets alone. */
    static final String SHEET = "operations/sessions/sheet :: sheet";

    private final Sessions sessions;
    private final Clock clock;

    SessionController(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping(BASE + "/roll-call")
    String rollCall(
            UserScope me,
            @PathVariable UUID offeringId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("form", new MarksForm());
        String view = show(model, date, () -> sessions.rollCall(me, offeringId, date), "roll-call");
        return "true".equals(hx) ? SHEET : view;
    }

    @PostMapping(BASE + "/roll-call")
    String recordRollCall(
            UserScope me,
            @PathVariable UUID offeringId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @ModelAttribute("form") MarksForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return save(
                model,
                date,
                "roll-call",
                () -> sessions.rollCall(me, offeringId, date),
                result,
                () -> sessions.recordRollCall(
                                me, offeringId, date, new RollCall(form.parsed(AttendanceMark::parse), form.reason))
                        .added(),
                redirect,
                "/teacher/sessions/" + offeringId + "/" + date + "/roll-call");
    }

    @GetMapping(BASE + "/homework")
    String homework(
            UserScope me,
            @PathVariable UUID offeringId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("form", new MarksForm());
        String view = show(model, date, () -> sessions.homework(me, offeringId, date), "homework");
        return "true".equals(hx) ? SHEET : view;
    }

    @PostMapping(BASE + "/homework")
    String recordHomework(
            UserScope me,
            @PathVariable UUID offeringId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @ModelAttribute("form") MarksForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return save(
                model,
                date,
                "homework",
                () -> sessions.homework(me, offeringId, date),
                result,
                () -> sessions.recordHomework(
                                me, offeringId, date, new HomeworkRecord(form.parsed(HomeworkMark::parse), form.reason))
                        .added(),
                redirect,
                "/teacher/sessions/" + offeringId + "/" + date + "/homework");
    }

    /**
     * Saves the whole session and goes back to its page, or shows the page again with the refusal beside the reason
     * or above the list, the marks as sent; nothing is stored then.
     */
    private String save(
            Model model,
            LocalDate date,
            String view,
            java.util.function.Supplier<SessionSheet> sheet,
            BindingResult result,
            java.util.function.IntSupplier record,
            RedirectAttributes redirect,
            String page) {
        String shown = show(model, date, sheet, view);
        if (model.containsAttribute("refusal")) {
            return shown;
        }
        int[] added = {0};
        if (!result.hasErrors()
                && FormErrors.attempt(result, SessionForms.FIELDS, () -> added[0] = record.getAsInt())) {
            redirect.addFlashAttribute("flash", added[0] == 0 ? "session.unchanged" : "session.saved");
            return "redirect:" + page;
        }
        model.addAttribute("sent", true);
        return shown;
    }

    /** The page of a session, or the page saying why the date is no session of the offering (a rule's refusal). */
    private String show(Model model, LocalDate date, java.util.function.Supplier<SessionSheet> sheet, String view) {
        model.addAttribute("day", date);
        // a day to come is shown, but offers no save: it would be refused (SessionDateRule) and the taps lost
        model.addAttribute("upcoming", date.isAfter(LocalDate.now(clock)));
        model.addAttribute(
                "marks", view.equals("homework") ? List.of(HomeworkMark.values()) : List.of(AttendanceMark.values()));
        try {
            model.addAttribute("sheet", sheet.get());
        } catch (RuleViolation e) {
            model.addAttribute("refusal", e);
        }
        return "operations/sessions/" + view;
    }
}
