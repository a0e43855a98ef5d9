package org.kehou.catalog;

import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * When a school runs one kind of service on its school days in a term, for which grades, or that it does not run it
 * at all (SCOPE-1, SCOPE-2, CONTENT-4, CONTENT-6, CONTENT-7). One per school, term and kind; an offered service has
 * its times.
 */
@Table(schema = "catalog", name = "service_time")
class ServiceTime {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID termId;
    private final ServiceKind kind;
    private boolean offered;
    private @Nullable LocalTime startsAt;
    private @Nullable LocalTime endsAt;
    private int firstGrade;
    private int lastGrade;

    @PersistenceCreator
    ServiceTime(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID termId,
            ServiceKind kind,
            boolean offered,
            @Nullable LocalTime startsAt,
            @Nullable LocalTime endsAt,
            int firstGrade,
            int lastGrade) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.termId = termId;
        this.kind = kind;
        this.offered = offered;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
    }

    static ServiceTime set(
            UUID id,
            UUID countyId,
            UUID schoolId,
            UUID termId,
            ServiceKind kind,
            boolean offered,
            @Nullable LocalTime startsAt,
            @Nullable LocalTime endsAt,
            int firstGrade,
            int lastGrade) {
        return new ServiceTime(
                id, null, countyId, schoolId, termId, kind, offered, startsAt, endsAt, firstGrade, lastGrade);
    }

    /** The same service with other times and grades, to check before it is changed. */
    ServiceTime revised(
            boolean offered, @Nullable LocalTime startsAt, @Nullable LocalTime endsAt, int firstGrade, int lastGrade) {
        return new ServiceTime(
                id, version, countyId, schoolId, termId, kind, offered, startsAt, endsAt, firstGrade, lastGrade);
    }

    /** Whether both serve a grade in common, so that one must end before the other starts. */
    boolean sharesGradesWith(ServiceTime other) {
        return firstGrade <= other.lastGrade && other.firstGrade <= lastGrade;
    }

    UUID id() {
        return id;
    }

    UUID schoolId() {
        return schoolId;
    }

    UUID termId() {
        return termId;
    }

    ServiceKind kind() {
        return kind;
    }

    boolean offered() {
        return offered;
    }

    @Nullable
    LocalTime startsAt() {
        return startsAt;
    }

    @Nullable
    LocalTime endsAt() {
        return endsAt;
    }

    int firstGrade() {
        return firstGrade;
    }

    int lastGrade() {
        return lastGrade;
    }
}
