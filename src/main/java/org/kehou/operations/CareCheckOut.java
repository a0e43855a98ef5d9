package org.kehou.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.CareRequests.CareGroupSummary;
import org.kehou.enrollment.CareRequests.CareRequestSummary;
import org.kehou.operations.PickupManagement.ChildStatus;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The extended-care check-out (SCOPE-2, ADR 0016): for the supervising staff of each care group, the group's children
 * of a day with their latest pickup time and their hand-over status. The hand-over itself is
 * {@link PickupManagement#release} with {@link PickupService#EXTENDED_CARE}, so the same people, flags, consent and
 * refusals hold as at the gate. A child still waiting after their latest pickup time is marked late. A teacher who
 * supervises no group that day is answered as not found.
 */
@Service
@Transactional(readOnly = true)
public class CareCheckOut {

    private final CareRequests care;
    private final PickupManagement pickup;
    private final Clock clock;

    CareCheckOut(CareRequests care, PickupManagement pickup, Clock clock) {
        this.care = care;
        this.pickup = pickup;
        this.clock = clock;
    }

    /** The care groups the signed-in teacher supervises on the day, each with its children; none on a day off. */
    public List<GroupCheckOut> day(UserScope scope, LocalDate day) {
        UUID staff = scope.staffId();
        UUID school = scope.schoolId();
        if (!scope.has(Role.TEACHER) || staff == null || school == null) {
            throw new NotFoundException("care group");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return care.extendedCareRoster(PickupSchedule.reader(school), school, day).groups().stream()
                .filter(g -> g.group().supervisorId().equals(staff))
                .map(g -> new GroupCheckOut(
                        g.group(),
                        g.children().stream()
                                .map(c -> child(scope, c, day, now))
                                .toList()))
                .toList();
    }

    /** One child of the caller's care group on the day, as {@link #day} lists them. */
    public CareChild child(UserScope scope, UUID studentId, LocalDate day) {
        LocalDateTime now = LocalDateTime.now(clock);
        return day(scope, day).stream()
                .flatMap(g -> g.children().stream())
                .filter(c -> c.status().studentId().equals(studentId))
                .findFirst()
                .map(c -> new CareChild(
                        c.pickupBy(), pickup.status(scope, studentId, day, PickupService.EXTENDED_CARE), c.late()))
                .orElseThrow(() -> new NotFoundException("student"));
    }

    private CareChild child(UserScope scope, CareRequestSummary request, LocalDate day, LocalDateTime now) {
        ChildStatus status = pickup.status(scope, request.studentId(), day, PickupService.EXTENDED_CARE);
        LocalTime by = request.pickupBy();
        boolean late = !status.released() && by != null && now.isAfter(day.atTime(by));
        return new CareChild(by, status, late);
    }

    /**
     * A child of a care group at the end of extended care.
     *
     * @param pickupBy the latest pickup time the guardians gave, if any
     * @param late whether the child is still waiting after it
     */
    public record CareChild(@Nullable LocalTime pickupBy, ChildStatus status, boolean late) {}

    /** A care group and its children on a day. */
    public record GroupCheckOut(CareGroupSummary group, List<CareChild> children) {

        public long released() {
            return children.stream().filter(c -> c.status().released()).count();
        }

        public List<CareChild> waiting() {
            return children.stream().filter(c -> !c.status().released()).toList();
        }
    }
}
