package org.kehou.organization.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.organization.DayKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.TermKind;
import org.kehou.organization.web.Forms.ClassForm;
import org.kehou.organization.web.Forms.DayForm;
import org.kehou.organization.web.Forms.StaffForm;
import org.kehou.organization.web.Forms.TermForm;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
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

/** A school admin's pages: overview, classes, staff, guardians and the calendar of their own school. */
@Controller
class SchoolController {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;

    SchoolController(OrganizationQueries queries, OrganizationManagement management) {
        this.queries = queries;
        this.management = management;
    }

    static UUID ownSchool(UserScope me) {
        if (me.schoolId() == null) {
            throw new NotFoundException("school");
        }
        return me.schoolId();
    }

    @GetMapping("/school")
    String overview(UserScope me, Model model) {
        UUID school = ownSchool(me);
        model.addAttribute("school", queries.school(me, school));
        model.addAttribute("classes", queries.classes(me, school));
        return "organization/school/overview";
    }

    @GetMapping("/school/classes")
    String classes(UserScope me, Model model) {
        model.addAttribute("classForm", new ClassForm());
        return classesView(me, model);
    }

    @PostMapping("/school/classes")
    String openClass(
            UserScope me,
            @Valid @ModelAttribute("classForm") ClassForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = ownSchool(me);
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        () -> management.openClass(
                                me, school, form.gradeLevel, form.name.strip(), form.headTeacherId))) {
            return classesView(me, model);
        }
        redirect.addFlashAttribute("flash", "class.opened");
        return "redirect:/school/classes";
    }

    private String classesView(UserScope me, Model model) {
        UUID school = ownSchool(me);
        var summary = queries.school(me, school);
        model.addAttribute("school", summary);
        model.addAttribute("classes", queries.classes(me, school));
        model.addAttribute("grades", summary.stage().grades());
        model.addAttribute("teachers", queries.staff(me, school));
        return "organization/school/classes";
    }

    @GetMapping("/school/classes/{classId}")
    String schoolClass(
            UserScope me,
            @PathVariable UUID classId,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        var schoolClass = queries.schoolClass(me, classId);
        if (!me.canManageSchool(schoolClass.schoolId())) {
            throw new NotFoundException("class");
        }
        PageQuery query = list.query(50);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute(
                "schoolName", queries.school(me, schoolClass.schoolId()).name());
        model.addAttribute("students", queries.studentsOfClass(me, classId, query));
        model.addAttribute("query", query);
        model.addAttribute("base", "/school/classes/" + classId);
        model.addAttribute("exportUrl", "/school/classes/" + classId + "/roster.xlsx");
        return Htmx.view(hx, "organization/school/class", "rows");
    }

    @GetMapping("/school/staff")
    String staff(UserScope me, Model model) {
        model.addAttribute("staffForm", new StaffForm());
        return staffView(me, model);
    }

    @PostMapping("/school/staff")
    String addStaff(
            UserScope me,
            @Valid @ModelAttribute("staffForm") StaffForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = ownSchool(me);
        MobileNumber mobile =
                form.mobile.isBlank() ? null : FormErrors.parse(result, "mobile", () -> MobileNumber.of(form.mobile));
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        "staffNo",
                        () -> management.addStaff(
                                me,
                                school,
                                new NewStaff(
                                        form.staffNo.strip(),
                                        form.name.strip(),
                                        mobile,
                                        form.position,
                                        form.subject.isBlank() ? null : form.subject.strip())))) {
            return staffView(me, model);
        }
        redirect.addFlashAttribute("flash", "staff.added");
        return "redirect:/school/staff";
    }

    private String staffView(UserScope me, Model model) {
        UUID school = ownSchool(me);
        model.addAttribute("school", queries.school(me, school));
        model.addAttribute("staff", queries.staff(me, school));
        model.addAttribute("positions", StaffPosition.values());
        return "organization/school/staff";
    }

    @GetMapping("/school/guardians")
    String guardians(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        UUID school = ownSchool(me);
        PageQuery query = list.query(20);
        model.addAttribute("school", queries.school(me, school));
        model.addAttribute("guardians", queries.guardians(me, school, query));
        model.addAttribute("query", query);
        model.addAttribute("base", "/school/guardians");
        return Htmx.view(hx, "organization/school/guardians", "rows");
    }

    @GetMapping("/school/calendar")
    String calendar(UserScope me, Model model) {
        model.addAttribute("termForm", new TermForm());
        model.addAttribute("dayForm", new DayForm());
        return calendarView(me, model);
    }

    @PostMapping("/school/calendar/terms")
    String planTerm(
            UserScope me,
            @Valid @ModelAttribute("termForm") TermForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = ownSchool(me);
        model.addAttribute("dayForm", new DayForm());
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        () -> management.planTerm(
                                me, school, form.schoolYear, form.kind, form.startsOn, form.endsOn))) {
            return calendarView(me, model);
        }
        redirect.addFlashAttribute("flash", "term.planned");
        return "redirect:/school/calendar";
    }

    @PostMapping("/school/calendar/terms/{termId}/days")
    String markDay(
            UserScope me,
            @PathVariable UUID termId,
            @Valid @ModelAttribute("dayForm") DayForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ownSchool(me);
        model.addAttribute("termForm", new TermForm());
        model.addAttribute("dayTerm", termId);
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        () -> management.markDay(
                                me, termId, form.day, form.kind, form.note.isBlank() ? null : form.note.strip()))) {
            return calendarView(me, model);
        }
        redirect.addFlashAttribute("flash", "calendar.marked");
        return "redirect:/school/calendar";
    }

    private String calendarView(UserScope me, Model model) {
        UUID school = ownSchool(me);
        model.addAttribute("school", queries.school(me, school));
        model.addAttribute("terms", queries.terms(me, school));
        model.addAttribute("termKinds", TermKind.values());
        model.addAttribute("dayKinds", new DayKind[] {DayKind.HOLIDAY, DayKind.MAKE_UP_DAY, DayKind.SCHOOL_DAY});
        return "organization/school/calendar";
    }
}
