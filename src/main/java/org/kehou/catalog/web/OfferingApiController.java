package org.kehou.catalog.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.PlainText;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.BadParameterException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The published offerings of a school as public information for other systems (COURSE-2), and the writes of its
 * school admin: a course for its course system and an offering of a term. A write that declares a dependency on
 * another item is refused with the CONTENT-1 message, and so is any property the API does not know, so nothing is
 * silently dropped.
 */
@RestController
class OfferingApiController {

    /** Property names that declare a dependency between items, which CONTENT-1 forbids. */
    private static final Pattern DEPENDENCY =
            Pattern.compile("(?i).*(require|prerequisite|depend|bundl|package|combo|tie).*");

    static final int DEFAULT_SIZE = 20;

    private final CatalogManagement catalog;

    OfferingApiController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @Operation(
            summary = "Published offerings of a school",
            description = "Only published offerings, by weekday and slot; no sign-in needed. An unknown school gives"
                    + " 404, an unusable parameter 400, both as problem details.")
    @GetMapping("/api/v1/schools/{schoolId}/offerings")
    OfferingPage offerings(
            @PathVariable UUID schoolId,
            @Parameter(description = "only offerings of this term") @RequestParam(required = false) @Nullable UUID term,
            @Parameter(description = "only offerings open to this grade, 1 to 9")
                    @RequestParam(required = false)
                    @Nullable
                    Integer grade,
            @Parameter(description = "only offerings in this slot") @RequestParam(required = false) @Nullable Slot slot,
            @Parameter(description = "zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "offerings per page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        if (grade != null && (grade < 1 || grade > 9)) {
            throw new BadParameterException("grade", "api.gradeOutOfRange", "grade", grade);
        }
        if (size < 1 || size > PageQuery.MAX_SIZE) {
            throw new BadParameterException("size", "api.sizeOutOfRange", "size", size);
        }
        Page<OfferingSummary> found =
                catalog.publishedOfferings(schoolId, term, grade, slot, new PageQuery(page, size, "", false, ""));
        return new OfferingPage(
                found.items().stream().map(PublishedOffering::of).toList(),
                found.page(),
                found.size(),
                found.total(),
                found.totalPages());
    }

    @Operation(
            summary = "Add a course to a school's course system",
            description = "For the school's admin. A course may require no other item (CONTENT-1): a body with a"
                    + " non-empty requires, or any property that declares a dependency, is refused with 422, as is"
                    + " any other rule's refusal; an unknown property or a malformed body gives 400, another school"
                    + " 404; all as problem details in the caller's language (Accept-Language).")
    @ApiResponse(responseCode = "201", description = "created; Location names the course")
    @PostMapping(value = "/api/v1/schools/{schoolId}/courses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> defineCourse(
            UserScope me, @PathVariable UUID schoolId, @Valid @RequestBody CourseRequest body) {
        refuseUnknown(body.unknown());
        UUID id = catalog.defineCourse(me, schoolId, body.toCommand());
        return created("/api/v1/schools/{schoolId}/courses/{id}", schoolId, id);
    }

    @Operation(
            summary = "Draft an offering of a course in a term",
            description = "For the school's admin; the offering is a draft until published on the offerings page."
                    + " It may require no other offering (CONTENT-1); every rule's refusal (slot-1 content, fee only"
                    + " for institution courses, conflicts) gives 422 with the rule's message, an unknown property or"
                    + " a malformed body 400, another school's id 404; all as problem details.")
    @ApiResponse(responseCode = "201", description = "created; Location names the offering")
    @PostMapping(value = "/api/v1/schools/{schoolId}/offerings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> draftOffering(
            UserScope me, @PathVariable UUID schoolId, @Valid @RequestBody OfferingRequest body) {
        refuseUnknown(body.unknown());
        UUID id = catalog.draftOffering(me, schoolId, body.toCommand());
        return created("/api/v1/schools/{schoolId}/offerings/{id}", schoolId, id);
    }

    /** A property that declares a dependency is a CONTENT-1 refusal; any other unknown one is a bad request. */
    private static void refuseUnknown(@Nullable Map<String, Object> unknown) {
        if (unknown == null || unknown.isEmpty()) {
            return;
        }
        if (unknown.keySet().stream().anyMatch(name -> DEPENDENCY.matcher(name).matches())) {
            throw new RuleViolation("bundling.refused");
        }
        throw new UnknownPropertyException(new TreeMap<>(unknown).firstKey());
    }

    private static ResponseEntity<Created> created(String path, UUID schoolId, UUID id) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .buildAndExpand(schoolId, id)
                .toUri();
        return ResponseEntity.created(location).body(new Created(id));
    }

    /** The id of what a write created. */
    record Created(UUID id) {}

    /** A property of a write's body that the API does not know; answered with 400 naming it. */
    static class UnknownPropertyException extends RuntimeException {
        private final String property;

        UnknownPropertyException(String property) {
            super(property);
            this.property = property;
        }

