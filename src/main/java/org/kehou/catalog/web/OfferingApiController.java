package org.kehou.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.OfferingSummary;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.platform.Page;
import org.kehou.platform.PageQuery;
import org.kehou.platform.web.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The published offerings of a school as public information for other systems (COURSE-2). */
@RestController
class OfferingApiController {

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
