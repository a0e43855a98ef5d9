package org.kehou.organization;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.Sex;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A student in a class, with the guardians linked to them (ORG-1). The ID number is kept only encrypted, with a
 * keyed hash for look-up and its masked form for lists.
 */
@Table(schema = "organization", name = "student")
public class Student {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private UUID countyId;
    private UUID schoolId;
    private UUID classId;
    private String name;
    private String idNumberCipher;
    private String idNumberHash;
    private String idNumberMasked;
    private Sex sex;
    private LocalDate birthDate;
    private final boolean demo;
    private final LocalDateTime createdAt;

    @MappedCollection(idColumn = "student_id")
    private Set<GuardianLink> guardians = new HashSet<>();

    @PersistenceCreator
    Student(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID classId,
            String name,
            String idNumberCipher,
            String idNumberHash,
            String idNumberMasked,
            Sex sex,
            LocalDate birthDate,
            boolean demo,
            LocalDateTime createdAt) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.classId = classId;
        this.name = name;
        this.idNumberCipher = idNumberCipher;
        this.idNumberHash = idNumberHash;
        this.idNumberMasked = idNumberMasked;
        this.sex = sex;
        this.birthDate = birthDate;
        this.demo = demo;
        this.createdAt = createdAt;
    }

    void correct(String name, UUID classId) {
        this.name = name;
        this.classId = classId;
    }

    /** Links a guardian, or changes the relation of one already linked. Returns whether anything changed. */
    boolean link(UUID guardianId, Relation relation, boolean primaryContact) {
        GuardianLink wanted = new GuardianLink(guardianId, relation, primaryContact);
        if (guardians.contains(wanted)) {
            return false;
        }
        guardians.removeIf(g -> g.guardianId().equals(guardianId));
        guardians.add(wanted);
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID countyId() {
        return countyId;
    }

    public UUID schoolId() {
        return schoolId;
    }

    public UUID classId() {
        return classId;
    }

    public String name() {
        return name;
    }

    String idNumberCipher() {
        return idNumberCipher;
    }

    String idNumberHash() {
        return idNumberHash;
    }

    public String idNumberMasked() {
        return idNumberMasked;
    }

    public Sex sex() {
        return sex;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Set<GuardianLink> guardians() {
        return Set.copyOf(guardians);
    }
}
