package org.kehou.catalog;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A person who teaches an offering: school staff, a talent-pool member or an institution's staff. */
@Table(schema = "catalog", name = "offering_instructor")
record OfferingInstructor(UUID countyId, UUID schoolId, UUID instructorId) {}
