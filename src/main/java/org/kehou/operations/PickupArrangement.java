package org.kehou.operations;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.MobileNumber;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Who may collect a child besides the child's guardians, who always may (OPS-2): the people the guardians authorise
 * ({@link PersonLimitRule}), and whether the guardians consent to the child going home alone. Only the child's
 * guardians change it.
 */
@Table(schema = "operations", name = "pickup_arrangement")
class PickupArrangement {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID studentId;
    private boolean aloneConsent;
    private @Nullable LocalDateTime consentChangedAt;
    private @Nullable UUID consentChangedBy;

    @MappedCollection(idColumn = "arrangement_id")
    private Set<AuthorisedPerson> persons = new HashSet<>();

    @PersistenceCreator
    PickupArrangement(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID studentId,
            boolean aloneConsent,
            @Nullable LocalDateTime consentChangedAt,
            @Nullable UUID consentChangedBy) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.studentId = studentId;
        this.aloneConsent = aloneConsent;
        this.consentChangedAt = consentChangedAt;
        this.consentChangedBy = consentChangedBy;
    }

    /** A child's arrangement before their guardians have said anything: guardians only, never alone. */
    static PickupArrangement of(UUID id, UUID countyId, UUID schoolId, UUID studentId) {
        return new PickupArrangement(id, null, countyId, schoolId, studentId, false, null, null);
    }

    AuthorisedPerson authorise(
            UUID personId,
            String name,
            PickupRelation relation,
            MobileNumber mobile,
            @Nullable UUID photoId,
            UUID guardianId,
            LocalDateTime now) {
        PersonLimitRule.check(persons.stream().map(AuthorisedPerson::name).toList(), name)
                .enforce();
        AuthorisedPerson person = new AuthorisedPerson(
                personId, countyId, schoolId, name, relation, mobile.value(), photoId, guardianId, now);
        persons.add(person);
        return person;
    }

    /** Takes a person off the list; empty when they are not on it. */
    Optional<AuthorisedPerson> remove(UUID personId) {
        Optional<AuthorisedPerson> found = person(personId);
        found.ifPresent(persons::remove);
        return found;
    }

    /** Gives or withdraws the standing consent to go home alone. */
    void consentToGoingAlone(boolean consent, UUID guardianId, LocalDateTime now) {
        this.aloneConsent = consent;
        this.consentChangedAt = now;
        this.consentChangedBy = guardianId;
    }

    Optional<AuthorisedPerson> person(UUID personId) {
        return persons.stream().filter(p -> p.personId().equals(personId)).findFirst();
    }

    /** The people on the list, in the order they were added. */
    List<AuthorisedPerson> persons() {
        return persons.stream()
                .sorted(Comparator.comparing(AuthorisedPerson::addedAt).thenComparing(AuthorisedPerson::name))
                .toList();
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

    UUID studentId() {
        return studentId;
    }

    boolean aloneConsent() {
        return aloneConsent;
    }

    @Nullable
    LocalDateTime consentChangedAt() {
        return consentChangedAt;
    }
}
