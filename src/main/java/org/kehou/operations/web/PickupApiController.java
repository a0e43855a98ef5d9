package org.kehou.operations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.operations.PickupManagement.ReleaseLine;
import org.kehou.operations.PickupRequests;
import org.kehou.operations.PickupService;
import org.kehou.operations.ReleaseTo;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.BadParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Hand-overs for staff apps (OPS-2): release a child, idempotent on retry. */
@RestController
@Tag(name = "Pickup", description = "Staff hand children over at the end of a service")
class PickupApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final PickupRequests requests;

    PickupApiController(PickupRequests requests) {
        this.requests = requests;
    }

    @Operation(
            summary = "Hand a child over",
            description = "For the head teacher of the child's class or the school admin, as on the hand-over page:"
                    + " to one of the child's guardians or a person they authorised (personId), alone only with"
                    + " the guardians' standing consent, never to anyone else (otherName) or anyone flagged. A"
                    + " refused hand-over is recorded and answered with 422. Send a new Idempotency-Key per hand-over"
                    + " and the same one when retrying it: a retry with the same key and body gets the first answer"
                    + " again (header Idempotent-Replayed: true on success) and records nothing new; the same key"
                    + " with another body is refused.")
    @ApiResponse(responseCode = "201", description = "handed over: the hand-over entry")
    @ApiResponse(responseCode = "400", description = "Idempotency-Key missing or malformed, or the body unusable")
    @ApiResponse(responseCode = "401", description = "no valid bearer token or session")
    @ApiResponse(responseCode = "403", description = "not a teacher or school admin")
    @ApiResponse(responseCode = "404", description = "not a child the caller hands over")
    @ApiResponse(
            responseCode = "422",
            description = "refused (not authorised, flagged, alone without consent, already handed over, a day to"
                    + " come), or the key used for another request")
    @PostMapping("/api/v1/pickups")
    ResponseEntity<ReleaseLine> release(
            UserScope me,
            @Parameter(
                            in = ParameterIn.HEADER,
                            required = true,
                            description = "1 to 64 visible ASCII characters, unique per hand-over request")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String key,
            @Valid @RequestBody PickupRequest request) {
        if (key == null || key.isBlank()) {
            throw new BadParameterException(IDEMPOTENCY_KEY, "api.idempotencyKeyRequired");
        }
        if (!KEY.matcher(key).matches()) {
            throw new BadParameterException(IDEMPOTENCY_KEY, "api.idempotencyKeyFormat");
        }
        PickupRequests.Answer answer = requests.release(
                me,
                new Release(
                        request.studentId(),
                        request.date(),
                        request.service(),
                        request.to(),
                        request.personId(),
                        request.otherName(),
                        null,
                        null),
                key);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(answer.release());
    }

    /**
     * A hand-over to record.
     *
     * @param to GUARDIAN or PERSON (with personId), ALONE, or OTHER (with otherName, always refused and recorded)
     * @param date the day of the service, today or a day past
     */
    record PickupRequest(
            @NotNull(message = "{validation.required}") UUID studentId,
            @NotNull(message = "{validation.required}") LocalDate date,
            @NotNull(message = "{validation.required}") PickupService service,
            @NotNull(message = "{validation.required}") ReleaseTo to,
            @Nullable UUID personId,

            @Size(max = 50, message = "{validation.tooLong}") @Nullable
            String otherName) {}
}
