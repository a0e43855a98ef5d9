package org.kehou.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.Ids;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The not-yet-picked-up check (OPS-2): {@code kehou.pickup.alert-after} (15 minutes unless set) after the end of a
 * school's hand-over service on a school day (ADR 0009), the school's admins are told which children have not been
 * handed over, and so are the guardians of those children in every class that records its hand-overs. Safe with
 * several instances: the alert row of a school, day and service is inserted conditionally, so exactly one instance
 * raises it, once.
 */
@Component
class PickupAlerts {

    static final String TOPIC = "pickup.notPickedUp";
    static final int NAMES_SHOWN = 10;

    private static final Logger log = LoggerFactory.getLogger(PickupAlerts.class);
    private static final Duration DUE_TIMES_KEPT = Duration.ofMinutes(10);

    private final OrganizationQueries organization;
    private final PickupSchedule schedule;
    private final PickupManagement pickup;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration alertAfter;
    private final Map<UUID, Due> dueTimes = new ConcurrentHashMap<>();

    PickupAlerts(
            OrganizationQueries organization,
            PickupSchedule schedule,
            PickupManagement pickup,
            Notifications notifications,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${kehou.pickup.alert-after:15m}") Duration alertAfter) {
        this.organization = organization;
        this.schedule = schedule;
        this.pickup = pickup;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.alertAfter = alertAfter;
    }

    @Scheduled(
            fixedDelayString = "${kehou.pickup.check-every:1m}",
            initialDelayString = "${kehou.pickup.check-every:1m}")
    void checkScheduled() {
        checkDue();
    }

    /** Checks every school of the city whose hand-over of today is due, and returns the alerts raised. */
    List<Alert> checkDue() {
        LocalDate today = LocalDate.now(clock);
        Set<UUID> alerted = Set.copyOf(jdbc.sql("select school_id from operations.pickup_alert where on_date = :day")
                .param("day", today)
                .query(UUID.class)
                .list());
        UserScope city = new UserScope(new UUID(0, 0), "system", Set.of(Role.INSPECTOR), null, null, null, null, null);
        List<Alert> raised = new ArrayList<>();
        for (var county : organization.counties(city)) {
            int page = 0;
            Page<SchoolSummary> schools;
            do {
                schools = organization.schools(
                        city, county.id(), new PageQuery(page++, PageQuery.MAX_SIZE, "code", false, ""));
                for (SchoolSummary school : schools.items()) {
                    if (alerted.contains(school.id())) {
                        continue;
                    }
                    try {
                        check(school.countyId(), school.id(), today).ifPresent(raised::add);
                    } catch (RuntimeException e) {
                        log.warn("Pickup check of school {} failed; it is retried at the next check", school.id(), e);
                    }
                }
            } while (schools.hasNext());
        }
        return raised;
    }

    /**
     * Raises the alert of a school's hand-over on a day when it is due and has not been raised yet: once, whoever
     * asks again and however many instances ask.
     */
    Optional<Alert> check(UUID countyId, UUID schoolId, LocalDate day) {
        LocalDateTime now = LocalDateTime.now(clock);
        Due due = due(schoolId, day, now);
        if (due.at() == null || now.isBefore(due.at())) {
            return Optional.empty();
        }
        return Optional.ofNullable(tx.execute(status -> raise(countyId, schoolId, day, due.service(), due.at(), now)));
    }

    private Due due(UUID schoolId, LocalDate day, LocalDateTime now) {
        Due known = dueTimes.get(schoolId);
        if (known != null
                && known.day().equals(day)
                && known.computedAt().plus(DUE_TIMES_KEPT).isAfter(now)) {
            return known;
        }
        PickupService service = schedule.handOverService(schoolId, day);
        LocalDateTime at = null;
        if (schedule.isSchoolDay(schoolId, day)) {
            LocalTime end = schedule.endsAt(schoolId, day, service).orElse(null);
            at = end == null ? null : day.atTime(end).plus(alertAfter);
        }
        Due computed = new Due(day, service, at, now);
        dueTimes.put(schoolId, computed);
        return computed;
    }

