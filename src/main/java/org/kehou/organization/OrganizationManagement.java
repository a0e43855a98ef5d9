package org.kehou.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
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
        Registration registration = register(
                school,
                schoolClass,
                command.name(),
                command.idNumber(),
                hash,
                students.findByIdNumberHash(hash).orElse(null));
        Writes writes = new Writes();
        registration.save(writes);
        writes.flush();
        return new Outcome(registration.student.id(), registration.change);
    }

    /**
     * Registers a student or corrects the one with the ID number, without saving; an ID number registered at
     * another school is refused.
     */
    private Registration register(
            School school,
            SchoolClass schoolClass,
            String name,
            ChineseIdNumber idNumber,
            String hash,
            @Nullable Student existing) {
        if (existing != null) {
            if (!existing.schoolId().equals(school.id())) {
                throw new RuleViolation("student.idNumberAtOtherSchool");
            }
            if (existing.name().equals(name) && existing.classId().equals(schoolClass.id())) {
                return new Registration(existing, Outcome.Change.UNCHANGED, null);
            }
            Map<String, Object> before = studentState(existing);
            existing.correct(name, schoolClass.id());
            return new Registration(existing, Outcome.Change.UPDATED, before);
        }
        Student student = new Student(
                Ids.next(),
                null,
                school.countyId(),
                school.id(),
                schoolClass.id(),
                name,
                protector.encrypt(idNumber.value()),
                hash,
                idNumber.masked(),
                idNumber.sex(),
                idNumber.birthDate(),
                false,
                now());
        return new Registration(student, Outcome.Change.CREATED, null);
    }

    /** A student registered or corrected in memory, saved and audited through a {@link Writes}. */
    private final class Registration {
        final Student student;
        Outcome.Change change;
        final @Nullable Map<String, Object> before;
        boolean linksChanged;

        Registration(Student student, Outcome.Change change, @Nullable Map<String, Object> before) {
            this.student = student;
            this.change = change;
            this.before = before;
        }

        void save(Writes writes) {
            if (change == Outcome.Change.UNCHANGED && !linksChanged) {
                return;
            }
            writes.students.add(student);
            if (change == Outcome.Change.CREATED) {
                writes.audits.add(new AuditEntry(
                        "student.created",
                        "student",
                        student.id(),
                        student.countyId(),
                        student.schoolId(),
                        null,
                        studentState(student)));
            } else if (change == Outcome.Change.UPDATED) {
                writes.audits.add(new AuditEntry(
                        "student.changed",
                        "student",
                        student.id(),
                        student.countyId(),
                        student.schoolId(),
                        before,
                        studentState(student)));
            }
        }
    }

    /**
     * The writes of one command, made together at its end: guardians first (links refer to them), then students
     * with their links, then the audit entries, each as a batch.
     */
    private final class Writes {
        final java.util.Set<Guardian> guardians = new java.util.LinkedHashSet<>();
        final List<Student> students = new java.util.ArrayList<>();
        final List<AuditEntry> audits = new java.util.ArrayList<>();

        void flush() {
            OrganizationManagement.this.guardians.saveAll(guardians);
            OrganizationManagement.this.students.saveAll(students);
            audit.recordAll(audits);
        }
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
        Registration registration = new Registration(student, Outcome.Change.UNCHANGED, null);
        Writes writes = new Writes();
        GuardianChange guardian = link(
                registration,
                command,
                guardians.findByMobile(command.mobile().value()).orElse(null),
                writes);
        registration.save(writes);
        writes.flush();
        Outcome.Change change = guardian.change() == Outcome.Change.UNCHANGED && registration.linksChanged
                ? Outcome.Change.UPDATED
                : guardian.change();
        return new Outcome(guardian.guardian().id(), change);
    }

    /**
     * Links a guardian to a registration's student: creates the guardian when the mobile number is new, renames
     * one already linked to this student, and marks the student's links as changed when the link is new or its
     * relation differs. The guardian is saved and audited here; the student by the caller.
     */
    private GuardianChange link(
            Registration registration, NewGuardian command, @Nullable Guardian existing, Writes writes) {
        Student student = registration.student;
        Outcome.Change change = Outcome.Change.UNCHANGED;
        Guardian guardian = existing;
        if (guardian == null) {
            guardian = new Guardian(
                    Ids.next(), null, command.name(), command.mobile().value(), null, null, false, now());
            writes.guardians.add(guardian);
            writes.audits.add(new AuditEntry(
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
            writes.guardians.add(guardian);
            writes.audits.add(new AuditEntry(
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
            registration.linksChanged = true;
            writes.audits.add(new AuditEntry(
                    "student.guardianLinked",
                    "student",
                    student.id(),
                    student.countyId(),
                    student.schoolId(),
                    null,
                    Map.of("guardian", guardian.id(), "relation", command.relation())));
        }
        return new GuardianChange(guardian, change);
    }

    private record GuardianChange(Guardian guardian, Outcome.Change change) {}

    /**
     * Imports a roster (ORG-3) in one transaction: classes named in it are opened when missing, students are
     * registered or corrected by ID number, guardians created or linked by mobile number. Importing the same rows
     * again changes nothing. When any row breaks a rule, nothing is written and every such row is reported.
     */
    public ImportResult importRoster(
            UserScope scope, UUID schoolId, List<RosterRow> rows, java.util.function.IntConsumer progress) {
        School school = managedSchool(scope, schoolId);
        Map<String, SchoolClass> classByKey = new java.util.HashMap<>();
        classes.findBySchoolId(schoolId).forEach(c -> classByKey.put(c.gradeLevel() + "/" + c.name(), c));
        Map<String, String> hashes = new java.util.HashMap<>();
        rows.forEach(r -> hashes.computeIfAbsent(r.idNumber().value(), protector::hash));
        Map<String, Student> studentByHash = new java.util.HashMap<>();
        chunks(List.copyOf(hashes.values()))
                .forEach(chunk ->
                        students.findByIdNumberHashIn(chunk).forEach(st -> studentByHash.put(st.idNumberHash(), st)));
        Map<String, Guardian> guardianByMobile = new java.util.HashMap<>();
        chunks(rows.stream().map(r -> r.mobile().value()).distinct().toList())
                .forEach(chunk -> guardians.findByMobileIn(chunk).forEach(g -> guardianByMobile.put(g.mobile(), g)));

        List<RowError> errors = new java.util.ArrayList<>();
        for (RosterRow row : rows) {
            if (!school.stage().hasGrade(row.gradeLevel())) {
                errors.add(new RowError(row.row(), RosterColumn.GRADE, "class.gradeNotInStage", row.gradeLevel()));
            }
            Student known = studentByHash.get(hashes.get(row.idNumber().value()));
            if (known != null && !known.schoolId().equals(schoolId)) {
                errors.add(new RowError(row.row(), RosterColumn.ID_NUMBER, "student.idNumberAtOtherSchool"));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, 0, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, Registration> registrations = new java.util.LinkedHashMap<>();
        Writes writes = new Writes();
        int done = 0;
        for (RosterRow row : rows) {
            SchoolClass schoolClass = classByKey.computeIfAbsent(row.gradeLevel() + "/" + row.className(), key -> {
                SchoolClass opened = new SchoolClass(
                        Ids.next(),
                        null,
                        school.countyId(),
                        schoolId,
                        row.gradeLevel(),
                        row.className(),
                        TermDatesRule.schoolYearOf(LocalDate.now(clock)) - row.gradeLevel() + 1,
                        null);
                return classes.save(opened);
            });
            String hash = hashes.get(row.idNumber().value());
            Registration registration = registrations.get(hash);
            if (registration == null) {
                registration =
                        register(school, schoolClass, row.studentName(), row.idNumber(), hash, studentByHash.get(hash));
                registrations.put(hash, registration);
            }
            GuardianChange guardian = link(
                    registration,
                    new NewGuardian(row.guardianName(), row.mobile(), row.relation()),
                    guardianByMobile.get(row.mobile().value()),
                    writes);
            guardianByMobile.put(guardian.guardian().mobile(), guardian.guardian());
            if (++done % 250 == 0) {
                progress.accept(done);
            }
        }
        for (Registration registration : registrations.values()) {
            switch (registration.change) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> {
                    if (registration.linksChanged) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
            }
            registration.save(writes);
        }
        writes.flush();
        progress.accept(rows.size());
        return new ImportResult(created, updated, unchanged, List.of());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
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

    /** One valid row of a roster file. */
    public record RosterRow(
            int row,
            int gradeLevel,
            String className,
            String studentName,
            ChineseIdNumber idNumber,
            String guardianName,
            Relation relation,
            MobileNumber mobile) {}

    /** A row the import refused: its number in the sheet, the column and the reason. */
    public record RowError(int row, RosterColumn column, String messageKey, Object... arguments) {}

    /** What an import did: students created, changed and left as they were, or the rows that stopped it. */
    public record ImportResult(int created, int updated, int unchanged, List<RowError> errors) {}

    /** What a register or link command did. */
    public record Outcome(UUID id, Change change) {
        public enum Change {
            CREATED,
            UPDATED,
            UNCHANGED
        }
    }
}
