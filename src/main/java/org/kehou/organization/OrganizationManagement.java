package org.kehou.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.Ids;
import org.kehou.platform.Masking;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PersonalDataProtector;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the base data (ORG-1, ORG-2). Every method takes the signed-in user's scope; an id outside it is
 * answered as not found. Every write of personal data is audited.
 */
@Service
@Transactional
public class OrganizationManagement {

    private final SchoolRepository schools;
    private final SchoolClassRepository classes;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffRepository staff;
    private final TermRepository terms;
    private final PersonalDataProtector protector;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    OrganizationManagement(
            SchoolRepository schools,
            SchoolClassRepository classes,
            StudentRepository students,
            GuardianRepository guardians,
            StaffRepository staff,
            TermRepository terms,
            PersonalDataProtector protector,
            AuditTrail audit,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.terms = terms;
        this.protector = protector;
        this.audit = audit;
        this.clock = clock;
    }

    public UUID openSchool(UserScope scope, UUID countyId, SchoolDetails details) {
        if (!scope.canManageCounty(countyId)) {
            throw new NotFoundException("county");
        }
        School school = School.open(
                Ids.next(), countyId, details.code(), details.name(), details.stage(), details.address(), false, now());
        try {
            schools.save(school);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("school.codeTaken");
        }
        return school.id();
    }

    public void changeSchool(UserScope scope, UUID schoolId, SchoolDetails details) {
        School school = schools.findById(schoolId)
                .filter(s -> scope.canManageCounty(s.countyId()))
                .orElseThrow(() -> new NotFoundException("school"));
        if (details.stage() != school.stage() && hasClassOutside(schoolId, details.stage())) {
            throw new RuleViolation("school.stageHasClasses");
        }
        school.rename(details.code(), details.name(), details.stage(), details.address());
        try {
            schools.save(school);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("school.codeTaken");
        }
    }

    private boolean hasClassOutside(UUID schoolId, Stage stage) {
        return jdbc
                .sql("select grade_level from organization.school_class where school_id = :school")
                .param("school", schoolId)
                .query(Integer.class)
                .stream()
                .anyMatch(grade -> !stage.hasGrade(grade));
    }

    public UUID openClass(UserScope scope, UUID schoolId, int gradeLevel, String name, @Nullable UUID headTeacherId) {
        School school = managedSchool(scope, schoolId);
        if (!school.stage().hasGrade(gradeLevel)) {
            throw new RuleViolation("class.gradeNotInStage", gradeLevel);
        }
        if (headTeacherId != null) {
            staffOf(school, headTeacherId);
        }
        int entryYear = TermDatesRule.schoolYearOf(LocalDate.now(clock)) - gradeLevel + 1;
        SchoolClass schoolClass = new SchoolClass(
                Ids.next(), null, school.countyId(), schoolId, gradeLevel, name, entryYear, headTeacherId);
        try {
            classes.save(schoolClass);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("class.nameTaken");
        }
        return schoolClass.id();
    }

    public void assignHeadTeacher(UserScope scope, UUID classId, @Nullable UUID staffId) {
        SchoolClass schoolClass = classOf(scope, classId);
        if (staffId != null) {
            staffOf(managedSchool(scope, schoolClass.schoolId()), staffId);
        }
        schoolClass.assignHeadTeacher(staffId);
        classes.save(schoolClass);
    }

