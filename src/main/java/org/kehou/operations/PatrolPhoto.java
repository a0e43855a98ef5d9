package org.kehou.operations;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A photo a patrol took, kept by the platform's photo store. */
@Table(schema = "operations", name = "patrol_photo")
record PatrolPhoto(UUID countyId, UUID schoolId, UUID photoId) {}
