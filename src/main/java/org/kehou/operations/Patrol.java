package org.kehou.operations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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
 * A patrol of the after-school service by school staff (OPS-3, 每天巡查和记录): when and where, the offering looked
 * at if any, what was seen, the issues found, up to three photos, and the follow-up, open until resolved. A patrol
 * with an issue needs a follow-up ({@link FollowUpRule}).
 */
@Table(schema = "operations", name = "patrol")
class Patrol {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final LocalDateTime patrolledAt;
    private final LocalDate onDate;
    private final @Nullable UUID offeringId;
    private final @Nullable UUID venueId;
    private final String place;
    private final String observed;
    private final @Nullable String followUp;
    private FollowUpStatus followUpStatus;
    private @Nullable String resolution;
    private @Nullable LocalDateTime resolvedAt;
    private @Nullable String resolvedByName;
    private final UUID recordedBy;
    private final String recordedByName;
    private final LocalDateTime recordedAt;

    @MappedCollection(idColumn = "patrol_id")
    private Set<PatrolIssueEntry> issues = new HashSet<>();

    @MappedCollection(idColumn = "patrol_id", keyColumn = "position")
    private List<PatrolPhoto> photos = new ArrayList<>();

    @PersistenceCreator
    Patrol(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            LocalDateTime patrolledAt,
            LocalDate onDate,
            @Nullable UUID offeringId,
            @Nullable UUID venueId,
            String place,
            String observed,
            @Nullable String followUp,
            FollowUpStatus followUpStatus,
            @Nullable String resolution,
            @Nullable LocalDateTime resolvedAt,
            @Nullable String resolvedByName,
            UUID recordedBy,
            String recordedByName,
            LocalDateTime recordedAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.patrolledAt = patrolledAt;
        this.onDate = onDate;
        this.offeringId = offeringId;
        this.venueId = venueId;
        this.place = place;
        this.observed = observed;
        this.followUp = followUp;
        this.followUpStatus = followUpStatus;
        this.resolution = resolution;
        this.resolvedAt = resolvedAt;
        this.resolvedByName = resolvedByName;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedAt = recordedAt;
    }

    /** Records a patrol; the place has been resolved from the offering, the venue or the free text by the caller. */
    static Patrol record(
            UUID id,
            UUID countyId,
            UUID schoolId,
            LocalDateTime patrolledAt,
            @Nullable UUID offeringId,
            @Nullable UUID venueId,
            String place,
            String observed,
            Collection<PatrolIssue> issues,
            @Nullable String followUp,
            List<UUID> photoIds,
            UUID recordedBy,
            String recordedByName,
            LocalDateTime now) {
        if (observed.isBlank()) {
            throw new RuleViolation("patrol.observed.required");
        }
        String follow = followUp == null || followUp.isBlank() ? null : followUp.strip();
        FollowUpRule.check(issues, follow)
                .and(() -> PatrolPhotosRule.check(photoIds.size()))
                .enforce();
        Patrol patrol = new Patrol(
                id,
                null,
                countyId,
                schoolId,
                patrolledAt,
                patrolledAt.toLocalDate(),
                offeringId,
                venueId,
                place,
                observed.strip(),
                follow,
                follow == null ? FollowUpStatus.NONE : FollowUpStatus.OPEN,
                null,
                null,
                null,
                recordedBy,
                recordedByName,
                now);
        issues.forEach(i -> patrol.issues.add(new PatrolIssueEntry(countyId, schoolId, i)));
        photoIds.forEach(p -> patrol.photos.add(new PatrolPhoto(countyId, schoolId, p)));
        return patrol;
    }

    /** Closes the follow-up, saying how it was resolved; only an open one. */
    void resolve(String how, String byName, LocalDateTime now) {
        if (followUpStatus != FollowUpStatus.OPEN) {
            throw new RuleViolation("patrol.notOpen");
        }
        if (how.isBlank()) {
            throw new RuleViolation("patrol.resolution.required");
        }
        this.followUpStatus = FollowUpStatus.RESOLVED;
        this.resolution = how.strip();
        this.resolvedAt = now;
        this.resolvedByName = byName;
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

    FollowUpStatus followUpStatus() {
        return followUpStatus;
    }

    @Nullable
    UUID offeringId() {
        return offeringId;
    }

    LocalDate onDate() {
        return onDate;
    }
}