    /**
     * Registers a student, or, when the ID number is known at this school, corrects their name and class. An ID
     * number registered at another school is refused.
     *
     * @return whether a student was created, changed or left as they were
     */
    public Outcome registerStudent(UserScope scope, UUID schoolId, NewStudent command) {
        School school = managedSchool(scope, schoolId);
        SchoolClass schoolClass = classes.findById(command.classId())
                .filter(c -> c.schoolId().equals(schoolId))
                .orElseThrow(() -> new NotFoundException("class"));
        String hash = protector.hash(command.idNumber().value());
        var existing = students.findByIdNumberHash(hash);
        if (existing.isPresent()) {
            Student student = existing.get();
            if (!student.schoolId().equals(schoolId)) {
                throw new RuleViolation("student.idNumberAtOtherSchool");
            }
            if (student.name().equals(command.name()) && student.classId().equals(schoolClass.id())) {
                return new Outcome(student.id(), Outcome.Change.UNCHANGED);
            }
            Map<String, Object> before = studentState(student);
            student.correct(command.name(), schoolClass.id());
            students.save(student);
            audit.record(new AuditEntry(
                    "student.changed",
                    "student",
                    student.id(),
                    school.countyId(),
                    schoolId,
                    before,
                    studentState(student)));
            return new Outcome(student.id(), Outcome.Change.UPDATED);
        }
        ChineseIdNumber idNumber = command.idNumber();
        Student student = new Student(
                Ids.next(),
                null,
                school.countyId(),
                schoolId,
                schoolClass.id(),
                command.name(),
                protector.encrypt(idNumber.value()),
                hash,
                idNumber.masked(),
                idNumber.sex(),
                idNumber.birthDate(),
                false,
                now());
        students.save(student);
        audit.record(new AuditEntry(
                "student.created", "student", student.id(), school.countyId(), schoolId, null, studentState(student)));
        return new Outcome(student.id(), Outcome.Change.CREATED);
    }

    public void correctStudent(UserScope scope, UUID studentId, String name, UUID classId) {
        Student student = managedStudent(scope, studentId);
        SchoolClass target = classes.findById(classId)
                .filter(c -> c.schoolId().equals(student.schoolId()))
                .orElseThrow(() -> new NotFoundException("class"));
        Map<String, Object> before = studentState(student);
        student.correct(name, target.id());
        students.save(student);
        audit.record(new AuditEntry(
                "student.changed",
                "student",
                studentId,
                student.countyId(),
                student.schoolId(),
                before,
                studentState(student)));
    }

    /**
     * Links a guardian to a student, creating the guardian when the mobile number is new.
     *
     * @return whether anything changed
     */
    public Outcome linkGuardian(UserScope scope, UUID studentId, NewGuardian command) {
        Student student = managedStudent(scope, studentId);
        String mobile = command.mobile().value();
        Outcome.Change change = Outcome.Change.UNCHANGED;
        Guardian guardian = guardians.findByMobile(mobile).orElse(null);
        if (guardian == null) {
            guardian = new Guardian(Ids.next(), null, command.name(), mobile, null, null, false, now());
            guardians.save(guardian);
            audit.record(new AuditEntry(
                    "guardian.created",
                    "guardian",
                    guardian.id(),
                    student.countyId(),
                    student.schoolId(),
                    null,
                    guardianState(guardian)));
            change = Outcome.Change.CREATED;
        } else if (!guardian.name().equals(command.name()) && isLinked(guardian.id(), student)) {
            Map<String, Object> before = guardianState(guardian);
            guardian.rename(command.name());
            guardians.save(guardian);
            audit.record(new AuditEntry(
                    "guardian.changed",
                    "guardian",
                    guardian.id(),
                    student.countyId(),
                    student.schoolId(),
                    before,
                    guardianState(guardian)));
            change = Outcome.Change.UPDATED;
        }
        boolean primary = student.guardians().isEmpty() || isPrimary(student, guardian.id());
        if (student.link(guardian.id(), command.relation(), primary)) {
            students.save(student);
            audit.record(new AuditEntry(
                    "student.guardianLinked",
                    "student",
                    student.id(),
                    student.countyId(),
                    student.schoolId(),
                    null,
                    Map.of("guardian", guardian.id(), "relation", command.relation())));
            if (change == Outcome.Change.UNCHANGED) {
                change = Outcome.Change.UPDATED;
            }
        }
        return new Outcome(guardian.id(), change);
    }

    private static boolean isPrimary(Student student, UUID guardianId) {
        return student.guardians().stream().anyMatch(g -> g.guardianId().equals(guardianId) && g.primaryContact());
    }

