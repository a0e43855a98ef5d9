package org.kehou.organization;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A teacher or other staff member of a school, known by a staff number unique in the city. */
@Table(schema = "organization", name = "staff")
public class Staff {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final String staffNo;
    private String name;
    private @Nullable String mobile;
    private StaffPosition position;
    private @Nullable String subject;
    private final boolean demo;

    @PersistenceCreator
    Staff(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            String staffNo,
            String name,
            @Nullable String mobile,
            StaffPosition position,
            @Nullable String subject,
            boolean demo) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.staffNo = staffNo;
        this.name = name;
        this.mobile = mobile;
        this.position = position;
        this.subject = subject;
        this.demo = demo;
    }

    public UUID id() {
        return id;
    }

    public UUID schoolId() {
        return schoolId;
    }

    public String staffNo() {
        return staffNo;
    }

    public String name() {
        return name;
    }

    public @Nullable String mobile() {
        return mobile;
    }

    public StaffPosition position() {
        return position;
    }
}
