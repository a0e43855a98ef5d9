package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.CourseSummary;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.web.Forms.CourseForm;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A school admin's course system (COURSE-1, 一校一策): a category × grade grid and the form to define a course. */
@Controller
class CourseController {

    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    CourseController(CatalogManagement catalog, OrganizationQueries organization) {
        this.catalog = catalog;
        this.organization = organization;
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

    private String coursesView(UserScope me, Model model) {
        UUID school = ownSchool(me);
        var summary = organization.school(me, school);
        List<Integer> grades = summary.stage().grades();
        List<CourseSummary> courses = catalog.courses(me, school);
        Map<CourseCategory, Map<Integer, List<CourseSummary>>> grid = new EnumMap<>(CourseCategory.class);
        for (CourseCategory category : CourseCategory.values()) {
            Map<Integer, List<CourseSummary>> row = new LinkedHashMap<>();
            for (Integer grade : grades) {
                row.put(grade, new ArrayList<>());
            }
            grid.put(category, row);
        }
        for (CourseSummary course : courses) {
            for (Integer grade : course.grades()) {
                List<CourseSummary> cell = grid.get(course.category()).get(grade);
                if (cell != null) {
                    cell.add(course);
                }
            }
        }
        model.addAttribute("school", summary);
        model.addAttribute("grades", grades);
        model.addAttribute("grid", grid);
        model.addAttribute("courseCount", courses.size());
        model.addAttribute("categories", CourseCategory.values());
        model.addAttribute("activityKinds", ActivityKind.values());
        model.addAttribute("providerKinds", ProviderKind.values());
        return "catalog/school/courses";
    }
}