    private static boolean isLinked(UUID guardianId, Student student) {
        return student.guardians().stream().anyMatch(g -> g.guardianId().equals(guardianId));
    }

    public UUID addStaff(UserScope scope, UUID schoolId, NewStaff command) {
        School school = managedSchool(scope, schoolId);
        Staff member = new Staff(
                Ids.next(),
                null,
                school.countyId(),
                schoolId,
                command.staffNo(),
                command.name(),
                command.mobile() == null ? null : command.mobile().value(),
                command.position(),
                command.subject(),
                false);
        try {
            staff.save(member);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("staff.numberTaken");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("staffNo", member.staffNo());
        after.put("name", member.name());
        after.put("mobile", member.mobile() == null ? "" : Masking.mobile(member.mobile()));
        audit.record(new AuditEntry("staff.created", "staff", member.id(), school.countyId(), schoolId, null, after));
        return member.id();
    }

    public UUID planTerm(
            UserScope scope, UUID schoolId, int schoolYear, TermKind kind, LocalDate startsOn, LocalDate endsOn) {
        School school = managedSchool(scope, schoolId);
        Term term = Term.plan(Ids.next(), school.countyId(), schoolId, schoolYear, kind, startsOn, endsOn);
        try {
            terms.save(term);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("term.exists");
        }
        return term.id();
    }

    public void markDay(UserScope scope, UUID termId, LocalDate day, DayKind kind, @Nullable String note) {
        Term term = terms.findById(termId)
                .filter(t -> scope.canManageSchool(t.schoolId()))
                .orElseThrow(() -> new NotFoundException("term"));
        term.mark(day, kind, note);
        terms.save(term);
    }

    /** Shows a student's full ID number to a school admin of their school; the read is audited. */
    @Transactional(readOnly = true)
    public String revealIdNumber(UserScope scope, UUID studentId) {
        Student student = managedStudent(scope, studentId);
        audit.recordRead(new AuditEntry(
                "student.idNumber.revealed", "student", studentId, student.countyId(), student.schoolId(), null, null));
        return protector.decrypt(student.idNumberCipher());
    }

    private School managedSchool(UserScope scope, UUID schoolId) {
        return schools.findById(schoolId)
                .filter(s -> scope.canManageSchool(s.id()))
                .orElseThrow(() -> new NotFoundException("school"));
    }

    private Student managedStudent(UserScope scope, UUID studentId) {
        return students.findById(studentId)
                .filter(s -> scope.canManageSchool(s.schoolId()))
                .orElseThrow(() -> new NotFoundException("student"));
    }

    private SchoolClass classOf(UserScope scope, UUID classId) {
        return classes.findById(classId)
                .filter(c -> scope.canManageSchool(c.schoolId()))
                .orElseThrow(() -> new NotFoundException("class"));
    }

    private Staff staffOf(School school, UUID staffId) {
        return staff.findById(staffId)
                .filter(s -> s.schoolId().equals(school.id()))
                .orElseThrow(() -> new NotFoundException("staff"));
    }

    private static Map<String, Object> studentState(Student s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", s.name());
        state.put("classId", s.classId());
        state.put("idNumber", s.idNumberMasked());
        return state;
    }

    private static Map<String, Object> guardianState(Guardian g) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", g.name());
        state.put("mobile", Masking.mobile(g.mobile()));
        return state;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The fields of a school a county admin sets. */
    public record SchoolDetails(
            String code, String name, Stage stage, @Nullable String address) {}

    /** A student to register; the ID number is already validated. */
    public record NewStudent(String name, ChineseIdNumber idNumber, UUID classId) {}

    /** A guardian to link. */
    public record NewGuardian(String name, MobileNumber mobile, Relation relation) {}

    /** A staff member to add. */
    public record NewStaff(
            String staffNo,
            String name,
            @Nullable MobileNumber mobile,
            StaffPosition position,
            @Nullable String subject) {}

    /** What a register or link command did. */
    public record Outcome(UUID id, Change change) {
        public enum Change {
            CREATED,
            UPDATED,
            UNCHANGED
        }
    }
}
