package org.kehou.organization;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.Ids;
import org.kehou.platform.PersonalDataProtector;
import org.kehou.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo city of Luoyang on the first start of an empty database: its 15 county-level units, two of
 * them with three schools each, about 1,000 synthetic students with guardians, teachers, the current school year
 * and one demo account per role. Everything it makes is marked as demo data.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "kehou.demo.enabled", havingValue = "true")
class DemoCity implements ApplicationRunner {

    static final String PASSWORD = "Kehou@2026";
    static final String DEMO_GUARDIAN_MOBILE = "19900000001";
    /** The codes of the demo city's six populated schools, which the other modules' demo data fill in. */
    static final Set<String> SCHOOL_CODES = Set.of("JX-PS", "JX-JM", "JX-NY", "LL-PS", "LL-JM", "LL-NY");

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    /** Code, name, English name, kind. */
    static final List<String[]> COUNTIES = List.of(
            new String[] {"410302", "老城区", "Laocheng District", "DISTRICT"},
            new String[] {"410303", "西工区", "Xigong District", "DISTRICT"},
            new String[] {"410304", "瀍河回族区", "Chanhe Hui District", "DISTRICT"},
            new String[] {"410305", "涧西区", "Jianxi District", "DISTRICT"},
            new String[] {"410307", "偃师区", "Yanshi District", "DISTRICT"},
            new String[] {"410308", "孟津区", "Mengjin District", "DISTRICT"},
            new String[] {"410311", "洛龙区", "Luolong District", "DISTRICT"},
            new String[] {"410323", "新安县", "Xin'an County", "COUNTY"},
            new String[] {"410324", "栾川县", "Luanchuan County", "COUNTY"},
            new String[] {"410325", "嵩县", "Song County", "COUNTY"},
            new String[] {"410326", "汝阳县", "Ruyang County", "COUNTY"},
            new String[] {"410327", "宜阳县", "Yiyang County", "COUNTY"},
            new String[] {"410328", "洛宁县", "Luoning County", "COUNTY"},
            new String[] {"410329", "伊川县", "Yichuan County", "COUNTY"},
            new String[] {"410371", "高新区", "High-tech Zone", "ZONE"});

    private final JdbcClient jdbc;
    private final SchoolRepository schools;
    private final SchoolClassRepository classes;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffRepository staff;
    private final TermRepository terms;
    private final AccountManagement accounts;
    private final PersonalDataProtector protector;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoCity(
            JdbcClient jdbc,
            SchoolRepository schools,
            SchoolClassRepository classes,
            StudentRepository students,
            GuardianRepository guardians,
            StaffRepository staff,
            TermRepository terms,
            AccountManagement accounts,
            PersonalDataProtector protector,
            AuditTrail audit,
            Clock clock,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.terms = terms;
        this.accounts = accounts;
        this.protector = protector;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        long cities = jdbc.sql("select count(*) from organization.city")
                .query(Long.class)
                .single();
        if (cities == 0) {
            tx.executeWithoutResult(status -> create());
        }
        log.info("""

                ===== Kehou demo city (演示数据) — sign in at /login, password {} =====
                  市教育局 city admin ........ LY-CITY-001
                  督导 inspector .............. LY-INSP-001
                  涧西区 county admin ......... LY-JX-ADMIN
                  学校管理员 school admin ...... JX-PS-ADMIN
                  教师 teacher ................ JX-PS-T01
                  社会人员 instructor ......... LY-INS-001
                  培训机构 institution admin .. LY-ORG-001
                  家长 guardian ............... 19900000001
                =====================================================================""", PASSWORD);
    }

