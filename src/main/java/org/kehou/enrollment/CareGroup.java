package org.kehou.enrollment;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A group in which a school looks after the children of extended care together (集中看管, SCOPE-2): a name, the
 * member of staff who supervises it and the room it meets in (one of the school's venues, or a room named freely).
 */
@Table(schema = "enrollment", name = "care_group")
class CareGroup {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final String name;
    private final UUID supervisorId;
    private final String supervisorName;
    private final String room;
    private final @Nullable UUID venueId;
    private final LocalDateTime formedAt;

    @PersistenceCreator
    CareGroup(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            String name,
            UUID supervisorId,
            String supervisorName,
            String room,
            @Nullable UUID venueId,
            LocalDateTime formedAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.name = name;
        this.supervisorId = supervisorId;
        this.supervisorName = supervisorName;
        this.room = room;
        this.venueId = venueId;
        this.formedAt = formedAt;
    }

    static CareGroup form(
            UUID id,
            UUID countyId,
            UUID schoolId,
            String name,
            UUID supervisorId,
            String supervisorName,
            String room,
            @Nullable UUID venueId,
            LocalDateTime now) {
        if (name.isBlank()) {
            throw new RuleViolation("care.group.nameRequired");
        }
        if (room.isBlank()) {
            throw new RuleViolation("care.group.roomRequired");
        }
        return new CareGroup(
                id, null, countyId, schoolId, name.strip(), supervisorId, supervisorName, room.strip(), venueId, now);
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

    String name() {
        return name;
    }

    UUID supervisorId() {
        return supervisorId;
    }

    String supervisorName() {
        return supervisorName;
    }

    String room() {
        return room;
    }

    @Nullable
    UUID venueId() {
        return venueId;
    }
}
