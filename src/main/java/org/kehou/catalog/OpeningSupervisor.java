package org.kehou.catalog;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A staff member supervising a non-school-day opening. */
@Table(schema = "catalog", name = "opening_supervisor")
record OpeningSupervisor(UUID countyId, UUID schoolId, UUID staffId) {}
