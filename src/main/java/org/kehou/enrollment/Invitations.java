package org.kehou.enrollment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.EnrollmentManagement.WindowSummary;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.GuardianOfPupil;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.RecordRows;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A school invites the guardians of chosen classes or whole grades to register in a window (ENROL-1, ENROL-2): "a
 * school may invite; it never enrols for a guardian". Each guardian of a child in the audience gets one message in
 * their inbox (one, however many of their children the audience holds) with a link to the registration page; the
 * invitation is kept with who sent it, when, the window, the audience, the message and how many it reached, and
 * nothing else changes: no registration, no seat. Only the school's own admin invites, to a window that governs the
 * school and has not closed, and only its own classes and grades: another school's class or window is not found.
 * A second submission of the same form (its key) sends nothing again and answers the first invitation (ADR 0018).
 */
@Service
public class Invitations {

    static final String TOPIC = "enrollment.invitation";

    private final RegistrationWindowRepository windows;
    private final OrganizationQueries organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Invitations(
            RegistrationWindowRepository windows,
            OrganizationQueries organization,
            Notifications notifications,
            AuditTrail audit,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.windows = windows;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The windows the admin's school may invite to: its own and its county's that govern it and have not closed,
     * earliest opening first.
     */
    @Transactional(readOnly = true)
    public List<WindowSummary> windowsToInviteTo(UserScope scope) {
        SchoolSummary school = ownSchool(scope);
        LocalDateTime now = LocalDateTime.now(clock);
        List<RegistrationWindow> all = windowsOf(school);
        return all.stream()
                .filter(w -> w.closesAt().isAfter(now))
                .filter(w -> RegistrationWindowRule.governing(sameTerm(all, w)).contains(w))
                .sorted(Comparator.comparing(RegistrationWindow::opensAt).thenComparing(RegistrationWindow::id))
                .map(EnrollmentManagement::summary)
                .toList();
    }

    /**
     * Sends an invitation to register (ENROL-1, ENROL-2) and returns what it reached. Refused, with nothing sent,
     * when the audience is empty, the message too long or the window closed or superseded by the school's own;
     * another school's class, grade or window is not found. The same form key again answers the first invitation
     * and sends nothing.
     */
    public InvitationOutcome invite(UserScope scope, Invite command, String formKey) {
        SchoolSummary school = ownSchool(scope);
        Optional<InvitationOutcome> first = prior(school.id(), formKey);
        if (first.isPresent()) {
            return first.get();
        }
        InvitationRule.checkAudience(command.classIds(), command.grades());
        String message = InvitationRule.message(command.message());
        RegistrationWindow window = windows.findById(command.windowId())
                .filter(w -> w.countyId().equals(school.countyId()))
                .filter(w -> w.schoolId() == null || w.schoolId().equals(school.id()))
                .orElseThrow(() -> new NotFoundException("window"));
        LocalDateTime now = LocalDateTime.now(clock);
        InvitationRule.checkWindow(window, sameTerm(windowsOf(school), window), now);
        Set<UUID> classes = audience(scope, school, command);
        Map<UUID, List<GuardianOfPupil>> byGuardian =
                organization.guardiansOfClasses(scope, school.id(), classes).stream()
                        .collect(Collectors.groupingBy(
                                GuardianOfPupil::guardianId, LinkedHashMap::new, Collectors.toList()));
        long children = byGuardian.values().stream()
                .flatMap(List::stream)
                .map(GuardianOfPupil::studentId)
                .distinct()
                .count();
        UUID id = Ids.next();
        try {
            Integer accounts = tx.execute(status -> {
                int reached = 0;
                for (List<GuardianOfPupil> own : byGuardian.values()) {
                    reached += notifications.sendToGuardian(
                            own.getFirst().guardianId(), notice(school, window, own, message));
                }
                record(id, school, window, command, formKey, message, scope, now, children, byGuardian.size(), reached);
                return reached;
            });
            return new InvitationOutcome(id, (int) children, byGuardian.size(), accounts == null ? 0 : accounts, false);
        } catch (DuplicateKeyException twice) {
            // the same form submitted at the same moment: the other submission's invitation stands, this one sent
            // nothing
            return prior(school.id(), formKey).orElseThrow(() -> twice);
        }
    }

    /** The invitations of the admin's school, newest first, with their window, audience and counts. */
    @Transactional(readOnly = true)
    public List<InvitationSummary> invitations(UserScope scope) {
        SchoolSummary school = ownSchool(scope);
        Map<UUID, ClassSummary> classes = organization.classes(scope, school.id()).stream()
                .collect(Collectors.toMap(ClassSummary::id, Function.identity()));
        Map<UUID, RegistrationWindow> byId =
                windowsOf(school).stream().collect(Collectors.toMap(RegistrationWindow::id, Function.identity()));
        record Audience(
                UUID invitationId,
                @Nullable Integer gradeLevel,
                @Nullable UUID classId) {}
        Map<UUID, List<Audience>> audiences =
                jdbc.sql("""
                        select a.invitation_id, a.grade_level, a.class_id from enrollment.invitation_audience a
                        join enrollment.invitation i on i.id = a.invitation_id where i.school_id = :school""").param("school", school.id()).query(RecordRows.of(Audience.class)).list().stream()
                        .collect(Collectors.groupingBy(Audience::invitationId));
        record Row(
                UUID id,
                UUID windowId,
                @Nullable String message,
                String invitedByName,
                LocalDateTime invitedAt,
                int children,
                int guardians,
                int accounts) {}
        return jdbc.sql("""
                        select id, window_id, message, invited_by_name, invited_at, children, guardians, accounts
                        from enrollment.invitation where school_id = :school order by invited_at desc, id desc""").param("school", school.id()).query(RecordRows.of(Row.class)).list().stream()
                .map(r -> {
                    List<Audience> audience = audiences.getOrDefault(r.id(), List.of());
                    RegistrationWindow w = byId.get(r.windowId());
                    return new InvitationSummary(
                            r.id(),
                            w == null ? null : EnrollmentManagement.summary(w),
                            audience.stream()
                                    .map(Audience::gradeLevel)
                                    .filter(g -> g != null)
                                    .sorted()
                                    .toList(),
                            audience.stream()
                                    .map(Audience::classId)
                                    .filter(c -> c != null)
                                    .map(classes::get)
                                    .filter(c -> c != null)
                                    .sorted(Comparator.comparingInt(ClassSummary::gradeLevel)
                                            .thenComparing(ClassSummary::name))
                                    .map(c -> new ClassName(c.gradeLevel(), c.name()))
                                    .toList(),
                            r.message(),
                            r.invitedByName(),
                            r.invitedAt(),
                            r.children(),
                            r.guardians(),
                            r.accounts());
                })
                .toList();
    }

    private SchoolSummary ownSchool(UserScope scope) {
        if (!scope.has(Role.SCHOOL_ADMIN) || scope.schoolId() == null) {
            throw new NotFoundException("school");
        }
        return organization.school(scope, scope.schoolId());
    }

    /** The county's windows and the school's own. */
    private List<RegistrationWindow> windowsOf(SchoolSummary school) {
        return windows.findByCountyId(school.countyId()).stream()
                .filter(w -> w.schoolId() == null || w.schoolId().equals(school.id()))
                .toList();
    }

    private static List<RegistrationWindow> sameTerm(List<RegistrationWindow> all, RegistrationWindow window) {
        return all.stream()
                .filter(w -> w.schoolYear() == window.schoolYear() && w.termKind() == window.termKind())
                .toList();
    }

    /** The classes the audience names, each of the school: a class or a grade it does not have is not found. */
    private Set<UUID> audience(UserScope scope, SchoolSummary school, Invite command) {
        List<ClassSummary> classes = organization.classes(scope, school.id());
        Set<UUID> chosen = new LinkedHashSet<>();
        for (UUID classId : command.classIds()) {
            if (classes.stream().noneMatch(c -> c.id().equals(classId))) {
                throw new NotFoundException("class");
            }
            chosen.add(classId);
        }
        for (int grade : command.grades()) {
            List<UUID> ofGrade = classes.stream()
                    .filter(c -> c.gradeLevel() == grade)
                    .map(ClassSummary::id)
                    .toList();
            if (ofGrade.isEmpty()) {
                throw new NotFoundException("grade");
            }
            chosen.addAll(ofGrade);
        }
        return chosen;
    }

    private static NewNotification notice(
            SchoolSummary school, RegistrationWindow window, List<GuardianOfPupil> children, @Nullable String message) {
        List<String> names = children.stream()
                .map(c -> NoticeText.of(c.studentName()))
                .distinct()
                .toList();
        List<String> arguments = new ArrayList<>(List.of(
                NoticeText.of(school.name()),
                String.join("、", names),
                String.valueOf(window.schoolYear()),
                RegistrationWindowRule.MINUTE.format(window.opensAt()),
                RegistrationWindowRule.MINUTE.format(window.closesAt())));
        if (message != null) {
            arguments.add(message);
        }
        String key = "invitation.notice." + window.termKind().name() + (message == null ? "" : ".withMessage");
        String link = window.allocation() == Allocation.LOTTERY
                ? "/guardian/lotteries"
                : "/guardian/registration?child=" + children.getFirst().studentId();
        return new NewNotification(null, school.countyId(), school.id(), TOPIC, key, arguments, link);
    }

    private void record(
            UUID id,
            SchoolSummary school,
            RegistrationWindow window,
            Invite command,
            String formKey,
            @Nullable String message,
            UserScope scope,
            LocalDateTime now,
            long children,
            int guardians,
            int accounts) {
        jdbc.sql("""
                        insert into enrollment.invitation (id, county_id, school_id, window_id, form_key, message,
                          invited_by, invited_by_name, invited_at, children, guardians, accounts)
                        values (:id, :county, :school, :window, :key, :message, :by, :name, :now, :children, :guardians,
                          :accounts)""")
                .param("id", id)
                .param("county", school.countyId())
                .param("school", school.id())
                .param("window", window.id())
                .param("key", formKey)
                .param("message", message)
                .param("by", scope.accountId().toString())
                .param("name", NoticeText.of(scope.displayName()))
                .param("now", now)
                .param("children", children)
                .param("guardians", guardians)
                .param("accounts", accounts)
                .update();
        for (int grade : new LinkedHashSet<>(command.grades())) {
            jdbc.sql("insert into enrollment.invitation_audience (invitation_id, grade_level) values (:id, :grade)")
                    .param("id", id)
                    .param("grade", grade)
                    .update();
        }
        for (UUID classId : new LinkedHashSet<>(command.classIds())) {
            jdbc.sql("insert into enrollment.invitation_audience (invitation_id, class_id) values (:id, :class)")
                    .param("id", id)
                    .param("class", classId)
                    .update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("window", window.id());
        after.put("grades", List.copyOf(new LinkedHashSet<>(command.grades())));
        after.put("classes", List.copyOf(new LinkedHashSet<>(command.classIds())));
        after.put("message", message);
        after.put("children", children);
        after.put("guardians", guardians);
        after.put("accounts", accounts);
        audit.record(new AuditEntry(
                "registration.invitation.sent", "invitation", id, school.countyId(), school.id(), null, after));
    }

    private Optional<InvitationOutcome> prior(UUID schoolId, String formKey) {
        return jdbc.sql("""
                        select id, children, guardians, accounts from enrollment.invitation
                        where school_id = :school and form_key = :key""")
                .param("school", schoolId)
                .param("key", formKey)
                .query((rs, n) -> new InvitationOutcome(
                        rs.getObject("id", UUID.class),
                        rs.getInt("children"),
                        rs.getInt("guardians"),
                        rs.getInt("accounts"),
                        true))
                .optional();
    }

    /**
     * An invitation to register in a window, for the guardians of these classes and of every class of these grades.
     *
     * @param message the school's short message to guardians, or null
     */
    public record Invite(
            UUID windowId,
            List<UUID> classIds,
            List<Integer> grades,
            @Nullable String message) {

        public Invite {
            classIds = List.copyOf(classIds);
            grades = List.copyOf(grades);
        }
    }

    /**
     * What an invitation reached.
     *
     * @param guardians the guardians invited, each once
     * @param accounts their sign-in accounts notified (a guardian without one is counted but gets nothing in the app)
     * @param replayed whether this answers an earlier submission of the same form, which sent nothing again
     */
    public record InvitationOutcome(UUID invitationId, int children, int guardians, int accounts, boolean replayed) {}

    /** A class as the list of invitations names it. */
    public record ClassName(int gradeLevel, String name) {}

    /**
     * An invitation as the school's list shows it.
     *
     * @param window the window invited to, or null if it is not the school's or its county's any more
     */
    public record InvitationSummary(
            UUID id,
            @Nullable WindowSummary window,
            List<Integer> grades,
            List<ClassName> classes,
            @Nullable String message,
            String invitedBy,
            LocalDateTime invitedAt,
            int children,
            int guardians,
            int accounts) {}
}
