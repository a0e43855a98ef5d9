package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogReports;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.web.Forms.CourseForm;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school admin's course system (COURSE-1, 一校一策): a printable category × grade grid and the form to define a
 * course; its county and the city see the same grid without the form.
 */
@Controller
class CourseController {

    private final CatalogManagement catalog;
    private final CatalogReports reports;

    CourseController(CatalogManagement catalog, CatalogReports reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    static UUID ownSchool(UserScope me) {
        if (me.schoolId() == null) {
            throw new NotFoundException("school");
        }
        return me.schoolId();
    }

    @GetMapping("/school/courses")
    String courses(UserScope me, Model model) {
        model.addAttribute("courseForm", new CourseForm());
        return coursesView(me, model);
    }

    @PostMapping("/school/courses")
    String defineCourse(
            UserScope me,
            @Valid @ModelAttribute("courseForm") CourseForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID school = ownSchool(me);
        if (result.hasErrors()
                || !FormErrors.attempt(result, "grades", () -> catalog.defineCourse(me, school, form.toCommand()))) {
            return coursesView(me, model);
        }
        redirect.addFlashAttribute("flash", "course.defined");
        return "redirect:/school/courses";
    }

    /** A school's course system as its county and the city see it: the same grid, without the form (COURSE-1). */
    @GetMapping("/county/schools/{schoolId}/courses")
    String schoolCourses(UserScope me, @PathVariable UUID schoolId, Model model) {
        model.addAttribute("system", reports.courseSystem(me, schoolId));
        model.addAttribute("canManage", false);
        return "catalog/school/courses";
    }

    private String coursesView(UserScope me, Model model) {
        UUID school = ownSchool(me);
        model.addAttribute("system", reports.courseSystem(me, school));
        model.addAttribute("canManage", true);
        model.addAttribute("categories", CourseCategory.values());
        model.addAttribute("activityKinds", ActivityKind.values());
        model.addAttribute("providerKinds", ProviderKind.values());
        return "catalog/school/courses";
    }
}
