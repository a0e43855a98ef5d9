package org.kehou.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.VenueSummary;
import org.kehou.catalog.CatalogReports;
import org.kehou.catalog.CatalogReports.Instructor;
import org.kehou.catalog.CatalogReports.Timetable;
import org.kehou.catalog.web.CatalogForms.TimetableFilter;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Week timetables of a term's offerings (COURSE-2, COURSE-3), printable on an A4 sheet: a school's by grade or class
 * (a class has the offerings of its grade), by venue and by instructor, for its admin and, read only, its county and
 * the city; and a teacher's own. Only offerings that run are shown unless drafts are asked for. A filter value that
 * cannot be read is named beside its field; a term, class, venue or instructor of another school is not found.
 */
@Controller
class TimetableController {

    private static final String VIEW = "catalog/timetable/week";

    private final CatalogReports reports;
    private final CatalogManagement catalog;
    private final OrganizationQueries organization;

    TimetableController(CatalogReports reports, CatalogManagement catalog, OrganizationQueries organization) {
        this.reports = reports;
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/school/timetable")
    String school(
            UserScope me,
            @ModelAttribute("filter") TimetableFilter filter,
            BindingResult result,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        UUID school = CourseController.ownSchool(me);
        return schoolView(me, school, filter, result, "/school/timetable", model, hx);
    }

    @GetMapping("/county/schools/{schoolId}/timetable")
    String schoolOfCounty(
            UserScope me,
            @PathVariable UUID schoolId,
            @ModelAttribute("filter") TimetableFilter filter,
            BindingResult result,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        return schoolView(me, schoolId, filter, result, "/county/schools/" + schoolId + "/timetable", model, hx);
    }

    @GetMapping("/teacher/timetable")
    String teacher(
            UserScope me,
            @ModelAttribute("filter") TimetableFilter filter,
            BindingResult result,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        model.addAttribute("timetable", reports.teacherTimetable(me, filter.term, filter.drafts));
        model.addAttribute("mode", "teacher");
        model.addAttribute("base", "/teacher/timetable");
        return Htmx.view(hx, VIEW, "view");
    }

    private String schoolView(
            UserScope me,
            UUID schoolId,
            TimetableFilter filter,
            BindingResult result,
            String base,
            Model model,
            String hx) {
        SchoolSummary school = organization.school(me, schoolId);
        Integer grade = filter.grade;
        ClassSummary schoolClass = null;
        if (filter.classId != null) {
            schoolClass = organization.schoolClass(me, filter.classId);
            if (!schoolClass.schoolId().equals(schoolId)) {
                throw new NotFoundException("class");
            }
            grade = schoolClass.gradeLevel();
        } else if (grade != null && !school.stage().hasGrade(grade)) {
            result.rejectValue("grade", "schedule.gradeNotInSchool", new Object[] {grade}, null);
            grade = null;
        }
        Timetable timetable = reports.schoolTimetable(me, schoolId, filter.toQuery(grade));
        List<VenueSummary> venues = catalog.venues(me, schoolId);
        List<Instructor> instructors = new ArrayList<>(timetable.instructors());
        Instructor instructor = null;
        if (filter.instructor != null) {
            UUID wanted = filter.instructor;
            instructor = instructors.stream()
                    .filter(i -> i.id().equals(wanted))
                    .findFirst()
                    .orElseGet(() -> organization.staff(me, schoolId).stream()
                            .filter(s -> s.id().equals(wanted))
                            .findFirst()
                            .map(s -> new Instructor(s.id(), s.name()))
                            .orElse(null));
            if (instructor != null && !instructors.contains(instructor)) {
                instructors.add(instructor);
            }
        }
        model.addAttribute("school", school);
        model.addAttribute("timetable", timetable);
        model.addAttribute("grades", school.stage().grades());
        model.addAttribute("classes", organization.classes(me, schoolId));
        model.addAttribute("venues", venues);
        model.addAttribute("instructors", instructors);
        model.addAttribute("shownGrade", grade);
        model.addAttribute("shownClass", schoolClass);
        model.addAttribute(
                "shownVenue",
                venues.stream()
                        .filter(v -> v.id().equals(filter.venue))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("shownInstructor", instructor);
        model.addAttribute("mode", "school");
        model.addAttribute("base", base);
        return Htmx.view(hx, VIEW, "view");
    }
}
