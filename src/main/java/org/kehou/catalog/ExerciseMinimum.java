package org.kehou.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The minimum exercise minutes per slot (CONTENT-3): the city's default (no county) or a county's own, higher. */
@Table(schema = "catalog", name = "exercise_minimum")
class ExerciseMinimum {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final @Nullable UUID countyId;
    private int minutes;

    @PersistenceCreator
    ExerciseMinimum(UUID id, @Nullable Long version, @Nullable UUID countyId, int minutes) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.minutes = minutes;
    }

    void change(int minutes) {
        this.minutes = minutes;
    }

    @Nullable
    UUID countyId() {
        return countyId;
    }

    int minutes() {
        return minutes;
    }
}
