package org.kehou.operations;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A child involved in an incident, with the name and class kept as reported. */
@Table(schema = "operations", name = "incident_child")
record IncidentChild(UUID countyId, UUID schoolId, UUID studentId, String studentName, UUID classId) {}
