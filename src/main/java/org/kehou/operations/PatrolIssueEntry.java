package org.kehou.operations;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One issue a patrol found. */
@Table(schema = "operations", name = "patrol_issue")
record PatrolIssueEntry(UUID countyId, UUID schoolId, PatrolIssue issue) {}
