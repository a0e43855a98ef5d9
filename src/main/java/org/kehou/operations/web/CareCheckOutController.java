package org.kehou.operations.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.CareCheckOut;
import org.kehou.operations.CareCheckOut.CareChild;
import org.kehou.operations.CareCheckOut.GroupCheckOut;
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupService;
import org.kehou.operations.web.OperationsForms.ReleaseForm;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
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
 * The extended-care check-out at {@code /teacher/extended-care} (SCOPE-2), made for a phone: for each care group the
 * teacher supervises, its children of the day with their latest pickup time, who is released (to whom, when, by whom)
 * and who is still waiting, with a warning for a child waiting past that time. The hand-over buttons are the gate's
 * ({@code operations/fragments :: child}) and go through {@link PickupManagement#release} with extended care, so a
 * refusal is kept and named in the child's card exactly as at the gate. {@code ?date=} shows another day.
 */
@Controller
class CareCheckOutController {

    static final String PATH = "/teacher/extended-care";
    static final String VIEW = "operations/teacher/extended-care";

    private final CareCheckOut checkOut;
    private final PickupManagement pickup;
    private final MessageSource messages;
    private final Clock clock;

    CareCheckOutController(CareCheckOut checkOut, PickupManagement pickup, MessageSource messages, Clock clock) {
        this.checkOut = checkOut;
        this.pickup = pickup;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String list(
            UserScope me,
            @RequestParam(required = false) @Nullable String date,
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
        return Htmx.view(hx, view(me, day, model), "groups");
    }

    @PostMapping(PATH + "/children/{studentId}/release")
    String release(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("releaseForm") ReleaseForm form,
            BindingResult result,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LocalDate day = form.date == null ? LocalDate.now(clock) : form.date;
        form.service = PickupService.EXTENDED_CARE;
        checkOut.child(me, studentId, day);
        boolean released = !result.hasErrors()
                && OperationsForms.attempt(result, () -> pickup.release(me, form.toCommand(studentId)));
        if (released && !"true".equals(hx)) {
            redirect.addFlashAttribute("flash", "pickup.released");
            return "redirect:" + PATH + "?date=" + day;
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
                response.setHeader(Htmx.TRIGGER, StaffPickupController.RELEASED);
            }
            CareChild child = checkOut.child(me, studentId, day);
            common(day, model);
            model.addAttribute("careTimes", times(List.of(child)));
            model.addAttribute("careLate", late(List.of(child)));
            model.addAttribute("c", child.status());
            return "operations/fragments :: child";
        }
        return view(me, day, model);
    }

    private String view(UserScope me, LocalDate day, Model model) {
        List<GroupCheckOut> groups = checkOut.day(me, day);
        List<CareChild> children =
                groups.stream().flatMap(g -> g.children().stream()).toList();
        common(day, model);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("groups", groups);
        model.addAttribute("careTimes", times(children));
        model.addAttribute("careLate", late(children));
        return VIEW;
    }

    /** What the gate's child card needs to post back here: the base, the day and the service. */
    private static void common(LocalDate day, Model model) {
        model.addAttribute("base", PATH);
        model.addAttribute("noDetails", true);
        model.addAttribute("day", day);
        model.addAttribute("service", PickupService.EXTENDED_CARE);
        model.addAttribute("classParam", null);
        model.addAttribute("waiting", false);
    }

    private static Map<UUID, LocalTime> times(List<CareChild> children) {
        Map<UUID, LocalTime> times = new HashMap<>();
        children.stream()
                .filter(c -> c.pickupBy() != null)
                .forEach(c -> times.put(c.status().studentId(), c.pickupBy()));
        return times;
    }

    private static Set<UUID> late(List<CareChild> children) {
        Set<UUID> late = new HashSet<>();
        children.stream()
                .filter(CareChild::late)
                .forEach(c -> late.add(c.status().studentId()));
        return late;
    }
}
