package org.kehou.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.platform.PlainText;

/** The forms of the catalog pages; each keeps what the user typed when it is shown again with errors. */
public final class Forms {

    private Forms() {}

    /** A course to add to the school's course system (COURSE-1); it requires nothing else (CONTENT-1). */
    public static class CourseForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        CourseCategory category;

        @Nullable
        ActivityKind activityKind;

        @NotEmpty(message = "{course.noGrades}")
        List<Integer> grades = new ArrayList<>();

        @Size(max = 500, message = "{validation.tooLong}")
        @PlainText
        String goals = "";

        @Size(max = 2000, message = "{validation.tooLong}")
        @PlainText
        String description = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        ProviderKind providerKind = ProviderKind.STAFF;

        NewCourse toCommand() {
            return new NewCourse(
                    name.strip(),
                    category,
                    activityKind,
                    grades,
                    goals.isBlank() ? null : goals.strip(),
                    description.isBlank() ? null : description.strip(),
                    providerKind,
                    (UUID) null,
                    List.of());
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable CourseCategory getCategory() {
            return category;
        }

        public void setCategory(@Nullable CourseCategory category) {
            this.category = category;
        }

        public @Nullable ActivityKind getActivityKind() {
            return activityKind;
        }

        public void setActivityKind(@Nullable ActivityKind activityKind) {
            this.activityKind = activityKind;
        }

        public List<Integer> getGrades() {
            return grades;
        }

        public void setGrades(@Nullable List<Integer> grades) {
            this.grades = grades == null ? new ArrayList<>() : grades;
        }

        public String getGoals() {
            return goals;
        }

        public void setGoals(String goals) {
            this.goals = goals;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public @Nullable ProviderKind getProviderKind() {
            return providerKind;
        }

        public void setProviderKind(@Nullable ProviderKind providerKind) {
            this.providerKind = providerKind;
        }
    }
}
