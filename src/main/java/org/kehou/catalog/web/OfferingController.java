package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.CopyResult;
import org.kehou.catalog.CatalogManagement.NoticeStatus;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.OfferingState;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.web.Forms.CancelForm;
import org.kehou.catalog.web.Forms.CopyForm;
import org.kehou.catalog.web.Forms.FeeNoticeForm;
import org.kehou.catalog.web.Forms.OfferingForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school admin's offerings of a term (COURSE-2): the form to draft one, refused by the rules it breaks (a slot-1
 * new lesson, CONTENT-4; a fee on a school-run course, COURSE-2), and each offering's lifecycle: publish a draft,
 * close a published one, cancel either (a published one with the reason families are told). A fee-bearing offering
 * gets its public notice here and opens only once the notice period has passed (ENROL-5). A term's offerings are
 * copied into another term as drafts.
 */
@Controller
class OfferingController {

    private static final List<DayOfWeek> SCHOOL_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;
    private final Clock clock;

    OfferingController(CatalogManagement catalog, OrganizationQueries organization, Clock clock) {
        this.catalog = catalog;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/school/offerings")
    String offerings(UserScope me, @RequestParam(required = false) @Nullable UUID term, Model model) {
        Term shown = chosenTerm(me, term);
        model.addAttribute("offeringForm", OfferingForm.forTerm(shown == null ? null : shown.id()));
        return offeringsView(me, shown, model);
    }

    @PostMapping("/school/offerings")
    String draft(
            UserScope me,
            @Valid @ModelAttribute("offeringForm") OfferingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        if (result.hasErrors() || !attemptDraft(result, () -> catalog.draftOffering(me, school, form.toCommand()))) {
            return offeringsView(me, chosenTerm(me, form.getTermId()), model);
        }
        redirect.addFlashAttribute("flash", "offering.drafted");
        return redirectTo(form.getTermId());
    }

    @PostMapping("/school/offerings/{offeringId}/publish")
    String publish(UserScope me, @PathVariable UUID offeringId, Model model, RedirectAttributes redirect) {
        return lifecycle(
                me,
                offeringId,
                model,
                redirect,
                "offering.publishedNow",
                () -> catalog.publishOffering(me, offeringId));
    }

    @PostMapping("/school/offerings/{offeringId}/close")
    String close(UserScope me, @PathVariable UUID offeringId, Model model, RedirectAttributes redirect) {
        return lifecycle(
                me, offeringId, model, redirect, "offering.closedNow", () -> catalog.closeOffering(me, offeringId));
    }

    @PostMapping("/school/offerings/{offeringId}/cancel")
    String cancel(
            UserScope me,
            @PathVariable UUID offeringId,
            @Valid @ModelAttribute("cancelForm") CancelForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID term = ownOffering(me, offeringId).termId();
        if (!result.hasErrors()) {
            try {
                catalog.cancelOffering(me, offeringId, form.getReason());
                redirect.addFlashAttribute("flash", "offering.cancelledNow");
                return redirectTo(term);
            } catch (RuleViolation e) {
                if (e.messageKey().equals("offering.cancelReasonRequired")) {
                    result.rejectValue("reason", e.messageKey(), e.arguments(), e.messageKey());
                } else {
                    refused(model, offeringId, e);
                }
            }
        }
        model.addAttribute("cancelling", offeringId);
        model.addAttribute("offeringForm", OfferingForm.forTerm(term));
        return offeringsView(me, chosenTerm(me, term), model);
    }

    @PostMapping("/school/offerings/copy")
    String copy(
            UserScope me,
            @Valid @ModelAttribute("copyForm") CopyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = CourseController.ownSchool(me);
        CopyResult[] copied = new CopyResult[1];
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        "toTermId",
                        () -> copied[0] =
                                catalog.copyOfferingsToTerm(me, school, form.getFromTermId(), form.getToTermId()))) {
            model.addAttribute("offeringForm", OfferingForm.forTerm(form.getFromTermId()));
            return offeringsView(me, chosenTerm(me, form.getFromTermId()), model);
        }
        redirect.addFlashAttribute("copiedCount", copied[0].copied().size());
        redirect.addFlashAttribute("skippedCount", copied[0].skipped());
        return redirectTo(form.getToTermId());
    }

    @GetMapping("/school/offerings/{offeringId}/notice")
    String noticeForm(UserScope me, @PathVariable UUID offeringId, Model model) {
        model.addAttribute("noticeForm", new FeeNoticeForm());
        return noticeView(me, offeringId, model);
    }

    @PostMapping("/school/offerings/{offeringId}/notice")
    String publishNotice(
            UserScope me,
            @PathVariable UUID offeringId,
            @Valid @ModelAttribute("noticeForm") FeeNoticeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        OfferingSummary offering = ownOffering(me, offeringId);
        if (!result.hasErrors()) {
            try {
                catalog.publishFeeNotice(me, offeringId, form.toCommand());
                redirect.addFlashAttribute("flash", "notice.publishedNow");
                return redirectTo(offering.termId());
            } catch (RuleViolation e) {
                refused(model, offeringId, e);
            }
        }
        return noticeView(me, offeringId, model);
    }

    private String lifecycle(
            UserScope me, UUID offeringId, Model model, RedirectAttributes redirect, String done, Runnable action) {
        UUID term = ownOffering(me, offeringId).termId();
        try {
            action.run();
        } catch (RuleViolation e) {
            model.addAttribute("offeringForm", OfferingForm.forTerm(term));
            refused(model, offeringId, e);
            return offeringsView(me, chosenTerm(me, term), model);
        }
        redirect.addFlashAttribute("flash", done);
        return redirectTo(term);
    }

    private static void refused(Model model, UUID offeringId, RuleViolation e) {
        model.addAttribute("refusedOffering", offeringId);
        model.addAttribute("refusalKey", e.messageKey());
        model.addAttribute("refusalArgs", e.arguments());
    }

    /** A fee refusal belongs beside the fee; any other rule's refusal is about the offering as a whole. */
    private static boolean attemptDraft(BindingResult result, Runnable command) {
        return FormErrors.attempt(result, Map.of("fee.", List.of("fee")), command);
    }

    private OfferingSummary ownOffering(UserScope me, UUID offeringId) {
        UUID school = CourseController.ownSchool(me);
        OfferingSummary offering = catalog.offering(me, offeringId);
        if (!offering.schoolId().equals(school)) {
            throw new NotFoundException("offering");
        }
        return offering;
    }

    private String noticeView(UserScope me, UUID offeringId, Model model) {
        OfferingSummary offering = ownOffering(me, offeringId);
        var school = organization.school(me, offering.schoolId());
        model.addAttribute("school", school);
        model.addAttribute("offering", offering);
        model.addAttribute("noticeDays", catalog.noticeDays(school.countyId()));
        model.addAttribute(
                "notice",
                catalog.feeNotices(me, offering.schoolId(), offering.termId()).stream()
                        .filter(n -> n.offeringId().equals(offeringId))
                        .findFirst()
                        .orElse(null));
        return "catalog/school/notice-form";
    }

    private static String redirectTo(@Nullable UUID term) {
        return term == null ? "redirect:/school/offerings" : "redirect:/school/offerings?term=" + term;
    }

    private @Nullable Term chosenTerm(UserScope me, @Nullable UUID term) {
        UUID school = CourseController.ownSchool(me);
        return TermChoice.of(organization.terms(me, school), term, LocalDate.now(clock));
    }

    private String offeringsView(UserScope me, @Nullable Term shown, Model model) {
        UUID school = CourseController.ownSchool(me);
        var summary = organization.school(me, school);
        List<Term> terms = organization.terms(me, school);
        List<OfferingSummary> offerings =
                shown == null ? List.of() : catalog.offerings(me, school, shown.id(), null, null);
        Map<UUID, NoticeStatus> notices = shown == null
                ? Map.of()
                : catalog.feeNotices(me, school, shown.id()).stream()
                        .collect(Collectors.toMap(NoticeStatus::offeringId, Function.identity()));
        model.addAttribute("school", summary);
        model.addAttribute("terms", terms);
        model.addAttribute("term", shown);
        model.addAttribute("offerings", offerings);
        model.addAttribute("notices", notices);
        model.addAttribute("noticeDays", catalog.noticeDays(summary.countyId()));
        model.addAttribute("drafts", OfferingState.DRAFT);
        model.addAttribute("institution", ProviderKind.INSTITUTION);
        if (!model.containsAttribute("copyForm")) {
            model.addAttribute("copyForm", CopyForm.from(shown == null ? null : shown.id()));
        }
        if (!model.containsAttribute("cancelForm")) {
            model.addAttribute("cancelForm", new CancelForm());
        }
        model.addAttribute("courses", catalog.courses(me, school));
        model.addAttribute("venues", catalog.venues(me, school));
        model.addAttribute("staff", organization.staff(me, school));
        model.addAttribute("grades", summary.stage().grades());
        model.addAttribute("weekdays", SCHOOL_DAYS);
        model.addAttribute("slots", Slot.values());
        model.addAttribute("contents", SlotOneContent.values());
        return "catalog/school/offerings";
    }
}
