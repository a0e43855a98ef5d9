package org.kehou.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A room or ground of a school with the number of students it holds (CONTENT-6, COURSE-3). */
@Table(schema = "catalog", name = "venue")
class Venue {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final String name;
    private final VenueKind kind;
    private final int capacity;

    @PersistenceCreator
    Venue(UUID id, @Nullable Long version, UUID countyId, UUID schoolId, String name, VenueKind kind, int capacity) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.name = name;
        this.kind = kind;
        this.capacity = capacity;
    }

    static Venue add(UUID id, UUID countyId, UUID schoolId, String name, VenueKind kind, int capacity) {
        if (capacity < 1) {
            throw new RuleViolation("venue.capacityTooSmall");
        }
        return new Venue(id, null, countyId, schoolId, name, kind, capacity);
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

    VenueKind kind() {
        return kind;
    }

    int capacity() {
        return capacity;
    }
}
