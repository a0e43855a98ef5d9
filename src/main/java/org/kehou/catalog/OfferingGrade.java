package org.kehou.catalog;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A grade whose students an offering takes. */
@Table(schema = "catalog", name = "offering_grade")
record OfferingGrade(UUID countyId, UUID schoolId, int gradeLevel) {}
