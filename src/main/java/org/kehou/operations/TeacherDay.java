package org.kehou.operations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.ServicePlanning.ServiceTimeSummary;
import org.kehou.catalog.Slot;
import org.kehou.catalog.StaffSessions;
import org.kehou.catalog.StaffSessions.SupervisedOpening;
import org.kehou.catalog.StaffSessions.TaughtOffering;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.CareRequests.CareRequestSummary;
import org.kehou.enrollment.CareRequests.RosterGroup;
import org.kehou.enrollment.CareStatus;
import org.kehou.enrollment.Rosters;
import org.kehou.organization.TermCalendar;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's sessions of a day (OPS-1 context, SCOPE-1..3; ADR 0014), in time order: the slot-1, slot-2 and evening
 * offerings they instruct on that weekday of a school day of the term, the early arrivals they look after and the
 * extended-care groups they supervise, and on a day without school the openings they supervise. Each comes with its
 * time from the school's service times, its place and how many children it has: the confirmed registrations of an
 * offering, the accepted requests of care. Only the signed-in teacher's own sessions, never a colleague's.
 */
@Service
@Transactional(readOnly = true)
public class TeacherDay {

    private final PickupSchedule schedule;
    private final ServicePlanning planning;
    private final StaffSessions sessions;
    private final CareRequests care;
    private final Rosters rosters;

    TeacherDay(
            PickupSchedule schedule,
            ServicePlanning planning,
            StaffSessions sessions,
            CareRequests care,
            Rosters rosters) {
        this.schedule = schedule;
        this.planning = planning;
        this.sessions = sessions;
        this.care = care;
        this.rosters = rosters;
    }

    /** The signed-in teacher's sessions on the day, earliest first; empty on a day they serve nothing. */
    public Day of(UserScope scope, LocalDate day) {
        UUID staffId = scope.staffId();
        UUID schoolId = scope.schoolId();
        if (!scope.has(Role.TEACHER) || staffId == null || schoolId == null) {
            throw new NotFoundException("staff");
        }
        Optional<TermCalendar> term = schedule.termOf(schoolId, day);
        boolean schoolDay = term.map(t -> t.isSchoolDay(day)).orElse(false);
        List<Session> list = new ArrayList<>();
        if (schoolDay) {
            Map<ServiceKind, ServiceTimeSummary> times =
                    planning
                            .serviceTimes(
                                    PickupSchedule.reader(schoolId),
                                    schoolId,
                                    term.get().id())
                            .stream()
                            .collect(Collectors.toMap(ServiceTimeSummary::kind, Function.identity(), (a, b) -> a));
            for (TaughtOffering offering :
                    sessions.taughtOn(schoolId, term.get().id(), staffId, day)) {
                SessionKind kind = SessionKind.of(offering.slot());
                ServiceTimeSummary time = times.get(kind.service());
                list.add(new Session(
                        kind,
                        offering.id(),
                        time == null ? null : time.startsAt(),
                        time == null ? null : time.endsAt(),
                        offering.courseName(),
                        offering.venueName(),
                        rosters.confirmedChildIds(offering.id()).size()));
            }
            UserScope reader = PickupSchedule.reader(schoolId);
            List<CareRequestSummary> arrivals = care.expectedArrivals(reader, schoolId, day).children().stream()
                    .filter(c -> c.status() == CareStatus.ACCEPTED && staffId.equals(c.careStaffId()))
                    .toList();
            if (!arrivals.isEmpty()) {
                ServiceTimeSummary time = times.get(ServiceKind.EARLY_ARRIVAL);
                list.add(new Session(
                        SessionKind.EARLY_ARRIVAL,
                        null,
                        time == null ? arrivals.getFirst().arrivalTime() : time.startsAt(),
                        time == null ? null : time.endsAt(),
                        null,
                        null,
                        arrivals.size()));
            }
            for (RosterGroup group :
                    care.extendedCareRoster(reader, schoolId, day).groups()) {
                if (!group.group().supervisorId().equals(staffId)) {
                    continue;
                }
                ServiceTimeSummary time = times.get(ServiceKind.EXTENDED_CARE);
                list.add(new Session(
                        SessionKind.EXTENDED_CARE,
                        group.group().id(),
                        time == null ? null : time.startsAt(),
                        time == null ? null : time.endsAt(),
                        group.group().name(),
                        group.group().room(),
                        group.children().size()));
            }
        } else {
            for (SupervisedOpening opening : sessions.supervisedOn(schoolId, staffId, day)) {
                list.add(new Session(
                        SessionKind.OPENING,
                        opening.id(),
                        opening.startsAt(),
                        opening.endsAt(),
                        null,
                        opening.venueName(),
                        null));
            }
        }
        list.sort(Comparator.comparing(Session::startsAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Session::kind));
        return new Day(day, schoolDay, List.copyOf(list));
    }

    /** What kind of session a teacher serves; the order is the order of the school day. */
    public enum SessionKind {
        EARLY_ARRIVAL(ServiceKind.EARLY_ARRIVAL),
        SLOT_1(ServiceKind.SLOT_1),
        SLOT_2(ServiceKind.SLOT_2),
        EXTENDED_CARE(ServiceKind.EXTENDED_CARE),
        EVENING(ServiceKind.EVENING),
        OPENING(null);

        private final @Nullable ServiceKind service;

        SessionKind(@Nullable ServiceKind service) {
            this.service = service;
        }

        static SessionKind of(Slot slot) {
            return switch (slot) {
                case SLOT_1 -> SLOT_1;
                case SLOT_2 -> SLOT_2;
                case EVENING -> EVENING;
            };
        }

        @Nullable
        ServiceKind service() {
            return service;
        }

        /** Whether it is an offering's session, with its roll call and homework. */
        public boolean isOffering() {
            return this == SLOT_1 || this == SLOT_2 || this == EVENING;
        }

        public String messageKey() {
            return "today.kind." + name();
        }
    }

    /**
     * One session of the teacher's day.
     *
     * @param id the offering, care group or opening; none for early arrival, which is one list per day
     * @param startsAt when it starts, as the school has set the service's times (null when not set)
     * @param title the course or care group
     * @param place the venue or room
     * @param children how many children it has; null for an opening, which has no bookings yet
     */
    public record Session(
            SessionKind kind,
            @Nullable UUID id,
            @Nullable LocalTime startsAt,
            @Nullable LocalTime endsAt,
            @Nullable String title,
            @Nullable String place,
            @Nullable Integer children) {}

    /**
     * A teacher's day.
     *
     * @param schoolDay whether the day is a school day of a term of the teacher's school
     */
    public record Day(LocalDate day, boolean schoolDay, List<Session> sessions) {}
}