    private void create() {
        LocalDateTime now = LocalDateTime.now(clock);
        UUID cityId = Ids.next();
        jdbc.sql(
                        "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '410300', '洛阳市', 'Luoyang')")
                .param("id", cityId)
                .update();
        Map<String, UUID> countyIds = new java.util.HashMap<>();
        int order = 0;
        for (String[] c : COUNTIES) {
            UUID id = Ids.next();
            countyIds.put(c[0], id);
            jdbc.sql("""
                            insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order)
                            values (:id, 0, :city, :code, :name, :en, :kind, :order)""")
                    .param("id", id)
                    .param("city", cityId)
                    .param("code", c[0])
                    .param("name", c[1])
                    .param("en", c[2])
                    .param("kind", c[3])
                    .param("order", order++)
                    .update();
        }
        int schoolYear = TermDatesRule.schoolYearOf(LocalDate.now(clock));
        SyntheticPeople people = new SyntheticPeople(20260901L, 100);
        UUID jianxi = countyIds.get("410305");
        UUID luolong = countyIds.get("410311");
        List<SchoolPlan> plans = List.of(
                new SchoolPlan(jianxi, "410305", "JX-PS", "涧西区演示实验小学", Stage.PRIMARY, 1, 28),
                new SchoolPlan(jianxi, "410305", "JX-JM", "涧西区演示初级中学", Stage.JUNIOR_MIDDLE, 2, 28),
                new SchoolPlan(jianxi, "410305", "JX-NY", "涧西区演示九年一贯制学校", Stage.NINE_YEAR, 1, 19),
                new SchoolPlan(luolong, "410311", "LL-PS", "洛龙区演示小学", Stage.PRIMARY, 1, 28),
                new SchoolPlan(luolong, "410311", "LL-JM", "洛龙区演示初级中学", Stage.JUNIOR_MIDDLE, 2, 28),
                new SchoolPlan(luolong, "410311", "LL-NY", "洛龙区演示九年一贯制学校", Stage.NINE_YEAR, 1, 19));
        List<Created> created = new ArrayList<>();
        for (SchoolPlan plan : plans) {
            created.add(populate(plan, schoolYear, people, now));
        }
        Created demoSchool = created.get(0);
        accounts.openAccount(account("洛阳市教育局基教科", "LY-CITY-001", EnumSet.of(Role.CITY_ADMIN), null, null, null, null));
        accounts.openAccount(account("市督导员", "LY-INSP-001", EnumSet.of(Role.INSPECTOR), null, null, null, null));
        accounts.openAccount(account("涧西区教育局", "LY-JX-ADMIN", EnumSet.of(Role.COUNTY_ADMIN), jianxi, null, null, null));
        accounts.openAccount(
                account("洛龙区教育局", "LY-LL-ADMIN", EnumSet.of(Role.COUNTY_ADMIN), luolong, null, null, null));
        accounts.openAccount(account(
                demoSchool.adminName,
                "JX-PS-ADMIN",
                EnumSet.of(Role.SCHOOL_ADMIN),
                jianxi,
                demoSchool.schoolId,
                demoSchool.adminStaffId,
                null));
        accounts.openAccount(account(
                demoSchool.teacherName,
                "JX-PS-T01",
                EnumSet.of(Role.TEACHER),
                jianxi,
                demoSchool.schoolId,
                demoSchool.teacherStaffId,
                null));
        Created otherCounty = created.get(3);
        accounts.openAccount(account(
                otherCounty.adminName,
                "LL-PS-ADMIN",
                EnumSet.of(Role.SCHOOL_ADMIN),
                luolong,
                otherCounty.schoolId,
                otherCounty.adminStaffId,
                null));
        accounts.openAccount(account("王建国", "LY-INS-001", EnumSet.of(Role.INSTRUCTOR), jianxi, null, null, null));
        accounts.openAccount(
                account("洛阳启航培训学校", "LY-ORG-001", EnumSet.of(Role.INSTITUTION_ADMIN), jianxi, null, null, null));
        Guardian parent = guardians.findByMobile(DEMO_GUARDIAN_MOBILE).orElseThrow();
        accounts.openAccount(new NewAccount(
                parent.name(),
                parent.mobile(),
                null,
                PASSWORD,
                EnumSet.of(Role.GUARDIAN),
                null,
                null,
                null,
                parent.id(),
                null,
                true));
        audit.record(new AuditTrail.AuditEntry(
                "demo.created", "city", cityId, null, null, null, Map.of("students", countStudents())));
        log.info("Demo city of Luoyang created: {} students in {} schools", countStudents(), plans.size());
    }

    private long countStudents() {
        return jdbc.sql("select count(*) from organization.student")
                .query(Long.class)
                .single();
    }

    private static NewAccount account(
            String name, String staffNo, EnumSet<Role> roles, UUID county, UUID school, UUID staffId, UUID guardian) {
        return new NewAccount(name, null, staffNo, PASSWORD, roles, county, school, staffId, guardian, null, true);
    }

