package org.kehou.enrollment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Allocation;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.enrollment.EnrollmentManagement.WindowSummary;
import org.kehou.enrollment.Promotion;
import org.kehou.organization.TermKind;
import org.kehou.platform.UserScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration windows (ENROL-2), opened by a school's admin for the school or a county's admin for its schools. */
@RestController
@Tag(name = "Registration windows", description = "When guardians may register for a term's offerings")
class RegistrationWindowApiController {

    private final EnrollmentManagement enrollment;

    RegistrationWindowApiController(EnrollmentManagement enrollment) {
        this.enrollment = enrollment;
    }

    @Operation(
            summary = "Open a registration window",
            description = "For a school (its admin, or its county's admin) or, without schoolId, for every school"
                    + " of the county admin's county that has no window of its own for that term. Times are"
                    + " Asia/Shanghai local times; the window takes registrations from opensAt up to, not"
                    + " including, closesAt. Seats go to the first who ask (FIRST_COME) or by a lottery drawn after"
                    + " closing (LOTTERY, whose seed commitment is published at /public/lotteries/{id}); the"
                    + " waiting list of each offering takes up to waitlistLimit children. When a seat frees, the"
                    + " first in line takes it at once (promotion AUTOMATIC, the default) or is offered it for"
                    + " offerHours hours, 1 to 72 (promotion OFFER): the seat is held for them until they accept or"
                    + " decline it (POST /api/v1/enrollments/{id}/accept, /decline) or the offer expires, and then"
                    + " offered to the next in line.")
    @ApiResponse(responseCode = "201", description = "opened")
    @ApiResponse(responseCode = "400", description = "a field missing or unusable")
    @ApiResponse(responseCode = "404", description = "a school outside the caller's scope")
    @ApiResponse(
            responseCode = "422",
            description = "closes before it opens, already over, overlaps another window, or offer hours missing"
                    + " with OFFER or given with AUTOMATIC")
    @PostMapping("/api/v1/registration-windows")
    ResponseEntity<Opened> open(UserScope me, @Valid @RequestBody WindowRequest request) {
        UUID id = enrollment.openWindow(
                me,
                new NewWindow(
                        request.schoolId(),
                        request.schoolYear(),
                        request.termKind(),
                        request.opensAt(),
                        request.closesAt(),
                        request.allocation() == null ? Allocation.FIRST_COME : request.allocation(),
                        request.waitlistLimit(),
                        request.promotion() == null ? Promotion.AUTOMATIC : request.promotion(),
                        request.offerHours()));
        return ResponseEntity.created(URI.create("/api/v1/registration-windows/" + id))
                .body(new Opened(id));
    }

    @Operation(summary = "The registration windows of the caller's county or school, latest opening first")
    @GetMapping("/api/v1/registration-windows")
    Windows windows(UserScope me) {
        return new Windows(enrollment.windows(me));
    }

    /**
     * A window to open.
     *
     * @param schoolYear the year the school year starts in (September)
     * @param allocation FIRST_COME when absent
     * @param promotion AUTOMATIC when absent
     * @param offerHours how long an offer of a freed seat lasts, with promotion OFFER only
     */
    record WindowRequest(
            @Nullable UUID schoolId,

            @NotNull(message = "{validation.required}")
            @Min(value = 2000, message = "{validation.schoolYear}")
            @Max(value = 2200, message = "{validation.schoolYear}")
            Integer schoolYear,

            @NotNull(message = "{validation.required}") TermKind termKind,
            @NotNull(message = "{validation.required}") LocalDateTime opensAt,
            @NotNull(message = "{validation.required}") LocalDateTime closesAt,
            @Nullable Allocation allocation,

            @NotNull(message = "{validation.required}")
            @Min(value = 0, message = "{api.waitlistLimit}")
            @Max(value = 1000, message = "{api.waitlistLimit}")
            Integer waitlistLimit,

            @Nullable Promotion promotion,

            @Min(value = 1, message = "{api.offerHours}") @Max(value = 72, message = "{api.offerHours}") @Nullable
            Integer offerHours) {}

    record Opened(UUID id) {}

    record Windows(List<WindowSummary> items) {}
}
