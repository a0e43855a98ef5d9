package org.kehou.operations;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
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
 * Something that happened to children during the service (OPS-4): an injury, an illness, a conflict; when and
 * where, what happened, what the staff did, and the children involved, whose guardians are told.
 */
@Table(schema = "operations", name = "incident")
class Incident {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final IncidentKind kind;
    private final LocalDateTime occurredAt;
    private final String place;
    private final String description;
    private final String actions;
    private final UUID reportedBy;
    private final String reportedByName;
    private final LocalDateTime reportedAt;

    @MappedCollection(idColumn = "incident_id")
    private Set<IncidentChild> children = new HashSet<>();

    @PersistenceCreator
    Incident(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            IncidentKind kind,
            LocalDateTime occurredAt,
            String place,
            String description,
            String actions,
            UUID reportedBy,
            String reportedByName,
            LocalDateTime reportedAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.place = place;
        this.description = description;
        this.actions = actions;
        this.reportedBy = reportedBy;
        this.reportedByName = reportedByName;
        this.reportedAt = reportedAt;
    }

    static Incident report(
            UUID id,
            UUID countyId,
            UUID schoolId,
            IncidentKind kind,
            LocalDateTime occurredAt,
            String place,
            String description,
            String actions,
            Collection<IncidentChild> children,
            UUID reportedBy,
            String reportedByName,
            LocalDateTime now) {
        if (description.isBlank()) {
            throw new RuleViolation("incident.description.required");
        }
        if (actions.isBlank()) {
            throw new RuleViolation("incident.actions.required");
        }
        Incident incident = new Incident(
                id,
                null,
                countyId,
                schoolId,
                kind,
                occurredAt,
                place.strip(),
                description.strip(),
                actions.strip(),
                reportedBy,
                reportedByName,
                now);
        incident.children.addAll(children);
        return incident;
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

    IncidentKind kind() {
        return kind;
    }

    LocalDateTime occurredAt() {
        return occurredAt;
    }

    String actions() {
        return actions;
    }

    List<IncidentChild> children() {
        return children.stream()
                .sorted(Comparator.comparing(IncidentChild::studentName))
                .toList();
    }
}
