package org.kehou.organization;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A parent or guardian, known by a mobile number that is unique in the city. */
@Table(schema = "organization", name = "guardian")
public class Guardian {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private String name;
    private final String mobile;
    private @Nullable String idNumberCipher;
    private @Nullable String idNumberHash;
    private final boolean demo;
    private final LocalDateTime createdAt;

    @PersistenceCreator
    Guardian(
            UUID id,
            @Nullable Long version,
            String name,
            String mobile,
            @Nullable String idNumberCipher,
            @Nullable String idNumberHash,
            boolean demo,
            LocalDateTime createdAt) {
        this.id = id;
        this.version = version;
        this.name = name;
        this.mobile = mobile;
        this.idNumberCipher = idNumberCipher;
        this.idNumberHash = idNumberHash;
        this.demo = demo;
        this.createdAt = createdAt;
    }

    boolean rename(String name) {
        if (this.name.equals(name)) {
            return false;
        }
        this.name = name;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String mobile() {
        return mobile;
    }
}
