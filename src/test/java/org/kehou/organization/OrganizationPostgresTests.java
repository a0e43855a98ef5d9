package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.kehou.organization.OrganizationManagement.ImportResult;
import org.kehou.organization.OrganizationManagement.NewGuardian;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.OrganizationManagement.NewStudent;
import org.kehou.organization.OrganizationManagement.Outcome.Change;
import org.kehou.organization.OrganizationManagement.RosterRow;
import org.kehou.organization.OrganizationManagement.RowError;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.CountySummary;
import org.kehou.organization.OrganizationQueries.GuardianOfStudent;
import org.kehou.organization.OrganizationQueries.RosterLine;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.RosterImport.ImportJob;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditRecord;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organization module's façade and read models on PostgreSQL, against the demo city of Luoyang: scope
 * filtering, search, sort and paging in SQL, unique keys turned into rule violations, and audited writes.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=true")
class OrganizationPostgresTests {

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    TermDirectory termDirectory;

    @Autowired
    RosterImport roster;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void listsTheFifteenCountiesOfTheCityWithRealCounts() {
        List<CountySummary> counties = queries.counties(cityAdmin());

        assertThat(counties).hasSize(15);
        assertThat(counties.getFirst().name()).isEqualTo("老城区");
        assertThat(counties).extracting(CountySummary::name).contains("涧西区", "洛龙区", "栾川县", "高新区");
        long students = counties.stream().mapToLong(CountySummary::students).sum();
        assertThat(students).isEqualTo(count("select count(*) from organization.student"));
        assertThat(count("select count(*) from organization.student where demo"))
                .isBetween(950L, 1100L);
        CountySummary luolong = counties.stream()
                .filter(c -> c.code().equals("410311"))
                .findFirst()
                .orElseThrow();
        assertThat(luolong.schools()).isEqualTo(3);
        assertThat(luolong.classes()).isEqualTo(6 + 6 + 9);
        assertThat(luolong.students()).isEqualTo(6 * 28 + 6 * 28 + 9 * 19);
    }

