package org.kehou.operations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.Stage;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RecordRows;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the children of a school finish their homework in slot 1 (CONTENT-5): over a range of days, the share of
 * child-days done, mostly done and not done, per class, per grade and per stage (primary grades 1–6, junior middle
 * 7–9), counting each child's current entry of each session. Only the stages the school has are listed: a primary
 * school shows no junior-middle row, a nine-year school both.
 */
@Service
@Transactional(readOnly = true)
public class HomeworkRates {

    /** The longest range asked for at once: a school year. */
    static final int MAX_DAYS = 366;

    private final OrganizationQueries organization;
    private final JdbcClient jdbc;

    HomeworkRates(OrganizationQueries organization, JdbcClient jdbc) {
        this.organization = organization;
        this.jdbc = jdbc;
    }

    public Rates of(UserScope scope, UUID schoolId, LocalDate from, LocalDate to) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        if (to.isBefore(from)) {
            throw new RuleViolation("homework.rates.badRange");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new RuleViolation("homework.rates.tooLong", MAX_DAYS);
        }
        record Count(UUID classId, int gradeLevel, String mark, long n) {}
        List<Count> counts = jdbc.sql("""
                        select e.class_id, e.grade_level, e.mark, count(*) as n
                        from operations.session_entry e
                        where e.school_id = :school and e.kind = 'HOMEWORK' and e.on_date between :from and :to
                          and not exists (select 1 from operations.session_entry later
                            where later.kind = e.kind and later.offering_id = e.offering_id
                              and later.on_date = e.on_date and later.student_id = e.student_id
                              and later.entry_no > e.entry_no)
                        group by e.class_id, e.grade_level, e.mark""")
                .param("school", schoolId)
                .param("from", from)
                .param("to", to)
                .query(RecordRows.of(Count.class))
                .list();
        Map<UUID, ClassSummary> classes = new LinkedHashMap<>();
        organization.classes(scope, schoolId).forEach(c -> classes.put(c.id(), c));
        Map<UUID, Tally> byClass = new LinkedHashMap<>();
        Map<Integer, Tally> byGrade = new TreeMap<>();
        Map<Stage, Tally> byStage = new LinkedHashMap<>();
        Stage schoolStage = organization.school(scope, schoolId).stage();
        for (Stage stage : List.of(Stage.PRIMARY, Stage.JUNIOR_MIDDLE)) {
            if (schoolStage == Stage.NINE_YEAR || schoolStage == stage) {
                byStage.put(stage, new Tally());
            }
        }
        for (Count c : counts) {
            HomeworkMark mark = HomeworkMark.valueOf(c.mark());
            byClass.computeIfAbsent(c.classId(), k -> new Tally()).add(mark, c.n());
            byGrade.computeIfAbsent(c.gradeLevel(), k -> new Tally()).add(mark, c.n());
            // a grade the school's stage does not have (data from before a change of stage) still counts
            byStage.computeIfAbsent(
                            Stage.isJuniorMiddleGrade(c.gradeLevel()) ? Stage.JUNIOR_MIDDLE : Stage.PRIMARY,
                            k -> new Tally())
                    .add(mark, c.n());
        }
        List<ClassRate> classRates = new ArrayList<>();
        classes.values().stream()
                .filter(c -> byClass.containsKey(c.id()))
                .forEach(c -> classRates.add(new ClassRate(
                        c.id(), c.gradeLevel(), c.name(), byClass.get(c.id()).rate())));
        List<GradeRate> gradeRates = new ArrayList<>();
        byGrade.forEach((grade, tally) -> gradeRates.add(new GradeRate(grade, tally.rate())));
        List<StageRate> stageRates = new ArrayList<>();
        byStage.forEach((stage, tally) -> stageRates.add(new StageRate(stage, tally.rate())));
        return new Rates(from, to, classRates, gradeRates, stageRates);
    }

    private static final class Tally {
        long done;
        long mostly;
        long notDone;

        void add(HomeworkMark mark, long n) {
            switch (mark) {
                case DONE -> done += n;
                case MOSTLY_DONE -> mostly += n;
                case NOT_DONE -> notDone += n;
            }
        }

        Rate rate() {
            return new Rate(done, mostly, notDone);
        }
    }

    /** Child-days by mark, and their shares in per cent (one decimal), of all child-days recorded. */
    public record Rate(long done, long mostlyDone, long notDone) {

        public long total() {
            return done + mostlyDone + notDone;
        }

        public double donePercent() {
            return percent(done);
        }

        public double mostlyDonePercent() {
            return percent(mostlyDone);
        }

        public double notDonePercent() {
            return percent(notDone);
        }

        private double percent(long n) {
            return total() == 0 ? 0 : Math.round(n * 1000.0 / total()) / 10.0;
        }
    }

    public record ClassRate(UUID classId, int gradeLevel, String className, Rate rate) {}

    public record GradeRate(int gradeLevel, Rate rate) {}

    /** A stage's rate; a stage of the school with no grades recorded has a total of 0. */
    public record StageRate(Stage stage, Rate rate) {}

    public record Rates(
            LocalDate from, LocalDate to, List<ClassRate> classes, List<GradeRate> grades, List<StageRate> stages) {}
}
