package org.kehou.enrollment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A guardian's request that their child be looked after from an early time on school days (提前到校看护, SCOPE-1).
 * The school accepts it by assigning one of its staff, or declines it with a reason; a request stating the
 * guardian's special need cannot be declined ({@link SpecialNeedRule}). It is decided once ({@link DecidedOnceRule}).
 */
@Table(schema = "enrollment", name = "early_arrival_request")
class EarlyArrivalRequest {

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
    private final LocalTime arrivalTime;
    private final String reason;
    private final boolean specialNeed;
    private CareStatus status;
    private @Nullable UUID careStaffId;
    private @Nullable String careStaffName;
    private @Nullable String declineReason;
    private final LocalDateTime submittedAt;
    private @Nullable LocalDateTime decidedAt;

    @PersistenceCreator
    EarlyArrivalRequest(
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
            LocalTime arrivalTime,
            String reason,
            boolean specialNeed,
            CareStatus status,
            @Nullable UUID careStaffId,
            @Nullable String careStaffName,
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
        this.arrivalTime = arrivalTime;
        this.reason = reason;
        this.specialNeed = specialNeed;
        this.status = status;
        this.careStaffId = careStaffId;
        this.careStaffName = careStaffName;
        this.declineReason = declineReason;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
    }

    /** Files a request; the dates have been checked against the school's calendar by the caller. */
    static EarlyArrivalRequest submit(
            UUID id,
            CareChild child,
            UUID guardianId,
            LocalDate firstDay,
            LocalDate lastDay,
            LocalTime arrivalTime,
            String reason,
            boolean specialNeed,
            LocalDateTime now) {
        ArrivalTimeRule.check(arrivalTime).enforce();
        if (reason.isBlank()) {
            throw new RuleViolation("care.reason.required");
        }
        return new EarlyArrivalRequest(
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
                arrivalTime,
                reason.strip(),
                specialNeed,
                CareStatus.PENDING,
                null,
                null,
                null,
                now,
                null);
    }

    void accept(UUID staffId, String staffName, LocalDateTime now) {
        DecidedOnceRule.decide(status).enforce();
        status = CareStatus.ACCEPTED;
        careStaffId = staffId;
        careStaffName = staffName;
        decidedAt = now;
    }

    void decline(@Nullable String why, LocalDateTime now) {
        DecidedOnceRule.decide(status)
                .and(() -> SpecialNeedRule.decline(specialNeed))
                .and(() -> DeclineReasonRule.check(why))
                .enforce();
        status = CareStatus.DECLINED;
        declineReason = why == null ? null : why.strip();
        decidedAt = now;
    }

    void assignStaff(UUID staffId, String staffName) {
        DecidedOnceRule.reassign(status).enforce();
        careStaffId = staffId;
        careStaffName = staffName;
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

    LocalTime arrivalTime() {
        return arrivalTime;
    }

    boolean specialNeed() {
        return specialNeed;
    }

    CareStatus status() {
        return status;
    }

    @Nullable
    UUID careStaffId() {
        return careStaffId;
    }

    @Nullable
    String careStaffName() {
        return careStaffName;
    }

    @Nullable
    String declineReason() {
        return declineReason;
    }
}