        String property() {
            return property;
        }
    }

    /**
     * A course to add (COURSE-1).
     *
     * @param requires items the course would require: must be empty (CONTENT-1)
     */
    record CourseRequest(
            @NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.tooLong}") @PlainText
            String name,

            @NotNull(message = "{validation.required}") @Nullable
            CourseCategory category,

            @Parameter(description = "the enrichment kind of a slot-2 course") @Nullable
            ActivityKind activityKind,

            @NotEmpty(message = "{course.noGrades}") @Nullable
            List<@NotNull @Min(1) @Max(9) Integer> grades,

            @Size(max = 500, message = "{validation.tooLong}") @PlainText @Nullable
            String goals,

            @Size(max = 2000, message = "{validation.tooLong}") @PlainText @Nullable
            String description,

            @NotNull(message = "{validation.required}") @Nullable
            ProviderKind providerKind,

            @Nullable UUID providerId,

            @ArraySchema(schema = @Schema(description = "must be empty: no item may require another (CONTENT-1)"))
            @Nullable
            List<UUID> requires,

            @JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> unknown) {

        CourseRequest {
            unknown = unknown == null ? new LinkedHashMap<>() : unknown;
        }

        NewCourse toCommand() {
            return new NewCourse(
                    name.strip(),
                    category,
                    activityKind,
                    grades,
                    goals == null || goals.isBlank() ? null : goals.strip(),
                    description == null || description.isBlank() ? null : description.strip(),
                    providerKind,
                    providerId,
                    requires == null ? List.of() : requires);
        }
    }

    /**
     * An offering to draft (COURSE-2).
     *
     * @param fee the fee per term, only for an institution course (代收费)
     * @param slotOneContent what a slot-1 offering does (CONTENT-4)
     * @param requires offerings this one would require: must be empty (CONTENT-1)
     */
    record OfferingRequest(
            @NotNull(message = "{validation.required}") @Nullable
            UUID courseId,

            @NotNull(message = "{validation.required}") @Nullable
            UUID termId,

            @NotNull(message = "{validation.required}") @Nullable
            DayOfWeek weekday,

            @NotNull(message = "{validation.required}") @Nullable
            Slot slot,

            @NotNull(message = "{validation.required}") @Nullable
            UUID venueId,

            @NotEmpty(message = "{offering.noInstructor}") @Nullable
            List<@NotNull UUID> instructors,

            @NotNull(message = "{validation.required}")
            @Min(value = 1, message = "{offering.capacityTooSmall}")
            @Max(value = 2000, message = "{offering.capacityTooLarge}")
            @Nullable
            Integer capacity,

            @NotEmpty(message = "{offering.noGrades}") @Nullable
            List<@NotNull @Min(1) @Max(9) Integer> grades,

            @DecimalMin(value = "0", message = "{fee.negative}")
            @Digits(integer = 6, fraction = 2, message = "{offering.feeFormat}")
            @Nullable
            BigDecimal fee,

            @NotNull(message = "{validation.required}")
            @Min(value = 0, message = "{offering.exerciseNegative}")
            @Max(value = 240, message = "{exercise.minutesOutOfRange}")
            @Nullable
            Integer exerciseMinutes,

            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,

            @ArraySchema(schema = @Schema(description = "must be empty: no item may require another (CONTENT-1)"))
            @Nullable
            List<UUID> requires,

            @JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> unknown) {

        OfferingRequest {
            unknown = unknown == null ? new LinkedHashMap<>() : unknown;
        }

        NewOffering toCommand() {
            return new NewOffering(
                    courseId,
                    termId,
                    weekday,
                    slot,
                    venueId,
                    instructors,
                    capacity,
                    grades,
                    fee == null || fee.signum() == 0 ? null : fee,
                    exerciseMinutes,
                    slotOneContent,
                    startsOn,
                    endsOn,
                    requires == null ? List.of() : requires);
        }
    }

    /** One page of published offerings and the number of all that match. */
    record OfferingPage(List<PublishedOffering> items, int page, int size, long total, int totalPages) {}

    /** A published offering as the public sees it. */
    record PublishedOffering(
            UUID id,
            UUID termId,
            UUID courseId,
            String courseName,
            CourseCategory category,
            ProviderKind provider,
            DayOfWeek weekday,
            Slot slot,
            String venueName,
            int capacity,
            @Nullable BigDecimal fee,
            int exerciseMinutes,
            @Nullable SlotOneContent slotOneContent,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {

        static PublishedOffering of(OfferingSummary o) {
            return new PublishedOffering(
                    o.id(),
                    o.termId(),
                    o.courseId(),
                    o.courseName(),
                    o.category(),
                    o.providerKind(),
                    o.weekday(),
                    o.slot(),
                    o.venueName(),
                    o.capacity(),
                    o.fee(),
                    o.exerciseMinutes(),
                    o.slotOneContent(),
                    o.startsOn(),
                    o.endsOn());
        }
    }
}
