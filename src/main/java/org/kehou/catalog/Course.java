package org.kehou.catalog;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A course of a school's own course system (COURSE-1, 一校一策): category, the slot-2 activity kind if any,
 * target grades, goals and who provides it. It has no prerequisite and belongs to no package (CONTENT-1).
 */
@Table(schema = "catalog", name = "course")
class Course {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final String name;
    private final CourseCategory category;
    private final @Nullable ActivityKind activityKind;
    private final @Nullable String goals;
    private final @Nullable String description;
    private final ProviderKind providerKind;
    private final @Nullable UUID providerId;

    @MappedCollection(idColumn = "course_id")
    private Set<CourseGrade> grades = new HashSet<>();

    @PersistenceCreator
    Course(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            String name,
            CourseCategory category,
            @Nullable ActivityKind activityKind,
            @Nullable String goals,
            @Nullable String description,
            ProviderKind providerKind,
            @Nullable UUID providerId) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.name = name;
        this.category = category;
        this.activityKind = activityKind;
        this.goals = goals;
        this.description = description;
        this.providerKind = providerKind;
        this.providerId = providerId;
    }

    static Course define(
            UUID id,
            UUID countyId,
            UUID schoolId,
            String name,
            CourseCategory category,
            @Nullable ActivityKind activityKind,
            Collection<Integer> grades,
            @Nullable String goals,
            @Nullable String description,
            ProviderKind providerKind,
            @Nullable UUID providerId) {
        Course course = new Course(
                id,
                null,
                countyId,
                schoolId,
                name,
                category,
                activityKind,
                goals,
                description,
                providerKind,
                providerId);
        grades.forEach(g -> course.grades.add(new CourseGrade(countyId, schoolId, g)));
        return course;
    }

    UUID id() {
        return id;
    }

    UUID schoolId() {
        return schoolId;
    }

    String name() {
        return name;
    }

    CourseCategory category() {
        return category;
    }

    @Nullable
    ActivityKind activityKind() {
        return activityKind;
    }

    ProviderKind providerKind() {
        return providerKind;
    }

    @Nullable
    UUID providerId() {
        return providerId;
    }

    List<Integer> grades() {
        return grades.stream().map(CourseGrade::gradeLevel).sorted().toList();
    }
}
