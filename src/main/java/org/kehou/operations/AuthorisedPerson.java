package org.kehou.operations;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person a child's guardian allows to collect the child (OPS-2): name, relation, mobile number and, if given, a
 * photo staff compare at the gate.
 *
 * @param addedBy the guardian who added them
 */
@Table(schema = "operations", name = "pickup_person")
record AuthorisedPerson(
        UUID personId,
        UUID countyId,
        UUID schoolId,
        String name,
        PickupRelation relation,
        String mobile,
        @Nullable UUID photoId,
        UUID addedBy,
        LocalDateTime addedAt) {}
