package org.kehou.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
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
 * A classroom, function room or sports ground opened on a day without school (SCOPE-3, 双休日、寒暑假): date, time,
 * capacity, supervising staff, care or enrichment. Students book it once it is published.
 */
@Table(schema = "catalog", name = "opening")
class Opening {

    enum State {
        DRAFT,
        PUBLISHED,
        CANCELLED
    }

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID venueId;
    private final LocalDate onDate;
    private final LocalTime startsAt;
    private final LocalTime endsAt;
    private final int capacity;
    private final OpeningPurpose purpose;
    private State state;

    @MappedCollection(idColumn = "opening_id")
    private Set<OpeningSupervisor> supervisors = new HashSet<>();

    @PersistenceCreator
    Opening(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID venueId,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose,
            State state) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.venueId = venueId;
        this.onDate = onDate;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.capacity = capacity;
        this.purpose = purpose;
        this.state = state;
    }

    static Opening plan(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID venueId,
            LocalDate onDate,
            LocalTime startsAt,
            LocalTime endsAt,
            int capacity,
            OpeningPurpose purpose,
            Collection<UUID> supervisors) {
        Opening opening = new Opening(
                id, null, countyId, schoolId, venueId, onDate, startsAt, endsAt, capacity, purpose, State.DRAFT);
        supervisors.forEach(s -> opening.supervisors.add(new OpeningSupervisor(countyId, schoolId, s)));
        return opening;
    }

    void publish() {
        if (state != State.DRAFT) {
            throw new RuleViolation("opening.notDraft");
        }
        state = State.PUBLISHED;
    }

    boolean isActive() {
        return state != State.CANCELLED;
    }

    State state() {
        return state;
    }

    /** Whether it uses the same venue at a time that overlaps the other's. */
    boolean clashesWith(Opening other) {
        return venueId.equals(other.venueId)
                && onDate.equals(other.onDate)
                && startsAt.isBefore(other.endsAt)
                && other.startsAt.isBefore(endsAt);
    }

    UUID id() {
        return id;
    }

    UUID schoolId() {
        return schoolId;
    }

    LocalDate onDate() {
        return onDate;
    }

    LocalTime startsAt() {
        return startsAt;
    }

    LocalTime endsAt() {
        return endsAt;
    }

    int capacity() {
        return capacity;
    }

    UUID venueId() {
        return venueId;
    }

    List<UUID> supervisorIds() {
        return supervisors.stream().map(OpeningSupervisor::staffId).sorted().toList();
    }
}
