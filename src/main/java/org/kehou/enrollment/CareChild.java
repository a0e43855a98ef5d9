package org.kehou.enrollment;

import java.util.UUID;

/** The child a care request is for, as the request keeps it: their school and the name and class shown on lists. */
record CareChild(UUID countyId, UUID schoolId, UUID studentId, String name, int gradeLevel, String className) {}
