package org.kehou.catalog;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A grade a course is meant for. */
@Table(schema = "catalog", name = "course_grade")
record CourseGrade(UUID countyId, UUID schoolId, int gradeLevel) {}
