package org.kehou.organization;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A guardian's link to a student, with the relation (one student, several guardians; ORG-1). */
@Table(schema = "organization", name = "student_guardian")
public record GuardianLink(UUID guardianId, Relation relation, boolean primaryContact) {}
