package org.kehou.organization;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A class (班级) of one grade of a school. */
@Table(schema = "organization", name = "school_class")
public class SchoolClass {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final int gradeLevel;
    private String name;
    private final int entryYear;
    private @Nullable UUID headTeacherId;

    @PersistenceCreator
    SchoolClass(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            int gradeLevel,
            String name,
            int entryYear,
            @Nullable UUID headTeacherId) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.gradeLevel = gradeLevel;
        this.name = name;
        this.entryYear = entryYear;
        this.headTeacherId = headTeacherId;
    }

    void assignHeadTeacher(@Nullable UUID staffId) {
        this.headTeacherId = staffId;
    }

    public UUID id() {
        return id;
    }

    public UUID schoolId() {
        return schoolId;
    }

    public UUID countyId() {
        return countyId;
    }

    public int gradeLevel() {
        return gradeLevel;
    }

    public String name() {
        return name;
    }

    public @Nullable UUID headTeacherId() {
        return headTeacherId;
    }
}
