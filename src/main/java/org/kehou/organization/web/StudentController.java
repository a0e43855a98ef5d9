package org.kehou.organization.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewGuardian;
import org.kehou.organization.OrganizationManagement.NewStudent;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Relation;
import org.kehou.organization.web.Forms.CorrectionForm;
import org.kehou.organization.web.Forms.GuardianForm;
import org.kehou.organization.web.Forms.StudentForm;
import org.kehou.platform.ChineseIdNumber;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A school admin's student pages: list, register, correct, link guardians and reveal an ID number. */
@Controller
class StudentController {

    private final OrganizationQueries queries;
    private final OrganizationManagement management;

    StudentController(OrganizationQueries queries, OrganizationManagement management) {
        this.queries = queries;
        this.management = management;
    }

    @GetMapping("/school/students")
    String students(
            UserScope me,
            ListParams list,
            @RequestParam(required = false) UUID classId,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        UUID school = SchoolController.ownSchool(me);
        PageQuery query = list.query(20);
        model.addAttribute("school", queries.school(me, school));
        model.addAttribute("students", queries.students(me, school, classId, query));
        model.addAttribute("query", query);
        model.addAttribute("base", "/school/students");
        return Htmx.view(hx, "organization/school/students", "rows");
    }

    @GetMapping("/school/students/new")
    String newStudent(UserScope me, Model model) {
        model.addAttribute("studentForm", new StudentForm());
        return newView(me, model);
    }

    @PostMapping("/school/students")
    String register(
            UserScope me,
            @Valid @ModelAttribute("studentForm") StudentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = SchoolController.ownSchool(me);
        ChineseIdNumber idNumber = FormErrors.parse(result, "idNumber", () -> ChineseIdNumber.of(form.idNumber));
        UUID[] created = new UUID[1];
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        "idNumber",
                        () -> created[0] = management
                                .registerStudent(me, school, new NewStudent(form.name.strip(), idNumber, form.classId))
                                .id())) {
            return newView(me, model);
        }
        redirect.addFlashAttribute("flash", "student.registered");
        return "redirect:/school/students/" + created[0];
    }

    private String newView(UserScope me, Model model) {
        UUID school = SchoolController.ownSchool(me);
        model.addAttribute("school", queries.school(me, school));
        model.addAttribute("classes", queries.classes(me, school));
        return "organization/school/student-form";
    }

    @GetMapping("/school/students/{studentId}")
    String student(UserScope me, @PathVariable UUID studentId, Model model) {
        model.addAttribute("guardianForm", new GuardianForm());
        return detailView(me, studentId, model, null);
    }

    @PostMapping("/school/students/{studentId}")
    String correct(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("correctionForm") CorrectionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        managed(me, studentId);
        model.addAttribute("guardianForm", new GuardianForm());
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result, () -> management.correctStudent(me, studentId, form.name.strip(), form.classId))) {
            return detailView(me, studentId, model, form);
        }
        redirect.addFlashAttribute("flash", "student.corrected");
        return "redirect:/school/students/" + studentId;
    }

    @PostMapping("/school/students/{studentId}/guardians")
    String linkGuardian(
            UserScope me,
            @PathVariable UUID studentId,
            @Valid @ModelAttribute("guardianForm") GuardianForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        managed(me, studentId);
        MobileNumber mobile = FormErrors.parse(result, "mobile", () -> MobileNumber.of(form.mobile));
        if (result.hasErrors()
                || !FormErrors.attempt(
                        result,
                        () -> management.linkGuardian(
                                me, studentId, new NewGuardian(form.name.strip(), mobile, form.relation)))) {
            return detailView(me, studentId, model, null);
        }
        redirect.addFlashAttribute("flash", "guardian.linked");
        return "redirect:/school/students/" + studentId;
    }

    /** Shows the full ID number in place of the masked one; the read is audited. */
    @PostMapping("/school/students/{studentId}/id-number")
    String reveal(UserScope me, @PathVariable UUID studentId, Model model) {
        model.addAttribute("idNumber", management.revealIdNumber(me, studentId));
        return "organization/school/student :: idNumber";
    }

    private String detailView(UserScope me, UUID studentId, Model model, CorrectionForm correction) {
        var details = managed(me, studentId);
        if (correction == null) {
            correction = new CorrectionForm();
            correction.name = details.student().name();
            correction.classId = details.student().classId();
        }
        model.addAttribute("details", details);
        model.addAttribute("correctionForm", correction);
        model.addAttribute("classes", queries.classes(me, details.student().schoolId()));
        model.addAttribute("relations", Relation.values());
        return "organization/school/student";
    }

    private OrganizationQueries.StudentDetails managed(UserScope me, UUID studentId) {
        var details = queries.student(me, studentId);
        if (!me.canManageSchool(details.student().schoolId())) {
            throw new NotFoundException("student");
        }
        return details;
    }
}
