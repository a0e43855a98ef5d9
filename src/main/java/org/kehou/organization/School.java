package org.kehou.organization;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A school of a county (ORG-1); its stage fixes its grades. */
@Table(schema = "organization", name = "school")
public class School {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private String code;
    private String name;
    private Stage stage;
    private @Nullable String address;
    private final boolean demo;
    private final LocalDateTime createdAt;

    @PersistenceCreator
    School(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            String code,
            String name,
            Stage stage,
            @Nullable String address,
            boolean demo,
            LocalDateTime createdAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.code = code;
        this.name = name;
        this.stage = stage;
        this.address = address;
        this.demo = demo;
        this.createdAt = createdAt;
    }

    static School open(
            UUID id,
            UUID countyId,
            String code,
            String name,
            Stage stage,
            @Nullable String address,
            boolean demo,
            LocalDateTime at) {
        return new School(id, null, countyId, code, name, stage, address, demo, at);
    }

    void rename(String code, String name, Stage stage, @Nullable String address) {
        this.code = code;
        this.name = name;
        this.stage = stage;
        this.address = address;
    }

    public UUID id() {
        return id;
    }

    public UUID countyId() {
        return countyId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Stage stage() {
        return stage;
    }

    public @Nullable String address() {
        return address;
    }

    public boolean demo() {
        return demo;
    }
}
