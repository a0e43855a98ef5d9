package org.kehou.enrollment.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.enrollment.CareKind;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.web.CareRequestForms.CareGroupForm;
import org.kehou.enrollment.web.CareRequestForms.DeclineForm;
import org.kehou.enrollment.web.CareRequestForms.GroupChoiceForm;
import org.kehou.enrollment.web.CareRequestForms.StaffForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.kehou.platform.web.ListParams;
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
 * A school admin's care requests (SCOPE-1, SCOPE-2): the pending and decided requests, the care groups, and one
 * request's page to accept it with care staff or a group, decline it with a reason, or change its staff or group. A
 * request of another school is not found.
 */
@Controller
class CareRequestSchoolController {

    static final String LIST = "/school/care-requests";

    private final CareRequests care;
    private final OrganizationQueries organization;
    private final CatalogManagement catalog;

    CareRequestSchoolController(CareRequests care, OrganizationQueries organization, CatalogManagement catalog) {
        this.care = care;
        this.organization = organization;
        this.catalog = catalog;
    }

    static UUID ownSchool(UserScope me) {
        if (me.schoolId() == null) {
            throw new NotFoundException("school");
        }
        return me.schoolId();
    }

    @GetMapping(LIST)
    String requests(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) @Nullable String hx,
            Model model) {
        model.addAttribute("careGroupForm", new CareGroupForm());
        return Htmx.view(hx, listView(me, list.query(20), model), "decided");
    }

    @PostMapping("/school/care-groups")
    String formGroup(
            UserScope me,
            @Valid @ModelAttribute("careGroupForm") CareGroupForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = ownSchool(me);
        if (result.hasErrors()
                || !CareRequestForms.attempt(result, () -> care.formCareGroup(me, school, form.toCommand()))) {
            return listView(me, new ListParams().query(20), model);
        }
        redirect.addFlashAttribute("flash", "care.group.formed");
        return "redirect:" + LIST;
    }

    @GetMapping("/school/care-requests/early-arrivals/{requestId}")
    String earlyArrival(UserScope me, @PathVariable UUID requestId, Model model) {
        return detailView(me, CareKind.EARLY_ARRIVAL, requestId, model);
    }

    @PostMapping("/school/care-requests/early-arrivals/{requestId}/accept")
    String accept(
            UserScope me,
            @PathVariable UUID requestId,
            @Valid @ModelAttribute("staffForm") StaffForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                me,
                CareKind.EARLY_ARRIVAL,
                requestId,
                result,
                model,
                redirect,
                () -> care.acceptEarlyArrival(me, requestId, form.careStaffId),
                "care.accepted",
                LIST);
    }

    @PostMapping("/school/care-requests/early-arrivals/{requestId}/staff")
    String assignStaff(
            UserScope me,
            @PathVariable UUID requestId,
            @Valid @ModelAttribute("staffForm") StaffForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                me,
                CareKind.EARLY_ARRIVAL,
                requestId,
                result,
                model,
                redirect,
                () -> care.assignCareStaff(me, requestId, form.careStaffId),
                "care.reassigned",
                "/school/care-requests/early-arrivals/" + requestId);
    }

    @PostMapping("/school/care-requests/early-arrivals/{requestId}/decline")
    String declineEarlyArrival(
            UserScope me,
            @PathVariable UUID requestId,
            @Valid @ModelAttribute("declineForm") DeclineForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                me,
                CareKind.EARLY_ARRIVAL,
                requestId,
                result,
                model,
                redirect,
                () -> care.declineEarlyArrival(me, requestId, form.reason.strip()),
                "care.declined",
                LIST);
    }

    /**
     * Decides a request of the school: a refusal is shown on the request's page beside its field; a decision is
     * confirmed by a flash message on the page it leads to.
     */
    private String decide(
            UserScope me,
            CareKind kind,
            UUID requestId,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Runnable decision,
            String flash,
            String next) {
        care.request(me, kind, requestId);
        if (result.hasErrors() || !CareRequestForms.attempt(result, decision)) {
            return detailView(me, kind, requestId, model);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + next;
    }

    @GetMapping("/school/care-requests/extended-care/{requestId}")
    String extendedCare(UserScope me, @PathVariable UUID requestId, Model model) {
        return detailView(me, CareKind.EXTENDED_CARE, requestId, model);
    }

    @PostMapping("/school/care-requests/extended-care/{requestId}/approve")
    String approve(
            UserScope me,
            @PathVariable UUID requestId,
            @Valid @ModelAttribute("groupChoiceForm") GroupChoiceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                me,
                CareKind.EXTENDED_CARE,
                requestId,
                result,
                model,
                redirect,
                () -> care.approveExtendedCare(me, requestId, form.groupId),
                "care.accepted",
                LIST);
    }

    @PostMapping("/school/care-requests/extended-care/{requestId}/group")
    String regroup(
            UserScope me,
            @PathVariable UUID requestId,
            @Valid @ModelAttribute("groupChoiceForm") GroupChoiceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                me,
                CareKind.EXTENDED_CARE,
                requestId,
                result,
                model,
                redirect,
                () -> care.regroupExtendedCare(me, requestId, form.groupId),
                "care.regrouped",
                "/school/care-requests/extended-care/" + requestId);
    }

    @PostMapping("/school/care-requests/extended-care/{requestId}/decline")
    String declineExtendedCare(
            UserScope me,
            @PathVariable UUID requestId,
            @Valid @ModelAttribute("declineForm") DeclineForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                me,
                CareKind.EXTENDED_CARE,
                requestId,
                result,
                model,
                redirect,
                () -> care.declineExtendedCare(me, requestId, form.reason.strip()),
                "care.declined",
                LIST);
    }

    private String listView(UserScope me, PageQuery query, Model model) {
        UUID school = ownSchool(me);
        model.addAttribute("school", organization.school(me, school));
        model.addAttribute("pending", care.pendingRequests(me, school));
        model.addAttribute("decided", care.decidedRequests(me, school, query));
        model.addAttribute("groups", care.careGroups(me, school));
        model.addAttribute("staff", organization.staff(me, school));
        model.addAttribute("venues", catalog.venues(me, school));
        model.addAttribute("query", query);
        model.addAttribute("base", LIST);
        return "enrollment/school/care-requests";
    }

    private String detailView(UserScope me, CareKind kind, UUID requestId, Model model) {
        UUID school = ownSchool(me);
        var request = care.request(me, kind, requestId);
        if (!request.schoolId().equals(school)) {
            throw new NotFoundException("care request");
        }
        model.addAttribute("request", request);
        model.addAttribute("staff", organization.staff(me, school));
        model.addAttribute("groups", care.careGroups(me, school));
        if (!model.containsAttribute("staffForm")) {
            StaffForm staffForm = new StaffForm();
            staffForm.careStaffId = request.kind() == CareKind.EARLY_ARRIVAL ? request.careStaffId() : null;
            model.addAttribute("staffForm", staffForm);
        }
        if (!model.containsAttribute("groupChoiceForm")) {
            GroupChoiceForm groupForm = new GroupChoiceForm();
            groupForm.groupId = request.careGroupId();
            model.addAttribute("groupChoiceForm", groupForm);
        }
        if (!model.containsAttribute("declineForm")) {
            model.addAttribute("declineForm", new DeclineForm());
        }
        return kind == CareKind.EARLY_ARRIVAL
                ? "enrollment/school/early-arrival-request"
                : "enrollment/school/extended-care-request";
    }
}
