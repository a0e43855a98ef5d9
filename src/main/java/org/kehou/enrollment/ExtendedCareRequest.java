package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A guardian's request that their child stay in supervised care after the after-school service on some weekdays,
 * to be picked up by a latest time (延时托管, SCOPE-2). The school approves it by placing the child in one of its care
 * groups (集中看管), or declines it with a reason; it is decided once ({@link DecidedOnceRule}).
 */
@Table(schema = "enrollment", name = "extended_care_request")
class ExtendedCareRequest {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID studentId;
    private final String studentName;
    private final int gradeLevel;
    private final String className;
    private final UUID guardianId;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final LocalTime pickupBy;
    private final String reason;
    private CareStatus status;
    private @Nullable UUID careGroupId;
    private @Nullable String declineReason;
    private final LocalDateTime submittedAt;
    private @Nullable LocalDateTime decidedAt;

    @MappedCollection(idColumn = "request_id")
    private Set<ExtendedCareWeekday> weekdays = new HashSet<>();

    @PersistenceCreator
    ExtendedCareRequest(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID studentId,
            String studentName,
            int gradeLevel,
            String className,
            UUID guardianId,
            LocalDate firstDay,
            LocalDate lastDay,
            LocalTime pickupBy,
            String reason,
            CareStatus status,
            @Nullable UUID careGroupId,
            @Nullable String declineReason,
            LocalDateTime submittedAt,
            @Nullable LocalDateTime decidedAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.studentId = studentId;
        this.studentName = studentName;
        this.gradeLevel = gradeLevel;
        this.className = className;
        this.guardianId = guardianId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.pickupBy = pickupBy;
        this.reason = reason;
        this.status = status;
        this.careGroupId = careGroupId;
        this.declineReason = declineReason;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
    }

    /** Files a request; the dates and weekdays have been checked against the school's calendar by the caller. */
    static ExtendedCareRequest submit(
            UUID id,
            CareChild child,
            UUID guardianId,
            LocalDate firstDay,
            LocalDate lastDay,
            Collection<DayOfWeek> weekdays,
            LocalTime pickupBy,
            String reason,
            LocalDateTime now) {
        PickupTimeRule.check(pickupBy).enforce();
        if (reason.isBlank()) {
            throw new RuleViolation("care.reason.required");
        }
        if (weekdays.isEmpty() || !CareWeekdaysRule.SCHOOL_WEEK.containsAll(weekdays)) {
            throw new RuleViolation("care.weekdays.none");
        }
        ExtendedCareRequest request = new ExtendedCareRequest(
                id,
                null,
                child.countyId(),
                child.schoolId(),
                child.studentId(),
                child.name(),
                child.gradeLevel(),
                child.className(),
                guardianId,
                firstDay,
                lastDay,
                pickupBy,
                reason.strip(),
                CareStatus.PENDING,
                null,
                null,
                now,
                null);
        weekdays.forEach(d -> request.weekdays.add(new ExtendedCareWeekday(child.countyId(), child.schoolId(), d)));
        return request;
    }

    void approve(UUID groupId, LocalDateTime now) {
        DecidedOnceRule.decide(status).enforce();
        status = CareStatus.ACCEPTED;
        careGroupId = groupId;
        decidedAt = now;
    }

    void decline(@Nullable String why, LocalDateTime now) {
        DecidedOnceRule.decide(status).and(() -> DeclineReasonRule.check(why)).enforce();
        status = CareStatus.DECLINED;
        declineReason = why == null ? null : why.strip();
        decidedAt = now;
    }

    void regroup(UUID groupId) {
        DecidedOnceRule.reassign(status).enforce();
        careGroupId = groupId;
    }

    UUID id() {
        return id;
    }

    UUID countyId() {
        return countyId;
    }

    UUID schoolId() {
        return schoolId;
    }

    UUID studentId() {
        return studentId;
    }

    String studentName() {
        return studentName;
    }

    UUID guardianId() {
        return guardianId;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    LocalTime pickupBy() {
        return pickupBy;
    }

    CareStatus status() {
        return status;
    }

    @Nullable
    UUID careGroupId() {
        return careGroupId;
    }

    @Nullable
    String declineReason() {
        return declineReason;
    }

    Set<DayOfWeek> weekdays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        weekdays.forEach(w -> days.add(w.weekday()));
        return days;
    }
}
