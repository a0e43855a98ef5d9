package org.kehou.enrollment.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.OpeningBookings;
import org.kehou.enrollment.web.RosterForms.BookingForm;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bookings of openings on days without school (SCOPE-3). A guardian's page, made for a phone: for each child the
 * coming openings of the child's school with the places left and a button to book, and the family's bookings with a
 * button to cancel; a refusal (full, booked already, too late) is shown beside the opening. A school admin's pages:
 * the school's coming openings with how many booked, and who booked one opening, printable on A4. Another family's
 * child or booking and another school's opening are not found.
 */
@Controller
class BookingController {

    static final String GUARDIAN = "/guardian/openings";

    private final OpeningBookings bookings;
    private final Clock clock;

    BookingController(OpeningBookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @GetMapping(GUARDIAN)
    String familyOpenings(
            UserScope me, @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        return Htmx.view(hx, guardianView(me, model), "openings");
    }

    @PostMapping(GUARDIAN + "/{openingId}/bookings")
    String book(
            UserScope me,
            @PathVariable UUID openingId,
            @Valid @ModelAttribute("bookingForm") BookingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors() || !RosterForms.attempt(result, () -> bookings.book(me, openingId, form.childId))) {
            model.addAttribute("refusedOpening", openingId);
            model.addAttribute("refusedChild", form.childId);
            return guardianView(me, model);
        }
        redirect.addFlashAttribute("flash", "booking.done");
        return "redirect:" + GUARDIAN;
    }

    @PostMapping("/guardian/bookings/{bookingId}/cancel")
    String cancel(UserScope me, @PathVariable UUID bookingId, Model model, RedirectAttributes redirect) {
        BookingForm form = new BookingForm();
        var result = new org.springframework.validation.BeanPropertyBindingResult(form, "bookingForm");
        if (!RosterForms.attempt(result, () -> bookings.cancel(me, bookingId))) {
            model.addAttribute("bookingForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "bookingForm", result);
            model.addAttribute("refusedBooking", bookingId);
            return guardianView(me, model);
        }
        redirect.addFlashAttribute("flash", "booking.cancelled");
        return "redirect:" + GUARDIAN;
    }

    @GetMapping("/school/bookings")
    String schoolOpenings(
            UserScope me, @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx, Model model) {
        model.addAttribute("openings", bookings.schoolOpenings(me, LocalDate.now(clock)));
        return Htmx.view(hx, "enrollment/school/bookings", "openings");
    }

    @GetMapping("/school/bookings/{openingId}")
    String openingBookings(
            UserScope me,
            @PathVariable UUID openingId,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("roster", bookings.bookings(me, openingId));
        return Htmx.view(hx, "enrollment/school/opening-bookings", "bookings");
    }

    private String guardianView(UserScope me, Model model) {
        if (!model.containsAttribute("bookingForm")) {
            model.addAttribute("bookingForm", new BookingForm());
        }
        model.addAttribute("children", bookings.familyOpenings(me));
        model.addAttribute("bookings", bookings.familyBookings(me));
        return "enrollment/guardian/openings";
    }
}
