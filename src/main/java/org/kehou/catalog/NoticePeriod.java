package org.kehou.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The days a county requires a fee notice to be public before its offering opens for registration (ENROL-5). */
@Table(schema = "catalog", name = "notice_period")
class NoticePeriod {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private int days;

    @PersistenceCreator
    NoticePeriod(UUID id, @Nullable Long version, UUID countyId, int days) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.days = days;
    }

    void change(int days) {
        this.days = days;
    }

    int days() {
        return days;
    }
}