    private Created populate(SchoolPlan plan, int schoolYear, SyntheticPeople people, LocalDateTime now) {
        School school = School.open(
                Ids.next(),
                plan.countyId,
                plan.code,
                plan.name,
                plan.stage,
                "洛阳市" + plan.name.substring(0, 3),
                true,
                now);
        schools.save(school);
        Staff admin = staff.save(new Staff(
                Ids.next(),
                null,
                plan.countyId,
                school.id(),
                plan.code + "-ADMIN",
                people.name(people.familyName()),
                people.mobile(),
                StaffPosition.ADMINISTRATOR,
                null,
                true));
        List<Staff> teachers = new ArrayList<>();
        int classCount = plan.stage.grades().size() * plan.classesPerGrade;
        for (int i = 1; i <= classCount + 2; i++) {
            teachers.add(staff.save(new Staff(
                    Ids.next(),
                    null,
                    plan.countyId,
                    school.id(),
                    plan.code + "-T%02d".formatted(i),
                    people.name(people.familyName()),
                    people.mobile(),
                    StaffPosition.TEACHER,
                    i % 2 == 0 ? "数学" : "语文",
                    true)));
        }
        int teacherIndex = 0;
        boolean firstFamily = true;
        for (int grade : plan.stage.grades()) {
            for (int n = 1; n <= plan.classesPerGrade; n++) {
                SchoolClass schoolClass = classes.save(new SchoolClass(
                        Ids.next(),
                        null,
                        plan.countyId,
                        school.id(),
                        grade,
                        n + "班",
                        schoolYear - grade + 1,
                        teachers.get(teacherIndex++).id()));
                for (int s = 0; s < plan.studentsPerClass; s++) {
                    boolean demoFamily = firstFamily && plan.code.equals("JX-PS");
                    String family = demoFamily ? "李" : people.familyName();
                    Guardian parent = guardians.save(new Guardian(
                            Ids.next(),
                            null,
                            people.name(family),
                            demoFamily ? DEMO_GUARDIAN_MOBILE : people.mobile(),
                            null,
                            null,
                            true,
                            now));
                    Student student = student(plan, school, schoolClass, people, family, schoolYear, grade, now);
                    student.link(parent.id(), demoFamily || people.coin() ? Relation.MOTHER : Relation.FATHER, true);
                    if (people.nextInt(3) == 0) {
                        Guardian second = guardians.save(new Guardian(
                                Ids.next(),
                                null,
                                people.name(people.familyName()),
                                people.mobile(),
                                null,
                                null,
                                true,
                                now));
                        student.link(second.id(), people.coin() ? Relation.GRANDMOTHER : Relation.GRANDFATHER, false);
                    }
                    students.save(student);
                    if (demoFamily) {
                        // the demo guardian's twins are in the same class
                        firstFamily = false;
                        Student sibling = twinOf(student, plan, school, schoolClass, people, family, now);
                        sibling.link(parent.id(), Relation.MOTHER, true);
                        students.save(sibling);
                    }
                }
            }
        }
        LocalDate autumnStart = firstWeekday(LocalDate.of(schoolYear, 9, 1));
        Term autumn = Term.plan(
                Ids.next(),
                plan.countyId,
                school.id(),
                schoolYear,
                TermKind.AUTUMN,
                autumnStart,
                LocalDate.of(schoolYear + 1, 1, 22));
        for (int d = 1; d <= 7; d++) {
            LocalDate day = LocalDate.of(schoolYear, 10, d);
            if (day.getDayOfWeek().getValue() <= 5) {
                autumn.mark(day, DayKind.HOLIDAY, "国庆节 National Day");
            }
        }
        LocalDate makeUp = LocalDate.of(schoolYear, 10, 8);
        while (makeUp.getDayOfWeek() != DayOfWeek.SATURDAY) {
            makeUp = makeUp.plusDays(1);
        }
        autumn.mark(makeUp, DayKind.MAKE_UP_DAY, "国庆调休 make-up day");
        terms.save(autumn);
        terms.save(Term.plan(
                Ids.next(),
                plan.countyId,
                school.id(),
                schoolYear,
                TermKind.SPRING,
                firstWeekday(LocalDate.of(schoolYear + 1, 2, 23)),
                LocalDate.of(schoolYear + 1, 7, 9)));
        return new Created(
                school.id(),
                admin.id(),
                admin.name(),
                teachers.get(0).id(),
                teachers.get(0).name());
    }

    private Student student(
            SchoolPlan plan,
            School school,
            SchoolClass schoolClass,
            SyntheticPeople people,
            String family,
            int schoolYear,
            int grade,
            LocalDateTime now) {
        boolean male = people.coin();
        return born(plan, school, schoolClass, people, family, people.birthDate(schoolYear, grade), male, now);
    }

    private Student born(
            SchoolPlan plan,
            School school,
            SchoolClass schoolClass,
            SyntheticPeople people,
            String family,
            LocalDate birthDate,
            boolean male,
            LocalDateTime now) {
        ChineseIdNumber id = people.idNumber(plan.areaCode, birthDate, male);
        return new Student(
                Ids.next(),
                null,
                plan.countyId,
                school.id(),
                schoolClass.id(),
                people.name(family),
                protector.encrypt(id.value()),
                protector.hash(id.value()),
                id.masked(),
                id.sex(),
                id.birthDate(),
                true,
                now);
    }

    private Student twinOf(
            Student twin,
            SchoolPlan plan,
            School school,
            SchoolClass schoolClass,
            SyntheticPeople people,
            String family,
            LocalDateTime now) {
        return born(plan, school, schoolClass, people, family, twin.birthDate(), people.coin(), now);
    }

    private static LocalDate firstWeekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(1);
        }
        return d;
    }

    private record SchoolPlan(
            UUID countyId,
            String areaCode,
            String code,
            String name,
            Stage stage,
            int classesPerGrade,
            int studentsPerClass) {}

    private record Created(
            UUID schoolId, UUID adminStaffId, String adminName, UUID teacherStaffId, String teacherName) {}
}