    @Test
    void showsACountyOnlyToItsOwnAdmin() {
        UUID luolong = county("410311");
        UserScope admin = countyAdmin(luolong);

        assertThat(queries.county(admin, luolong).name()).isEqualTo("洛龙区");
        assertThatThrownBy(() -> queries.county(admin, county("410305"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.counties(admin)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.schools(admin, county("410305"), new PageQuery(0, 20, "name", false, "")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchesAndSortsTheSchoolsOfACounty() {
        UUID luolong = county("410311");
        UserScope admin = countyAdmin(luolong);

        var all = queries.schools(admin, luolong, new PageQuery(0, 20, "students", true, ""));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items().getFirst().code()).isEqualTo("LL-NY");
        assertThat(all.items()).extracting(s -> s.code()).containsExactlyInAnyOrder("LL-NY", "LL-PS", "LL-JM");
        var found = queries.schools(admin, luolong, new PageQuery(0, 20, "name", false, "九年一贯"));
        assertThat(found.items()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("洛龙区演示九年一贯制学校");
            assertThat(s.stage()).isEqualTo(Stage.NINE_YEAR);
            assertThat(s.classes()).isEqualTo(9);
            assertThat(s.students()).isEqualTo(9 * 19);
        });
        assertThat(queries.schools(admin, luolong, new PageQuery(0, 20, "name", false, "%"))
                        .total())
                .isZero();
    }

    @Test
    void pagesSortsAndSearchesTheStudentsOfASchool() {
        UUID school = school("LL-PS");
        UserScope admin = schoolAdmin(county("410311"), school);

        Page<StudentRow> first = queries.students(admin, school, null, new PageQuery(0, 10, "name", false, ""));
        Page<StudentRow> second = queries.students(admin, school, null, new PageQuery(1, 10, "name", false, ""));
        Page<StudentRow> last = queries.students(admin, school, null, new PageQuery(16, 10, "name", false, ""));
        assertThat(first.total()).isEqualTo(6 * 28);
        assertThat(first.totalPages()).isEqualTo(17);
        assertThat(first.items()).hasSize(10);
        assertThat(last.items()).hasSize(8);
        assertThat(first.items()).doesNotContainAnyElementsOf(second.items());
        assertThat(first.items()).extracting(StudentRow::schoolName).containsOnly("洛龙区演示小学");

        List<StudentRow> youngestFirst = queries.students(
                        admin, school, null, new PageQuery(0, 100, "birthDate", true, ""))
                .items();
        assertThat(youngestFirst).extracting(StudentRow::birthDate).isSortedAccordingTo(Comparator.reverseOrder());
        List<StudentRow> byClass = queries.students(admin, school, null, new PageQuery(0, 100, "class", false, ""))
                .items();
        assertThat(byClass).extracting(StudentRow::gradeLevel).isSorted();
        assertThat(queries.students(admin, school, null, new PageQuery(0, 10, "name; drop table x", false, ""))
                        .items())
                .isEqualTo(first.items());

        StudentRow someone = second.items().get(3);
        Page<StudentRow> found =
                queries.students(admin, school, null, new PageQuery(0, 100, "name", false, someone.name()));
        assertThat(found.items()).extracting(StudentRow::id).contains(someone.id());
        assertThat(found.items()).allSatisfy(s -> assertThat(s.name()).contains(someone.name()));
        assertThat(queries.students(admin, school, null, new PageQuery(0, 10, "name", false, "_"))
                        .total())
                .isZero();
    }

    @Test
    void filtersTheStudentsOfOneClass() {
        UUID school = school("LL-JM");
        UserScope admin = schoolAdmin(county("410311"), school);
        ClassSummary grade8 = queries.classes(admin, school).stream()
                .filter(c -> c.gradeLevel() == 8)
                .findFirst()
                .orElseThrow();

        Page<StudentRow> page = queries.students(admin, school, grade8.id(), new PageQuery(0, 100, "name", false, ""));
        assertThat(page.total()).isEqualTo(grade8.students()).isEqualTo(28);
        assertThat(page.items()).extracting(StudentRow::classId).containsOnly(grade8.id());
        assertThat(page.items()).extracting(StudentRow::gradeLevel).containsOnly(8);
    }

    @Test
    void answersIdsOutsideTheScopeAsNotFound() {
        UUID jianxi = county("410305");
        UserScope jianxiSchool = schoolAdmin(jianxi, school("JX-PS"));
        UUID otherSchool = school("LL-PS");
        UUID otherStudent = jdbc.sql("select id from organization.student where school_id = :s limit 1")
                .param("s", otherSchool)
                .query(UUID.class)
                .single();

        assertThatThrownBy(() -> queries.school(jianxiSchool, otherSchool)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.students(jianxiSchool, otherSchool, null, firstPage()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.student(jianxiSchool, otherStudent)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.student(jianxiSchool, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.student(countyAdmin(jianxi), otherStudent))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> organization.correctStudent(jianxiSchool, otherStudent, "改名", UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> organization.openClass(jianxiSchool, otherSchool, 3, "9班", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(queries.student(cityAdmin(), otherStudent).student().id()).isEqualTo(otherStudent);
    }

    @Test
    void buildsANewSchoolFromItsCountyAdminToItsStudentsAndCalendar() {
        UUID zone = county("410371");
        UserScope county = countyAdmin(zone);
        UUID school = organization.openSchool(
                county, zone, new SchoolDetails("GX-PG-01", "高新区数据库测试小学", Stage.PRIMARY, "洛阳市高新区"));
        assertThatThrownBy(() -> organization.openSchool(
                        county, zone, new SchoolDetails("GX-PG-01", "重名学校", Stage.PRIMARY, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("school.codeTaken");
        assertThatThrownBy(() -> organization.openSchool(
                        countyAdmin(county("410305")),
                        zone,
                        new SchoolDetails("GX-PG-02", "越权学校", Stage.PRIMARY, null)))
                .isInstanceOf(NotFoundException.class);

        UserScope admin = schoolAdmin(zone, school);
        UUID teacher = organization.addStaff(
                admin,
                school,
                new NewStaff("GX-PG-01-T01", "王老师", MobileNumber.of("137 0013 7001"), StaffPosition.TEACHER, "语文"));
        assertThatThrownBy(() -> organization.addStaff(
                        admin, school, new NewStaff("GX-PG-01-T01", "重号", null, StaffPosition.CARE, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("staff.numberTaken");
        UUID grade3 = organization.openClass(admin, school, 3, "1班", teacher);
        assertThatThrownBy(() -> organization.openClass(admin, school, 3, "1班", null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("class.nameTaken");
        assertThatThrownBy(() -> organization.openClass(admin, school, 8, "1班", null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("class.gradeNotInStage");
        assertThatThrownBy(() -> organization.openClass(county, school, 4, "1班", null))
                .isInstanceOf(NotFoundException.class);

        ChineseIdNumber idNumber = idNumber("410302", "20170315", "135");
        var created = organization.registerStudent(admin, school, new NewStudent("赵一鸣", idNumber, grade3));
        assertThat(created.change()).isEqualTo(Change.CREATED);
        UUID student = created.id();
        assertThat(organization.registerStudent(admin, school, new NewStudent("赵一鸣", idNumber, grade3)))
                .isEqualTo(new OrganizationManagement.Outcome(student, Change.UNCHANGED));
        assertThat(organization
                        .registerStudent(admin, school, new NewStudent("赵亦鸣", idNumber, grade3))
                        .change())
                .isEqualTo(Change.UPDATED);
        assertThatThrownBy(() -> organization.registerStudent(
                        schoolAdmin(county("410305"), school("JX-PS")),
                        school("JX-PS"),
                        new NewStudent("赵亦鸣", idNumber, firstClassOf("JX-PS"))))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("student.idNumberAtOtherSchool");

        var mother = organization.linkGuardian(
                admin, student, new NewGuardian("钱芳", MobileNumber.of("+86 13700137002"), Relation.MOTHER));
        assertThat(mother.change()).isEqualTo(Change.CREATED);
        assertThat(organization
                        .linkGuardian(
                                admin, student, new NewGuardian("钱芳", MobileNumber.of("13700137002"), Relation.MOTHER))
                        .change())
                .isEqualTo(Change.UNCHANGED);
        var grandfather = organization.linkGuardian(
                admin, student, new NewGuardian("赵建国", MobileNumber.of("13700137003"), Relation.GRANDFATHER));
        assertThat(grandfather.change()).isEqualTo(Change.CREATED);

        var details = queries.student(admin, student);
        assertThat(details.student().name()).isEqualTo("赵亦鸣");
        assertThat(details.student().idNumberMasked()).isEqualTo(idNumber.masked());
        assertThat(details.student().birthDate()).isEqualTo(LocalDate.of(2017, 3, 15));
        assertThat(details.student().sex()).isEqualTo(idNumber.sex());
        assertThat(details.guardians())
                .extracting(GuardianOfStudent::name, GuardianOfStudent::mobile, GuardianOfStudent::primaryContact)
                .containsExactly(tuple("钱芳", "13700137002", true), tuple("赵建国", "13700137003", false));
        assertThat(queries.student(county, student).guardians())
                .extracting(GuardianOfStudent::mobile)
                .containsExactly("137****7002", "137****7003");
        assertThat(queries.students(admin, school, null, new PageQuery(0, 10, "name", false, "亦鸣"))
                        .items())
                .extracting(StudentRow::id)
                .containsExactly(student);
        assertThat(organization.revealIdNumber(admin, student)).isEqualTo(idNumber.value());
        assertThat(audit.historyOf(student))
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(
                        "student.created",
                        "student.changed",
                        "student.guardianLinked",
                        "student.guardianLinked",
                        "student.idNumber.revealed");
        assertThat(audit.historyOf(student))
                .allSatisfy(
                        entry -> assertThat(String.valueOf(entry.afterState())).doesNotContain(idNumber.value()));

        var summary = queries.school(county, school);
        assertThat(summary.classes()).isEqualTo(1);
        assertThat(summary.students()).isEqualTo(1);
        assertThat(summary.staff()).isEqualTo(1);
        assertThat(queries.classes(admin, school))
                .singleElement()
                .satisfies(c -> assertThat(c.headTeacherName()).isEqualTo("王老师"));
        assertThat(queries.staff(county, school))
                .singleElement()
                .satisfies(s -> assertThat(s.mobile()).isEqualTo("137****7001"));
        assertThat(queries.guardians(admin, school, new PageQuery(0, 10, "name", false, "钱"))
                        .items())
                .singleElement()
                .satisfies(g -> assertThat(g.mobile()).isEqualTo("13700137002"));

        int year = TermDatesRule.schoolYearOf(LocalDate.now(clock));
        LocalDate start = weekday(LocalDate.of(year, 9, 1));
        UUID term = organization.planTerm(admin, school, year, TermKind.AUTUMN, start, LocalDate.of(year + 1, 1, 22));
        assertThatThrownBy(() -> organization.planTerm(
                        admin, school, year, TermKind.AUTUMN, start, LocalDate.of(year + 1, 1, 20)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("term.exists");
        LocalDate holiday = weekday(start.plusDays(14));
        LocalDate saturday = start.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        assertThat(termDirectory.calendarOn(school, holiday).orElseThrow().dayKind(holiday))
                .isEqualTo(DayKind.SCHOOL_DAY);
        organization.markDay(admin, term, holiday, DayKind.HOLIDAY, "校庆");
        organization.markDay(admin, term, saturday, DayKind.MAKE_UP_DAY, "补课");
        TermCalendar calendar = termDirectory.calendarOn(school, holiday).orElseThrow();
        assertThat(calendar.id()).isEqualTo(term);
        assertThat(calendar.dayKind(holiday))
                .as("a save of the term drops the calendar kept in memory (ADR 0020)")
                .isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind(saturday)).isEqualTo(DayKind.MAKE_UP_DAY);
        assertThat(termDirectory.calendarOn(school, start.minusDays(1))).isEmpty();
        assertThatThrownBy(() -> organization.markDay(admin, term, holiday, DayKind.MAKE_UP_DAY, null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("calendar.makeUpOnWeekday");
        assertThatThrownBy(() -> organization.markDay(county, term, holiday, DayKind.HOLIDAY, null))
                .isInstanceOf(NotFoundException.class);

        Term planned = queries.terms(admin, school).getFirst();
        assertThat(planned.id()).isEqualTo(term);
        assertThat(planned.dayKind(holiday)).isEqualTo(DayKind.HOLIDAY);
        assertThat(planned.dayKind(saturday)).isEqualTo(DayKind.MAKE_UP_DAY);
        assertThat(planned.dayKind(saturday.plusDays(1))).isEqualTo(DayKind.WEEKEND);
        assertThat(planned.days()).extracting(CalendarDay::note).containsExactlyInAnyOrder("校庆", "补课");
    }

    @Test
    void changesASchoolItsClassesAndStudents() {
        UUID zone = county("410371");
        UserScope county = countyAdmin(zone);
        UUID school = organization.openSchool(
                county, zone, new SchoolDetails("GX-PG-02", "高新区九年制测试学校", Stage.NINE_YEAR, null));
        UserScope admin = schoolAdmin(zone, school);
        UUID grade2 = organization.openClass(admin, school, 2, "1班", null);
        UUID grade8 = organization.openClass(admin, school, 8, "1班", null);
        UUID teacher = organization.addStaff(
                admin, school, new NewStaff("GX-PG-02-T01", "孙老师", null, StaffPosition.TEACHER, "数学"));
        UUID student = organization
                .registerStudent(admin, school, new NewStudent("周可馨", idNumber("410302", "20180601", "246"), grade2))
                .id();
        organization.linkGuardian(
                admin, student, new NewGuardian("周海", MobileNumber.of("13700137004"), Relation.FATHER));

        assertThatThrownBy(() -> organization.changeSchool(
                        county, school, new SchoolDetails("GX-PG-02", "高新区九年制测试学校", Stage.PRIMARY, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("school.stageHasClasses");
        organization.changeSchool(county, school, new SchoolDetails("GX-PG-02B", "高新区第二测试学校", Stage.NINE_YEAR, "科技园"));
        assertThat(queries.school(county, school))
                .satisfies(s -> assertThat(s.code()).isEqualTo("GX-PG-02B"))
                .satisfies(s -> assertThat(s.name()).isEqualTo("高新区第二测试学校"))
                .satisfies(s -> assertThat(s.address()).isEqualTo("科技园"));
        assertThatThrownBy(() -> organization.changeSchool(
                        county, school("LL-PS"), new SchoolDetails("X", "越权", Stage.PRIMARY, null)))
                .isInstanceOf(NotFoundException.class);

        organization.assignHeadTeacher(admin, grade8, teacher);
        assertThat(queries.schoolClass(admin, grade8).headTeacherName()).isEqualTo("孙老师");
        organization.assignHeadTeacher(admin, grade8, null);
        assertThat(queries.schoolClass(admin, grade8).headTeacherId()).isNull();

        organization.correctStudent(admin, student, "周可欣", grade8);
        assertThat(queries.student(admin, student).student())
                .satisfies(s -> assertThat(s.name()).isEqualTo("周可欣"))
                .satisfies(s -> assertThat(s.gradeLevel()).isEqualTo(8));
        assertThatThrownBy(() -> organization.correctStudent(admin, student, "周可欣", firstClassOf("LL-PS")))
                .isInstanceOf(NotFoundException.class);

        assertThat(queries.roster(admin, school, null)).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("周可欣");
            assertThat(line.guardianName()).isEqualTo("周海");
            assertThat(line.mobile()).isEqualTo("13700137004");
        });
        assertThat(queries.roster(county, school, grade8))
                .singleElement()
                .satisfies(line -> assertThat(line.mobile()).isEqualTo("137****7004"));
        assertThat(queries.roster(admin, school, grade2)).isEmpty();
    }

    @Test
    void importsARosterInBatchesAndImportingItAgainChangesNothing() {
        UUID zone = county("410371");
        UUID school = organization.openSchool(
                countyAdmin(zone), zone, new SchoolDetails("GX-PG-03", "高新区导入测试小学", Stage.PRIMARY, null));
        UserScope admin = schoolAdmin(zone, school);
        List<RosterRow> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int grade = 1 + i % 6;
            String sequence = "%03d".formatted(i);
            rows.add(new RosterRow(
                    i + 2,
                    grade,
                    (1 + i / 6 % 2) + "班",
                    "导入学生" + i,
                    idNumber("410303", "2016%02d%02d".formatted(1 + i % 12, 1 + i % 28), sequence),
                    "家长" + i / 2,
                    i % 2 == 0 ? Relation.MOTHER : Relation.FATHER,
                    MobileNumber.of("1350000%04d".formatted(i / 2))));
        }
        List<Integer> progress = new ArrayList<>();

        ImportResult first = organization.importRoster(admin, school, rows, progress::add);

        assertThat(first).isEqualTo(new ImportResult(600, 0, 0, List.of()));
        assertThat(progress).endsWith(600);
        assertThat(queries.classes(admin, school))
                .hasSize(12)
                .allSatisfy(c -> assertThat(c.students()).isEqualTo(50));
        assertThat(queries.students(admin, school, null, new PageQuery(0, 10, "name", false, "导入学生599"))
                        .items())
                .singleElement()
                .satisfies(st -> assertThat(st.gradeLevel()).isEqualTo(6));
        assertThat(jdbc.sql("""
                        select count(*) from organization.guardian g
                        where g.mobile like '1350000%' and 2 = (select count(*) from organization.student_guardian sg
                          where sg.guardian_id = g.id)""").query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql(
                                "select count(*) from platform.audit_event where school_id = :s and action = 'student.created'")
                        .param("s", school)
                        .query(Long.class)
                        .single())
                .isEqualTo(600);

        assertThat(organization.importRoster(admin, school, rows, n -> {}))
                .isEqualTo(new ImportResult(0, 0, 600, List.of()));

        List<RosterRow> broken = new ArrayList<>(rows);
        RosterRow last = rows.getLast();
        broken.add(new RosterRow(
                999,
                8,
                "1班",
                "初二学生",
                idNumber("410303", "20130101", "001"),
                last.guardianName(),
                last.relation(),
                last.mobile()));
        ImportResult refused = organization.importRoster(admin, school, broken, n -> {});
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(999);
            assertThat(error.messageKey()).isEqualTo("class.gradeNotInStage");
        });
        assertThat(queries.school(admin, school).students()).isEqualTo(600);
    }

    @Test
    void importsAnUploadedRosterInTheBackgroundAndExportsIt() throws Exception {
        UUID zone = county("410371");
        UUID school = organization.openSchool(
                countyAdmin(zone), zone, new SchoolDetails("GX-PG-04", "高新区上传测试小学", Stage.PRIMARY, null));
        UserScope admin = schoolAdmin(zone, school);
        String sister = idNumber("410303", "20190405", "022").value();
        byte[] file = RosterFiles.roster()
                .row("1", "3班", "吴小满", idNumber("410303", "20190404", "011").value(), "吴妈妈", "母亲", "13600009001")
                .row("1", "3班", "吴小雪", sister, "吴妈妈", "母亲", "13600009001")
                .row("1", "3班", "吴小雪", sister, "吴爸爸", "父亲", "13600009002")
                .bytes();

        ImportJob job = awaitDone(admin, roster.start(admin, "花名册.xlsx", file, Locale.SIMPLIFIED_CHINESE));

        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.fileName()).isEqualTo("花名册.xlsx");
        assertThat(job.created()).isEqualTo(2);
        assertThat(job.errors()).isEmpty();
        assertThat(queries.roster(admin, school, null))
                .extracting(RosterLine::name, RosterLine::guardianName)
                .containsExactlyInAnyOrder(tuple("吴小满", "吴妈妈"), tuple("吴小雪", "吴妈妈"));
        ImportJob again = awaitDone(admin, roster.start(admin, "花名册.xlsx", file, Locale.SIMPLIFIED_CHINESE));
        assertThat(again.status()).isEqualTo("DONE");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();

        ImportJob refused = awaitDone(
                admin,
                roster.start(
                        admin,
                        "bad.xlsx",
                        RosterFiles.roster()
                                .row(
                                        "9",
                                        "1班",
                                        "错年级",
                                        idNumber("410303", "20120101", "033").value(),
                                        "家长",
                                        "母亲",
                                        "13600009003")
                                .bytes(),
                        Locale.SIMPLIFIED_CHINESE));
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.errors()).extracting(RowError::messageKey).contains("class.gradeNotInStage");
        assertThatThrownBy(() -> roster.job(schoolAdmin(county("410305"), school("JX-PS")), job.id()))
                .isInstanceOf(NotFoundException.class);

        var exported = new ByteArrayOutputStream();
        roster.export(admin, null, Locale.SIMPLIFIED_CHINESE, exported);
        try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(exported.toByteArray()))) {
            assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(1 + 2);
        }
    }

    private ImportJob awaitDone(UserScope scope, UUID job) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> roster.job(scope, job), j -> !j.running());
    }

    @Test
    void showsAGuardianTheirOwnChildrenOnly() {
        UUID parent = jdbc.sql("select id from organization.guardian where mobile = '19900000001'")
                .query(UUID.class)
                .single();
        UserScope guardian = accounts.scopeOf(
                        accounts.findForLogin("19900000001").orElseThrow().id())
                .orElseThrow();
        assertThat(guardian.guardianId()).isEqualTo(parent);

        List<StudentRow> children = queries.children(guardian);
        assertThat(children).hasSize(2);
        assertThat(children).allSatisfy(child -> assertThat(child.name()).startsWith("李"));
        assertThat(children).extracting(StudentRow::schoolName).containsOnly("涧西区演示实验小学");
        var details = queries.student(guardian, children.getFirst().id());
        assertThat(details.guardians())
                .filteredOn(g -> g.guardianId().equals(parent))
                .singleElement()
                .satisfies(g -> assertThat(g.mobile()).isEqualTo("19900000001"));

        UUID stranger = jdbc.sql("select id from organization.student where school_id = :s limit 1")
                .param("s", school("LL-PS"))
                .query(UUID.class)
                .single();
        assertThatThrownBy(() -> queries.student(guardian, stranger)).isInstanceOf(NotFoundException.class);
        UserScope unknownParent = new UserScope(
                UUID.randomUUID(), "家长", Set.of(Role.GUARDIAN), null, null, null, UUID.randomUUID(), null);
        assertThat(queries.children(unknownParent)).isEmpty();
        assertThat(queries.children(cityAdmin())).isEmpty();
    }

    @Test
    void showsATeacherTheClassTheyLead() {
        UserScope teacher = accounts.scopeOf(
                        accounts.findForLogin("JX-PS-T01").orElseThrow().id())
                .orElseThrow();

        List<ClassSummary> taught = queries.classesTaughtBy(teacher);
        assertThat(taught)
                .singleElement()
                .satisfies(c -> assertThat(c.headTeacherId()).isEqualTo(teacher.staffId()));
        ClassSummary own = taught.getFirst();
        assertThat(queries.studentsOfClass(teacher, own.id(), firstPage()).total())
                .isEqualTo(own.students());
        UUID otherClass = firstClassOf("LL-PS");
        assertThatThrownBy(() -> queries.schoolClass(teacher, otherClass)).isInstanceOf(NotFoundException.class);
    }

    private static PageQuery firstPage() {
        return new PageQuery(0, 20, "name", false, "");
    }

    private static UserScope cityAdmin() {
        return new UserScope(UUID.randomUUID(), "市教育局", Set.of(Role.CITY_ADMIN), null, null, null, null, null);
    }

    private static UserScope countyAdmin(UUID county) {
        return new UserScope(UUID.randomUUID(), "区教育局", Set.of(Role.COUNTY_ADMIN), county, null, null, null, null);
    }

    private static UserScope schoolAdmin(UUID county, UUID school) {
        return new UserScope(UUID.randomUUID(), "学校管理员", Set.of(Role.SCHOOL_ADMIN), county, school, null, null, null);
    }

    private UUID county(String code) {
        return jdbc.sql("select id from organization.county where code = :code")
                .param("code", code)
                .query(UUID.class)
                .single();
    }

    private UUID school(String code) {
        return jdbc.sql("select id from organization.school where code = :code")
                .param("code", code)
                .query(UUID.class)
                .single();
    }

    private UUID firstClassOf(String schoolCode) {
        return jdbc.sql("""
                        select c.id from organization.school_class c join organization.school s on s.id = c.school_id
                        where s.code = :code order by c.grade_level, c.name limit 1""").param("code", schoolCode).query(UUID.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static ChineseIdNumber idNumber(String area, String birthDate, String sequence) {
        String first17 = area + birthDate + sequence;
        return ChineseIdNumber.of(first17 + ChineseIdNumber.checkCharacter(first17));
    }

    private static LocalDate weekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
