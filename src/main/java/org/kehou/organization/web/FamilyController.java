package org.kehou.organization.web;

import java.util.UUID;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A guardian sees their own children; a teacher sees the classes they serve. */
@Controller
class FamilyController {

    private final OrganizationQueries queries;

    FamilyController(OrganizationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/guardian")
    String children(UserScope me, Model model) {
        model.addAttribute("children", queries.children(me));
        return "organization/guardian/children";
    }

    @GetMapping("/guardian/children/{studentId}")
    String child(UserScope me, @PathVariable UUID studentId, Model model) {
        var details = queries.student(me, studentId);
        if (details.guardians().stream().noneMatch(g -> g.guardianId().equals(me.guardianId()))) {
            throw new NotFoundException("student");
        }
        model.addAttribute("details", details);
        return "organization/guardian/child";
    }

    @GetMapping("/teacher")
    String classes(UserScope me, Model model) {
        model.addAttribute("classes", queries.classesTaughtBy(me));
        return "organization/teacher/classes";
    }

    @GetMapping("/teacher/classes/{classId}")
    String schoolClass(UserScope me, @PathVariable UUID classId, Model model) {
        var schoolClass = queries.schoolClass(me, classId);
        if (me.staffId() == null || !me.staffId().equals(schoolClass.headTeacherId())) {
            throw new NotFoundException("class");
        }
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute(
                "students",
                queries.studentsOfClass(me, classId, new PageQuery(0, PageQuery.MAX_SIZE, "name", false, "")));
        return "organization/teacher/class";
    }
}
