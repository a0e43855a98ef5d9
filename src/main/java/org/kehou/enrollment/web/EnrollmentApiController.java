package org.kehou.enrollment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.EnrollmentManagement.EnrollChild;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentOutcome;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentSummary;
import org.kehou.enrollment.EnrollmentManagement.SeatsLeft;
import org.kehou.enrollment.EnrollmentResult;
import org.kehou.enrollment.EnrollmentStatus;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.BadParameterException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration for guardians' apps (ENROL-1..4): register a child, withdraw, accept or decline a seat offered from
 * the waiting list, see the family's registrations and an offering's free seats. Only a guardian registers, for their own children; a school's staff cannot.
 */
@RestController
@Tag(name = "Registration", description = "Guardians register their own children for published offerings")
class EnrollmentApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final EnrollmentManagement enrollment;
    private final MessageSource messages;

    EnrollmentApiController(EnrollmentManagement enrollment, MessageSource messages) {
        this.enrollment = enrollment;
        this.messages = messages;
    }

    @Operation(
            summary = "Register a child for an offering",
            description = "Only while a registration window of the offering's school is open (before it opens and"
                    + " after it closes nothing is accepted), for a published offering of the child's school and"
                    + " grade, with the guardian's consent to the current consent text (GET /api/v1/enrollments/consent)."
                    + " A seat is taken at once if one is free, else a place in line if the waiting list is open."
                    + " Send a new Idempotency-Key per registration and the same one when retrying it: a retry with"
                    + " the same key and body gets the first answer again (status and body, header"
                    + " Idempotent-Replayed: true) and changes nothing; the same key with another body is refused.")
    @ApiResponse(responseCode = "201", description = "confirmed: the child has a seat")
    @ApiResponse(responseCode = "202", description = "waitlisted, with the place in line (1 is next)")
    @ApiResponse(responseCode = "400", description = "Idempotency-Key missing or malformed, or the body unusable")
    @ApiResponse(responseCode = "401", description = "no valid bearer token or session")
    @ApiResponse(responseCode = "403", description = "not a guardian")
    @ApiResponse(responseCode = "404", description = "not the caller's child, or no such published offering")
    @ApiResponse(
            responseCode = "409",
            description = "full (result FULL) or already registered for this offering (result ALREADY_ENROLLED)")
    @ApiResponse(
            responseCode = "422",
            description = "refused by a rule: no consent, window not open, wrong school or grade, fee notice not"
                    + " public long enough, another offering at the same weekday and slot (result TIME_CONFLICT),"
                    + " or the key used for another request")
    @PostMapping("/api/v1/enrollments")
    ResponseEntity<?> enroll(
            UserScope me,
            @Parameter(
                            in = ParameterIn.HEADER,
                            required = true,
                            description = "1 to 64 visible ASCII characters, unique per registration request")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String key,
            @Valid @RequestBody EnrollRequest request,
            Locale locale) {
        if (key == null || key.isBlank()) {
            throw new BadParameterException(IDEMPOTENCY_KEY, "api.idempotencyKeyRequired");
        }
        if (!KEY.matcher(key).matches()) {
            throw new BadParameterException(IDEMPOTENCY_KEY, "api.idempotencyKeyFormat");
        }
        EnrollmentOutcome outcome = enrollment.enroll(
                me,
                new EnrollChild(request.childId(), request.offeringId(), request.consent(), request.consentVersion()),
                key);
        return answer(outcome, request, locale);
    }

    /** The answer, a function of the outcome and the request only, so that a replay gets the same status and body. */
    private ResponseEntity<?> answer(EnrollmentOutcome outcome, EnrollRequest request, Locale locale) {
        Reply reply = reply(outcome, request, messages, locale);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(reply.status());
        if (reply.body() instanceof ProblemDetail) {
            response.contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        if (reply.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(reply.body());
    }

    /**
     * The status and body answering a registration, for this controller and for {@link EnrollmentRoute} alike: a
     * stored registration, or a problem naming the result.
     */
    static Reply reply(EnrollmentOutcome outcome, EnrollRequest request, MessageSource messages, Locale locale) {
        EnrollmentResult result = outcome.result();
        if (result.stored()) {
            boolean confirmed = result == EnrollmentResult.CONFIRMED;
            return new Reply(
                    confirmed ? HttpStatus.CREATED : HttpStatus.ACCEPTED,
                    new EnrollmentView(
                            outcome.enrollmentId(),
                            request.childId(),
                            request.offeringId(),
                            confirmed ? EnrollmentStatus.CONFIRMED : EnrollmentStatus.WAITLISTED,
                            outcome.position()),
                    outcome.replayed());
        }
        HttpStatus status =
                result == EnrollmentResult.TIME_CONFLICT ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, messages.getMessage(result.messageKey(), null, locale));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("result", result.name());
        return new Reply(status, problem, outcome.replayed());
    }

    /** An answer to a registration: its status, its body and whether it repeats the first answer to its key. */
    record Reply(HttpStatus status, Object body, boolean replayed) {}

    @Operation(
            summary = "Withdraw a registration",
            description = "Of the caller's own child only. A seat it held goes at once to the first in line, who is"
                    + " then confirmed, or offered the seat when the window says so. Withdrawing again changes"
                    + " nothing.")
    @ApiResponse(responseCode = "204", description = "withdrawn (or withdrawn before)")
    @ApiResponse(responseCode = "404", description = "not a registration of the caller's child")
    @DeleteMapping("/api/v1/enrollments/{enrollmentId}")
    ResponseEntity<Void> withdraw(UserScope me, @PathVariable UUID enrollmentId) {
        enrollment.withdraw(me, enrollmentId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Accept a seat offered from the waiting list",
            description = "Of the caller's own child only, while the registration is OFFERED (status in GET"
                    + " /api/v1/guardians/me/enrollments, with offerExpiresAt) and before the offer expires: the"
                    + " registration becomes CONFIRMED under the consent given when the child joined the line.")
    @ApiResponse(responseCode = "204", description = "accepted: the child has the seat")
    @ApiResponse(responseCode = "404", description = "not a registration of the caller's child")
    @ApiResponse(
            responseCode = "422",
            description = "the offer has expired (rule enrollment.offerExpired) or there is none to answer"
                    + " (rule enrollment.notOffered)")
    @PostMapping("/api/v1/enrollments/{enrollmentId}/accept")
    ResponseEntity<Void> accept(UserScope me, @PathVariable UUID enrollmentId) {
        enrollment.acceptOffer(me, enrollmentId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Decline a seat offered from the waiting list",
            description = "Of the caller's own child only, while the registration is OFFERED: it is withdrawn and"
                    + " the seat offered at once to the next in line.")
    @ApiResponse(responseCode = "204", description = "declined")
    @ApiResponse(responseCode = "404", description = "not a registration of the caller's child")
    @ApiResponse(
            responseCode = "422",
            description = "no offer to answer (rule enrollment.notOffered), e.g. it expired and was withdrawn")
    @PostMapping("/api/v1/enrollments/{enrollmentId}/decline")
    ResponseEntity<Void> decline(UserScope me, @PathVariable UUID enrollmentId) {
        enrollment.declineOffer(me, enrollmentId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "The consent text to agree to",
            description = "Its version is what POST /api/v1/enrollments expects as consentVersion.")
    @GetMapping("/api/v1/enrollments/consent")
    ConsentView consent(Locale locale) {
        return new ConsentView(
                enrollment.consentVersion(), messages.getMessage("enrollment.consent.text", null, locale));
    }

    @Operation(
            summary = "The registrations of the caller's children",
            description = "Newest first, withdrawn ones included; a waiting one has its place in line, an offered"
                    + " one the time its offer expires (offerExpiresAt).")
    @GetMapping("/api/v1/guardians/me/enrollments")
    FamilyEnrollments familyEnrollments(UserScope me) {
        return new FamilyEnrollments(enrollment.familyEnrollments(me));
    }

    @Operation(
            summary = "Seats of a published offering",
            description = "No sign-in needed. Free seats and free places in line; a draft or unknown offering gives"
                    + " 404.")
    @GetMapping("/api/v1/offerings/{offeringId}/seats")
    SeatsLeft seats(@PathVariable UUID offeringId) {
        return enrollment.seats(offeringId);
    }

    /**
     * A registration to make.
     *
     * @param consent must be true: the guardian agrees to the consent text
     * @param consentVersion the version of the consent text the guardian was shown
     */
    record EnrollRequest(
            @NotNull(message = "{validation.required}") UUID childId,
            @NotNull(message = "{validation.required}") UUID offeringId,
            @NotNull(message = "{validation.required}") Boolean consent,

            @NotBlank(message = "{validation.required}")
            @Size(max = 32, message = "{validation.tooLong}")
            @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.code}")
            String consentVersion) {}

    /** A stored registration as the answer to a registration request. */
    record EnrollmentView(
            @Nullable UUID id,
            UUID childId,
            UUID offeringId,
            EnrollmentStatus status,
            @Nullable Integer position) {}

    record ConsentView(String version, String text) {}

    record FamilyEnrollments(List<EnrollmentSummary> items) {}
}
