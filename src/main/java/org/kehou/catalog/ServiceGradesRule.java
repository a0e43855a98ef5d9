package org.kehou.catalog;

import java.util.List;
import java.util.stream.IntStream;
import org.kehou.organization.Stage;

/**
 * CONTENT-7: a service is for a band of the school's own grades; evening self-study (晚自习) runs only at schools
 * with junior-middle grades and, in a nine-year school, only for grades 7–9.
 */
final class ServiceGradesRule {

    private ServiceGradesRule() {}

    static Verdict check(ServiceKind kind, boolean offered, Stage stage, int firstGrade, int lastGrade) {
        if (lastGrade < firstGrade) {
            return Verdict.refused("plan.gradeBandReversed");
        }
        List<Integer> grades =
                IntStream.rangeClosed(firstGrade, lastGrade).boxed().toList();
        Verdict ofSchool = ScheduleConflictRule.gradesOfSchool(stage, grades);
        if (!ofSchool.isAllowed() || !offered || kind != ServiceKind.EVENING) {
            return ofSchool;
        }
        if (stage == Stage.PRIMARY) {
            return Verdict.refused("service.eveningInPrimarySchool");
        }
        return EveningSelfStudyRule.check(Slot.EVENING, grades);
    }
}
