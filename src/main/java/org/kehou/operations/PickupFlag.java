package org.kehou.operations;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person the school must not hand a child to (OPS-2), such as a parent under a custody order; seen only by the
 * school's staff, never by the guardians' pages. It holds until lifted, and lifting it needs a reason.
 */
@Table(schema = "operations", name = "pickup_flag")
class PickupFlag {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID studentId;
    private final String name;
    private final @Nullable String idHint;
    private final String reason;
    private final UUID flaggedBy;
    private final String flaggedByName;
    private final LocalDateTime flaggedAt;
    private @Nullable UUID liftedBy;
    private @Nullable String liftedByName;
    private @Nullable LocalDateTime liftedAt;
    private @Nullable String liftReason;

    @PersistenceCreator
    PickupFlag(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID studentId,
            String name,
            @Nullable String idHint,
            String reason,
            UUID flaggedBy,
            String flaggedByName,
            LocalDateTime flaggedAt,
            @Nullable UUID liftedBy,
            @Nullable String liftedByName,
            @Nullable LocalDateTime liftedAt,
            @Nullable String liftReason) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.studentId = studentId;
        this.name = name;
        this.idHint = idHint;
        this.reason = reason;
        this.flaggedBy = flaggedBy;
        this.flaggedByName = flaggedByName;
        this.flaggedAt = flaggedAt;
        this.liftedBy = liftedBy;
        this.liftedByName = liftedByName;
        this.liftedAt = liftedAt;
        this.liftReason = liftReason;
    }

    static PickupFlag raise(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID studentId,
            String name,
            @Nullable String idHint,
            String reason,
            UUID staffAccount,
            String staffName,
            LocalDateTime now) {
        if (name.isBlank()) {
            throw new RuleViolation("pickup.flag.nameRequired");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("pickup.flag.reasonRequired");
        }
        return new PickupFlag(
                id,
                null,
                countyId,
                schoolId,
                studentId,
                name.strip(),
                idHint == null || idHint.isBlank() ? null : idHint.strip(),
                reason.strip(),
                staffAccount,
                staffName,
                now,
                null,
                null,
                null,
                null);
    }

    /** Lifts the flag, once, with a reason. */
    void lift(String reason, UUID staffAccount, String staffName, LocalDateTime now) {
        if (liftedAt != null) {
            throw new RuleViolation("pickup.flag.alreadyLifted");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("pickup.flag.liftReasonRequired");
        }
        this.liftReason = reason.strip();
        this.liftedBy = staffAccount;
        this.liftedByName = staffName;
        this.liftedAt = now;
    }

    boolean active() {
        return liftedAt == null;
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

    String name() {
        return name;
    }

    @Nullable
    String idHint() {
        return idHint;
    }

    String reason() {
        return reason;
    }

    @Nullable
    String liftReason() {
        return liftReason;
    }
}