    private @Nullable Alert raise(
            UUID countyId, UUID schoolId, LocalDate day, PickupService service, LocalDateTime due, LocalDateTime now) {
        UserScope reader = PickupSchedule.reader(schoolId);
        Set<UUID> released = pickup.releasedOn(schoolId, day);
        Set<UUID> absent = AbsentToday.of(jdbc, schoolId, day);
        List<StudentRow> waiting = new ArrayList<>();
        int page = 0;
        Page<StudentRow> students;
        do {
            students = organization.students(
                    reader, schoolId, null, new PageQuery(page++, PageQuery.MAX_SIZE, "class", false, ""));
            students.items().stream()
                    .filter(s -> !released.contains(s.id()) && !absent.contains(s.id()))
                    .forEach(waiting::add);
        } while (students.hasNext());
        int inserted = jdbc.sql("""
                        insert into operations.pickup_alert (id, county_id, school_id, on_date, service, due_at,
                          alerted_at, waiting)
                        values (:id, :county, :school, :day, :service, :due, :now, :waiting)
                        on conflict do nothing""")
                .param("id", Ids.next())
                .param("county", countyId)
                .param("school", schoolId)
                .param("day", day)
                .param("service", service.name())
                .param("due", due)
                .param("now", now)
                .param("waiting", waiting.size())
                .update();
        if (inserted == 0) {
            return null;
        }
        Set<UUID> recording = Set.copyOf(jdbc.sql(
                        "select distinct class_id from operations.pickup_release where school_id = :school and on_date = :day")
                .param("school", schoolId)
                .param("day", day)
                .query(UUID.class)
                .list());
        String end = due.minus(alertAfter).toLocalTime().toString();
        String link = "/school/pickup?date=" + day + "&service=" + service.name() + "&waiting=true";
        int admins = 0;
        if (!waiting.isEmpty()) {
            String names = waiting.stream()
                    .limit(NAMES_SHOWN)
                    .map(s -> s.gradeLevel() + "-" + s.className() + " " + s.name())
                    .collect(Collectors.joining("、"));
            admins += notifications.sendToSchoolAdmins(
                    schoolId,
                    new NewNotification(
                            null,
                            countyId,
                            schoolId,
                            TOPIC,
                            waiting.size() > NAMES_SHOWN ? "pickup.alert.schoolMore" : "pickup.alert.school",
                            List.of(day.toString(), end, String.valueOf(waiting.size()), names),
                            link));
        }
        List<String> silent = waiting.stream()
                .filter(s -> !recording.contains(s.classId()))
                .sorted(Comparator.comparingInt(StudentRow::gradeLevel).thenComparing(StudentRow::className))
                .map(s -> s.gradeLevel() + "-" + s.className())
                .distinct()
                .toList();
        if (!silent.isEmpty()) {
            admins += notifications.sendToSchoolAdmins(
                    schoolId,
                    new NewNotification(
                            null,
                            countyId,
                            schoolId,
                            TOPIC,
                            "pickup.alert.unrecorded",
                            List.of(day.toString(), String.join("、", silent)),
                            link));
        }
        int guardians = 0;
        for (StudentRow child : waiting) {
            if (!recording.contains(child.classId())) {
                continue;
            }
            for (var guardian : organization.student(reader, child.id()).guardians()) {
                guardians += notifications.sendToGuardian(
                        guardian.guardianId(),
                        new NewNotification(
                                null,
                                countyId,
                                schoolId,
                                TOPIC,
                                "pickup.alert.guardian",
                                List.of(child.name(), day.toString(), end),
                                "/guardian/children/" + child.id() + "/pickup"));
            }
        }
        log.info(
                "Pickup alert for school {} on {}: {} children not yet picked up, {} guardian and {} admin accounts told",
                schoolId,
                day,
                waiting.size(),
                guardians,
                admins);
        return new Alert(
                schoolId,
                day,
                service,
                due,
                waiting.stream().map(StudentRow::id).toList(),
                guardians,
                admins);
    }

    /** When a school's hand-over alert of a day is due; null when it is not a school day or the time is not set. */
    private record Due(
            LocalDate day, PickupService service, @Nullable LocalDateTime at, LocalDateTime computedAt) {}

    /** An alert raised: the children not yet picked up and how many accounts were told. */
    record Alert(
            UUID schoolId,
            LocalDate day,
            PickupService service,
            LocalDateTime due,
            List<UUID> waiting,
            int guardiansNotified,
            int adminsNotified) {}
}
