package org.kehou.operations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kehou.catalog.ServiceKind;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.ServicePlanning.ServiceTimeSummary;
import org.kehou.organization.TermCalendar;
import org.kehou.organization.TermDirectory;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Component;

/**
 * When a school's services run and end (OPS-2): whether a day is one of its school days, and the end of each service
 * in the term of that day, from the catalog's service times. These are the school's own timetable, not personal
 * data, so they are read for any member of its staff (a teacher may not read the school as a whole) with a read-only
 * scope of that school.
 */
@Component
class PickupSchedule {

    private static final UUID READER = new UUID(0, 0);

    private final ServicePlanning planning;
    private final TermDirectory terms;

    PickupSchedule(ServicePlanning planning, TermDirectory terms) {
        this.planning = planning;
        this.terms = terms;
    }

    /** A read-only scope of one school, for the timetable and for the scheduled check, which has no user. */
    static UserScope reader(UUID schoolId) {
        return new UserScope(READER, "system", Set.of(Role.INSPECTOR), null, schoolId, null, null, null);
    }

    /**
     * The term of the school that contains the day, if any, with its calendar: a snapshot kept in memory for a few
     * seconds (ADR 0020), since every roll call checks it (OPS-1).
     */
    Optional<TermCalendar> termOf(UUID schoolId, LocalDate day) {
        return terms.calendarOn(schoolId, day);
    }

    boolean isSchoolDay(UUID schoolId, LocalDate day) {
        return termOf(schoolId, day).map(t -> t.isSchoolDay(day)).orElse(false);
    }

    /** Whether the service runs at the school on the day: the slots and the rest on school days, openings on others. */
    boolean runs(UUID schoolId, LocalDate day, PickupService service) {
        return service.onSchoolDays() == isSchoolDay(schoolId, day);
    }

    /** When the service ends on the day, as the school has set it for the term; empty when not set or not run. */
    Optional<LocalTime> endsAt(UUID schoolId, LocalDate day, PickupService service) {
        ServiceKind kind = service.catalogKind();
        if (kind == null) {
            return Optional.empty();
        }
        return termOf(schoolId, day)
                .flatMap(term -> times(schoolId, term).stream()
                        .filter(t -> t.kind() == kind && t.offered())
                        .findFirst()
                        .map(ServiceTimeSummary::endsAt));
    }

    /**
     * The service after which children go home unless registrations say otherwise: the last of slot 2 and slot 1 the
     * school offers in the term (see ADR 0009); slot 2 when the school has set neither.
     */
    PickupService handOverService(UUID schoolId, LocalDate day) {
        List<ServiceTimeSummary> times =
                termOf(schoolId, day).map(t -> times(schoolId, t)).orElse(List.of());
        boolean slotTwo = times.stream().anyMatch(t -> t.kind() == ServiceKind.SLOT_2 && t.offered());
        boolean slotOne = times.stream().anyMatch(t -> t.kind() == ServiceKind.SLOT_1 && t.offered());
        return !slotTwo && slotOne ? PickupService.SLOT_1 : PickupService.SLOT_2;
    }

    private List<ServiceTimeSummary> times(UUID schoolId, TermCalendar term) {
        return planning.serviceTimes(reader(schoolId), schoolId, term.id());
    }
}
