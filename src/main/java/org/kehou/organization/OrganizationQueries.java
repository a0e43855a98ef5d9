package org.kehou.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.Ids;
import org.kehou.platform.Masking;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.Sex;
import org.kehou.platform.SqlRead;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of the base data, each filtered by the caller's scope in SQL. Sort keys come from allow-lists;
 * search text is always a bound parameter.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationQueries {

    static final Map<String, String> SCHOOL_SORT = Map.of("name", "s.name", "code", "s.code", "students", "students");
    static final Map<String, String> STUDENT_SORT =
            Map.of("name", "st.name", "class", "c.grade_level, c.name", "birthDate", "st.birth_date");
    static final Map<String, String> GUARDIAN_SORT = Map.of("name", "g.name", "student", "st.name");

    private final JdbcClient jdbc;
    private final TermRepository terms;

    OrganizationQueries(JdbcClient jdbc, TermRepository terms) {
        this.jdbc = jdbc;
        this.terms = terms;
    }

    /**
     * The demo city's populated schools, for the demo data of the other modules (run at start-up, with no user):
     * those of its two populated counties that the demo city created, by code.
     */
    public List<SchoolSummary> demoSchools() {
        UserScope city = new UserScope(Ids.next(), "demo", EnumSet.of(Role.CITY_ADMIN), null, null, null, null, null);
        return counties(city).stream()
                .flatMap(
                        county -> schools(city, county.id(), new PageQuery(0, 100, "code", false, "")).items().stream())
                .filter(s -> DemoCity.SCHOOL_CODES.contains(s.code()))
                .toList();
    }

    /** The counties of the city with real counts; city-wide roles only. */
    public List<CountySummary> counties(UserScope scope) {
        if (!scope.isCityWide()) {
            throw new NotFoundException("city");
        }
        return jdbc.sql(countySql("")).query(RecordRows.of(CountySummary.class)).list();
    }

    public CountySummary county(UserScope scope, UUID countyId) {
        if (!scope.canReadCounty(countyId)) {
            throw new NotFoundException("county");
        }
        return jdbc.sql(countySql("where co.id = :county"))
                .param("county", countyId)
                .query(RecordRows.of(CountySummary.class))
                .optional()
                .orElseThrow(() -> new NotFoundException("county"));
    }

    private static String countySql(String where) {
        return """
                select co.id, co.code, co.name, co.name_en, co.kind,
                  (select count(*) from organization.school s where s.county_id = co.id) as schools,
                  (select count(*) from organization.school_class c where c.county_id = co.id) as classes,
                  (select count(*) from organization.student st where st.county_id = co.id) as students,
                  (select count(*) from organization.staff sf where sf.county_id = co.id) as staff
                from organization.county co %s
                order by co.sort_order""".formatted(where);
    }

    public Page<SchoolSummary> schools(UserScope scope, UUID countyId, PageQuery query) {
        if (!scope.canReadCounty(countyId)) {
            throw new NotFoundException("county");
        }
        String filter = " where s.county_id = :county and (s.name like :q escape '\\' or s.code like :q escape '\\')";
        long total = jdbc.sql("select count(*) from organization.school s" + filter)
                .param("county", countyId)
                .param("q", query.likePattern())
                .query(Long.class)
                .single();
        List<SchoolSummary> items = jdbc.sql(schoolSql(filter) + " order by " + query.orderBy(SCHOOL_SORT, "name")
                        + ", s.id limit :limit offset :offset")
                .param("county", countyId)
                .param("q", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(RecordRows.of(SchoolSummary.class))
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** A school the caller may read as a whole (its county or city, or its own school admin). */
    public SchoolSummary school(UserScope scope, UUID schoolId) {
        return jdbc.sql(schoolSql(" where s.id = :school"))
                .param("school", schoolId)
                .query(RecordRows.of(SchoolSummary.class))
                .optional()
                .filter(s -> scope.canReadSchool(s.countyId(), s.id()))
                .orElseThrow(() -> new NotFoundException("school"));
    }

    /** A school's name and grades as anyone may see them, for public pages; an unknown id is not found. */
    public PublicSchool publicSchool(UUID schoolId) {
        return jdbc.sql("select id, name, stage from organization.school where id = :school")
                .param("school", schoolId)
                .query(RecordRows.of(PublicSchool.class))
                .optional()
                .orElseThrow(() -> new NotFoundException("school"));
    }

    private static String schoolSql(String where) {
        return """
                select s.id, s.county_id, s.code, s.name, s.stage, s.address, s.demo,
                  (select count(*) from organization.school_class c where c.school_id = s.id) as classes,
                  (select count(*) from organization.student st where st.school_id = s.id) as students,
                  (select count(*) from organization.staff sf where sf.school_id = s.id) as staff
                from organization.school s""" + where;
    }

    public List<ClassSummary> classes(UserScope scope, UUID schoolId) {
        SchoolSummary school = school(scope, schoolId);
        return jdbc.sql(classSql() + " where c.school_id = :school order by c.grade_level, c.name")
                .param("school", school.id())
                .query(RecordRows.of(ClassSummary.class))
                .list();
    }

    /** A class the caller may read: its school's admin and readers, or its head teacher. */
    public ClassSummary schoolClass(UserScope scope, UUID classId) {
        ClassSummary c = jdbc.sql(classSql() + " where c.id = :id")
                .param("id", classId)
                .query(RecordRows.of(ClassSummary.class))
                .optional()
                .orElseThrow(() -> new NotFoundException("class"));
        boolean teaches = scope.has(Role.TEACHER)
                && scope.staffId() != null
                && scope.staffId().equals(c.headTeacherId());
        if (!teaches && !scope.canReadSchool(c.countyId(), c.schoolId())) {
            throw new NotFoundException("class");
        }
        return c;
    }

    /** The classes a teacher serves (as head teacher). */
    public List<ClassSummary> classesTaughtBy(UserScope scope) {
        if (!scope.has(Role.TEACHER) || scope.staffId() == null) {
            return List.of();
        }
        return jdbc.sql(classSql() + " where c.head_teacher_id = :staff order by c.grade_level, c.name")
                .param("staff", scope.staffId())
                .query(RecordRows.of(ClassSummary.class))
                .list();
    }

    private static String classSql() {
        return """
                select c.id, c.county_id, c.school_id, c.grade_level, c.name, c.head_teacher_id,
                  t.name as head_teacher_name,
                  (select count(*) from organization.student st where st.class_id = c.id) as students
                from organization.school_class c
                left join organization.staff t on t.id = c.head_teacher_id""";
    }

    /** Students of a school, optionally of one class, with search, sort and paging. */
    public Page<StudentRow> students(UserScope scope, UUID schoolId, @Nullable UUID classId, PageQuery query) {
        SchoolSummary school = school(scope, schoolId);
        return studentPage(school.id(), classId, query);
    }

    /** Students of a class the caller may read (head teacher included). */
    public Page<StudentRow> studentsOfClass(UserScope scope, UUID classId, PageQuery query) {
        ClassSummary c = schoolClass(scope, classId);
        return studentPage(c.schoolId(), c.id(), query);
    }

    private Page<StudentRow> studentPage(UUID schoolId, @Nullable UUID classId, PageQuery query) {
        String filter =
                " where st.school_id = :school and (cast(:class as uuid) is null or st.class_id = cast(:class as uuid))"
                        + " and st.name like :q escape '\\'";
        long total = jdbc.sql("select count(*) from organization.student st" + filter)
                .param("school", schoolId)
                .param("class", classId)
                .param("q", query.likePattern())
                .query(Long.class)
                .single();
        List<StudentRow> items = jdbc.sql(studentSql() + filter + " order by " + query.orderBy(STUDENT_SORT, "name")
                        + ", st.id limit :limit offset :offset")
                .param("school", schoolId)
                .param("class", classId)
                .param("q", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(STUDENT_ROW)
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** Pupils by the columns' names: a county's registration counts read hundreds per school (ENROL-2). */
    private static final RowMapper<PupilContact> PUPIL_CONTACT = RecordRows.of(PupilContact.class);

    /** Student rows by the columns' names, without the driver's exceptions of Spring's mapping (OPS-1). */
    private static final RowMapper<StudentRow> STUDENT_ROW = RecordRows.of(StudentRow.class);

    private static String studentSql() {
        return """
                select st.id, st.county_id, st.school_id, st.class_id, st.name, st.sex, st.birth_date,
                  st.id_number_masked, st.demo, c.grade_level, c.name as class_name, s.name as school_name
                from organization.student st
                join organization.school_class c on c.id = st.class_id
                join organization.school s on s.id = st.school_id""";
    }

    /**
     * One student with their guardians, for a reader of their school, their head teacher, or one of their own
     * guardians. Guardians' mobile numbers are masked unless the caller manages the school or is that guardian.
     */
    public StudentDetails student(UserScope scope, UUID studentId) {
        StudentRow row = jdbc.sql(studentSql() + " where st.id = :id")
                .param("id", studentId)
                .query(STUDENT_ROW)
                .optional()
                .orElseThrow(() -> new NotFoundException("student"));
        List<GuardianOfStudent> links = guardiansOf(studentId);
        boolean ownChild = scope.guardianId() != null
                && links.stream().anyMatch(g -> g.guardianId().equals(scope.guardianId()));
        boolean teaches = scope.has(Role.TEACHER)
                && scope.staffId() != null
                && jdbc.sql("select count(*) from organization.school_class where id = :c and head_teacher_id = :t")
                                .param("c", row.classId())
                                .param("t", scope.staffId())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!ownChild && !teaches && !scope.canReadSchool(row.countyId(), row.schoolId())) {
            throw new NotFoundException("student");
        }
        boolean fullMobile = scope.canManageSchool(row.schoolId());
        List<GuardianOfStudent> shown = links.stream()
                .map(g -> fullMobile || g.guardianId().equals(scope.guardianId()) ? g : g.masked())
                .toList();
        return new StudentDetails(row, shown);
    }

    private List<GuardianOfStudent> guardiansOf(UUID studentId) {
        return jdbc.sql("""
                        select g.id as guardian_id, g.name, g.mobile, sg.relation, sg.primary_contact
                        from organization.student_guardian sg join organization.guardian g on g.id = sg.guardian_id
                        where sg.student_id = :id order by sg.primary_contact desc, g.name""")
                .param("id", studentId)
                .query(RecordRows.of(GuardianOfStudent.class))
                .list();
    }

    /** The guardians of a school's students, one row per link, mobile numbers masked for readers. */
    public Page<GuardianRow> guardians(UserScope scope, UUID schoolId, PageQuery query) {
        SchoolSummary school = school(scope, schoolId);
        String filter = """
                 from organization.student_guardian sg
                 join organization.guardian g on g.id = sg.guardian_id
                 join organization.student st on st.id = sg.student_id
                 where st.school_id = :school and (g.name like :q escape '\\' or st.name like :q escape '\\')""";
        long total = jdbc.sql("select count(*)" + filter)
                .param("school", school.id())
                .param("q", query.likePattern())
                .query(Long.class)
                .single();
        boolean full = scope.canManageSchool(school.id());
        List<GuardianRow> items = jdbc
                .sql("select g.id, g.name, g.mobile, sg.relation, st.id as student_id, st.name as student_name "
                        + filter
                        + " order by " + query.orderBy(GUARDIAN_SORT, "name")
                        + ", g.id, st.id limit :limit offset :offset")
                .param("school", school.id())
                .param("q", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(RecordRows.of(GuardianRow.class))
                .list()
                .stream()
                .map(g -> full ? g : g.masked())
                .toList();
        return new Page<>(items, query.page(), query.size(), total);
    }

    public List<StaffRow> staff(UserScope scope, UUID schoolId) {
        SchoolSummary school = school(scope, schoolId);
        boolean full = scope.canManageSchool(school.id());
        return jdbc
                .sql(
                        "select id, staff_no, name, mobile, position, subject from organization.staff where school_id = :school order by name")
                .param("school", school.id())
                .query(RecordRows.of(StaffRow.class))
                .list()
                .stream()
                .map(s -> full ? s : s.masked())
                .toList();
    }

    /**
     * The names of a school's staff by id, and nothing else of them, as a published timetable names its instructors
     * to anyone; an unknown school has none.
     */
    public Map<UUID, String> staffNames(UUID schoolId) {
        Map<UUID, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from organization.staff where school_id = :school")
                .param("school", schoolId)
                .query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return Map.copyOf(names);
    }

    /** The terms of a school with their calendars, latest first. */
    public List<Term> terms(UserScope scope, UUID schoolId) {
        SchoolSummary school = school(scope, schoolId);
        return terms.findAll().stream()
                .filter(t -> t.schoolId().equals(school.id()))
                .sorted((a, b) -> b.startsOn().compareTo(a.startsOn()))
                .toList();
    }

    /**
     * The terms of the caller's own school, latest first, for anyone who works there (its admin and its teachers,
     * who see their own timetable); empty for a caller of no school.
     */
    public List<Term> termsOfOwnSchool(UserScope scope) {
        UUID schoolId = scope.schoolId();
        if (schoolId == null) {
            return List.of();
        }
        return terms.findBySchoolId(schoolId).stream()
                .sorted((a, b) -> b.startsOn().compareTo(a.startsOn()))
                .toList();
    }

    /**
     * The terms of a student's school with their calendars, latest first, for whoever may see the student: their
     * own guardians, their head teacher and the readers of their school.
     */
    public List<Term> termsOfStudent(UserScope scope, UUID studentId) {
        UUID schoolId = student(scope, studentId).student().schoolId();
        return terms.findBySchoolId(schoolId).stream()
                .sorted((a, b) -> b.startsOn().compareTo(a.startsOn()))
                .toList();
    }

    /** A guardian's own children; nobody else's. */
    public List<StudentRow> children(UserScope scope) {
        if (scope.guardianId() == null) {
            return List.of();
        }
        return jdbc.sql(
                        studentSql()
                                + " join organization.student_guardian sg on sg.student_id = st.id where sg.guardian_id = :g order by st.name")
                .param("g", scope.guardianId())
                .query(STUDENT_ROW)
                .list();
    }

    /**
     * The students among these ids who belong to the school, for its staff (its admin, its teachers) and its
     * readers: the children registered for a session the caller serves (OPS-1). Ids of other schools are left out.
     */
    public List<StudentRow> studentsAmong(UserScope scope, UUID schoolId, java.util.Collection<UUID> ids) {
        // the school's name read once, not joined per child (OPS-1, a county's afternoon roll call)
        return among(scope, schoolId, ids, """
                select st.id, st.county_id, st.school_id, st.class_id, st.name, st.sex, st.birth_date,
                  st.id_number_masked, st.demo, c.grade_level, c.name as class_name,
                  (select s.name from organization.school s where s.id = :school) as school_name""", STUDENT_ROW);
    }

    /**
     * The children among these ids who belong to the school, with only what a session's sheet shows of them (name,
     * class, grade), for its staff and its readers (OPS-1): one narrow read of the children registered for a session,
     * in the same order as {@link #studentsAmong}. Ids of other schools are left out.
     */
    public List<Pupil> pupilsAmong(UserScope scope, UUID schoolId, java.util.Collection<UUID> ids) {
        return among(scope, schoolId, ids, PUPIL_COLUMNS, PUPIL);
    }

    /**
     * The read of {@link #pupilsAmong(UserScope, UUID, java.util.Collection)} with the ids as a subquery, the read of
     * one column another module owns, for the caller to send with its own statements in one round trip (ADR 0025).
     */
    public SqlRead<Pupil> pupilsAmong(UserScope scope, UUID schoolId, SqlRead<UUID> ids) {
        inReach(scope, schoolId);
        List<Object> params = new ArrayList<>();
        params.add(schoolId);
        params.addAll(ids.params());
        return new SqlRead<>(
                PUPIL_COLUMNS + FROM_PUPILS + " where st.school_id = ? and st.id in (" + ids.sql() + ")" + PUPIL_ORDER,
                params,
                PUPIL);
    }

    private static final String PUPIL_COLUMNS =
            "select st.id, st.name, st.class_id, c.name as class_name, c.grade_level";
    private static final String FROM_PUPILS =
            " from organization.student st join organization.school_class c on c.id = st.class_id";
    private static final String PUPIL_ORDER = " order by c.grade_level, c.name, st.name, st.id";

    private static final RowMapper<Pupil> PUPIL = (rs, row) -> new Pupil(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5));

    /**
     * The school's students among these ids, as the select names them, by grade, class and name; the school must be
     * the caller's, as its staff, or within the caller's reach.
     */
    private <T> List<T> among(
            UserScope scope, UUID schoolId, java.util.Collection<UUID> ids, String select, RowMapper<T> rows) {
        inReach(scope, schoolId);
        if (ids.isEmpty()) {
            return List.of();
        }
        // one array parameter, not a list expanded to one placeholder per id: the same statement text whatever the
        // number of children, so that the driver prepares it once per connection (docs/benchmarks.md)
        return jdbc.sql(select + FROM_PUPILS + " where st.school_id = :school and st.id = any(:ids)" + PUPIL_ORDER)
                .param("school", schoolId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(rows)
                .list();
    }

    /** The school must be the caller's, as its staff, or within the caller's reach; no query for its staff. */
    private void inReach(UserScope scope, UUID schoolId) {
        boolean staff = schoolId.equals(scope.schoolId()) && (scope.has(Role.TEACHER) || scope.has(Role.SCHOOL_ADMIN));
        if (!staff) {
            school(scope, schoolId);
        }
    }

    /** Every student of a school or class with guardians, for the roster export. */
    public List<RosterLine> roster(UserScope scope, UUID schoolId, @Nullable UUID classId) {
        SchoolSummary school = school(scope, schoolId);
        boolean full = scope.canManageSchool(school.id());
        return jdbc
                .sql("""
                        select c.grade_level, c.name as class_name, st.name, st.sex, st.birth_date, st.id_number_masked,
                          g.name as guardian_name, sg.relation, g.mobile
                        from organization.student st
                        join organization.school_class c on c.id = st.class_id
                        left join organization.student_guardian sg on sg.student_id = st.id and sg.primary_contact
                        left join organization.guardian g on g.id = sg.guardian_id
                        where st.school_id = :school and (cast(:class as uuid) is null or st.class_id = cast(:class as uuid))
                        order by c.grade_level, c.name, st.name, st.id""")
                .param("school", school.id())
                .param("class", classId)
                .query(RecordRows.of(RosterLine.class))
                .list()
                .stream()
                .map(r -> full ? r : r.masked())
                .toList();
    }

    /**
     * Students of a school by id, with their class and primary guardian, for the rosters and counts of the school's
     * offerings (ENROL-2); ids of other schools are left out. The guardian's mobile number is masked unless the
     * caller manages the school.
     */
    public List<PupilContact> pupils(UserScope scope, UUID schoolId, java.util.Collection<UUID> studentIds) {
        SchoolSummary school = school(scope, schoolId);
        if (studentIds.isEmpty()) {
            return List.of();
        }
        boolean full = scope.canManageSchool(school.id());
        return jdbc
                .sql("""
                        select st.id, c.grade_level, c.name as class_name, st.name, g.name as guardian_name,
                          g.mobile as guardian_mobile
                        from organization.student st
                        join organization.school_class c on c.id = st.class_id
                        left join organization.student_guardian sg on sg.student_id = st.id and sg.primary_contact
                        left join organization.guardian g on g.id = sg.guardian_id
                        where st.school_id = :school and st.id = any(:ids)
                        order by c.grade_level, c.name, st.name, st.id""")
                .param("school", school.id())
                .param("ids", new java.util.LinkedHashSet<>(studentIds).toArray(UUID[]::new))
                .query(PUPIL_CONTACT)
                .list()
                .stream()
                .map(p -> full ? p : p.masked())
                .toList();
    }

    /**
     * The guardians of the students in these classes of a school, one row per guardian and child, for the school's
     * own admin: whom an invitation to register reaches (ENROL-1). Classes of other schools are left out.
     */
    public List<GuardianOfPupil> guardiansOfClasses(
            UserScope scope, UUID schoolId, java.util.Collection<UUID> classIds) {
        if (!scope.canManageSchool(schoolId)) {
            throw new NotFoundException("school");
        }
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select sg.guardian_id, st.id as student_id, st.name as student_name, st.class_id
                        from organization.student st
                        join organization.student_guardian sg on sg.student_id = st.id
                        where st.school_id = :school and st.class_id in (:classes)
                        order by sg.guardian_id, st.name, st.id""")
                .param("school", schoolId)
                .param("classes", List.copyOf(new java.util.LinkedHashSet<>(classIds)))
                .query(RecordRows.of(GuardianOfPupil.class))
                .list();
    }

    public record CountySummary(
            UUID id,
            String code,
            String name,
            String nameEn,
            String kind,
            long schools,
            long classes,
            long students,
            long staff) {}

    /** What anyone may know of a school. */
    public record PublicSchool(UUID id, String name, Stage stage) {}

    public record SchoolSummary(
            UUID id,
            UUID countyId,
            String code,
            String name,
            Stage stage,
            @Nullable String address,
            boolean demo,
            long classes,
            long students,
            long staff) {}

    public record ClassSummary(
            UUID id,
            UUID countyId,
            UUID schoolId,
            int gradeLevel,
            String name,
            @Nullable UUID headTeacherId,
            @Nullable String headTeacherName,
            long students) {}

    public record StudentRow(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID classId,
            String name,
            Sex sex,
            LocalDate birthDate,
            String idNumberMasked,
            boolean demo,
            int gradeLevel,
            String className,
            String schoolName) {}

    /** A child as a session's sheet shows them (OPS-1). */
    public record Pupil(UUID id, String name, UUID classId, String className, int gradeLevel) {}

    public record GuardianOfStudent(
            UUID guardianId, String name, String mobile, Relation relation, boolean primaryContact) {
        GuardianOfStudent masked() {
            return new GuardianOfStudent(guardianId, name, Masking.mobile(mobile), relation, primaryContact);
        }
    }

    public record StudentDetails(StudentRow student, List<GuardianOfStudent> guardians) {}

    public record GuardianRow(
            UUID id, String name, String mobile, Relation relation, UUID studentId, String studentName) {
        GuardianRow masked() {
            return new GuardianRow(id, name, Masking.mobile(mobile), relation, studentId, studentName);
        }
    }

    public record StaffRow(
            UUID id,
            String staffNo,
            String name,
            @Nullable String mobile,
            StaffPosition position,
            @Nullable String subject) {
        StaffRow masked() {
            return new StaffRow(id, staffNo, name, mobile == null ? null : Masking.mobile(mobile), position, subject);
        }
    }

    /** A guardian of a student, by id, with the student's name and class. */
    public record GuardianOfPupil(UUID guardianId, UUID studentId, String studentName, UUID classId) {}

    /** A student with their class and primary guardian's contact, as a roster of an offering lists them. */
    public record PupilContact(
            UUID id,
            int gradeLevel,
            String className,
            String name,
            @Nullable String guardianName,
            @Nullable String guardianMobile) {
        PupilContact masked() {
            return new PupilContact(
                    id,
                    gradeLevel,
                    className,
                    name,
                    guardianName,
                    guardianMobile == null ? null : Masking.mobile(guardianMobile));
        }
    }

    public record RosterLine(
            int gradeLevel,
            String className,
            String name,
            Sex sex,
            LocalDate birthDate,
            String idNumberMasked,
            @Nullable String guardianName,
            @Nullable Relation relation,
            @Nullable String mobile) {
        RosterLine masked() {
            return new RosterLine(
                    gradeLevel,
                    className,
                    name,
                    sex,
                    birthDate,
                    idNumberMasked,
                    guardianName,
                    relation,
                    mobile == null ? null : Masking.mobile(mobile));
        }
    }
}
