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
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.Slot;
import org.kehou.operations.AttendanceMark;
import org.kehou.operations.Sessions;
import org.kehou.operations.Sessions.RollCall;
import org.kehou.operations.Sessions.SessionSheet;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.BadParameterException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roll call of a session for the teachers' app and for school systems (OPS-1): the whole session's exceptions
 * in one request, and the session as it stands. The same rules as the page apply, through the same façade.
 */
@RestController
@Tag(name = "Roll call", description = "Teachers record the attendance of the sessions they serve")
class RollCallApiController {

    static final String PATH = "/api/v1/sessions/{offeringId}/{date}/roll-call";
    static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final Sessions sessions;

    RollCallApiController(Sessions sessions) {
        this.sessions = sessions;
    }

    @Operation(
            summary = "Record the roll call of a session",
            description = "A session is a published offering on one date: its weekday, a school day of its term, not"
                    + " in the future. Only an instructor of the offering or the admin of its school may record it."
                    + " Send the children who are not present (LATE, ABSENT, LEAVE); every other registered child is"
                    + " present, or on excused leave when a guardian reported it (send PRESENT to override). Only"
                    + " children whose mark changes get a new entry, so retrying the same body, with or without the"
                    + " same Idempotency-Key, changes nothing and answers with added = 0. After the session's day a"
                    + " reason is required: the entries are corrections. Entries are never changed, only added.")
    @ApiResponse(
            responseCode = "200",
            description = "recorded; the session as it now stands, or with Prefer: return=minimal only how many entries"
                    + " were added and how many children have each mark")
    @ApiResponse(responseCode = "400", description = "the body or a header unusable")
    @ApiResponse(responseCode = "401", description = "no valid bearer token or session")
    @ApiResponse(responseCode = "403", description = "neither a teacher nor a school admin")
    @ApiResponse(responseCode = "404", description = "no such published offering, or not one the caller serves")
    @ApiResponse(
            responseCode = "422",
            description = "refused by a rule: not a session day, a day to come, a child not registered, an unknown"
                    + " mark, a correction without a reason or a reason too long")
    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> record(
            UserScope me,
            @PathVariable UUID offeringId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "optional, 1 to 64 visible ASCII characters; a retry of the same body"
                                    + " changes nothing in any case")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String key,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "return=minimal for an answer without the children (RFC 7240)")
                    @RequestHeader(name = "Prefer", required = false)
                    @Nullable
                    String prefer,
            @Valid @RequestBody RollCallRequest request) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new BadParameterException("Idempotency-Key", "api.idempotencyKeyFormat");
        }
        var saved = sessions.recordRollCall(me, offeringId, date, command(request));
        if (minimal(prefer)) {
            return ResponseEntity.ok()
                    .header(PREFERENCE_APPLIED, RETURN_MINIMAL)
                    .body(RollCallSaved.of(saved.sheet(), saved.added()));
        }
        return ResponseEntity.ok(RollCallView.of(saved.sheet(), saved.added()));
    }

    static final String PREFERENCE_APPLIED = "Preference-Applied";
    static final String RETURN_MINIMAL = "return=minimal";

    /**
     * Whether the client asked for the short answer: {@code return=minimal} among the preferences of its {@code
     * Prefer} header (RFC 7240), as a phone app that keeps its own list sends it; anything else gets the session.
     */
    static boolean minimal(@Nullable String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String p = preference.strip();
            int parameters = p.indexOf(';');
            if ((parameters < 0 ? p : p.substring(0, parameters)).strip().equalsIgnoreCase(RETURN_MINIMAL)) {
                return true;
            }
        }
        return false;
    }

    /** The save a request asks for; an unknown mark is refused by the rule that names the marks. */
    static RollCall command(RollCallRequest request) {
        Map<UUID, AttendanceMark> marks = new LinkedHashMap<>();
        for (ChildMark m : request.exceptions()) {
            marks.put(m.childId(), AttendanceMark.parse(m.mark()));
        }
        return new RollCall(marks, request.reason());
    }

    @Operation(
            summary = "The roll call of a session",
            description = "Every registered child with the current mark (the default when nothing was recorded yet)"
                    + " and the number of entries kept for them.")
    @ApiResponse(responseCode = "200", description = "the session")
    @ApiResponse(responseCode = "404", description = "no such published offering, or not one the caller serves")
    @ApiResponse(responseCode = "422", description = "the date is not a session of the offering")
    @GetMapping(PATH)
    RollCallView current(
            UserScope me,
            @PathVariable UUID offeringId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return RollCallView.of(sessions.rollCall(me, offeringId, date), null);
    }

    /**
     * The exceptions of a session.
     *
     * @param exceptions at most 500, one per child
     * @param reason why, required after the session's day; at most 200 characters
     */
    record RollCallRequest(
            @NotNull(message = "{validation.required}")
            @Size(max = 500, message = "{session.exceptions.tooMany}")
            @Valid
            List<ChildMark> exceptions,

            @Size(max = 200, message = "{validation.tooLong}") @Nullable
            String reason) {}

    /** A child and their mark: PRESENT, LATE, ABSENT or LEAVE. */
    record ChildMark(
            @NotNull(message = "{validation.required}") UUID childId,

            @NotNull(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}")
            String mark) {}

    /**
     * A session's roll call.
     *
     * @param added the entries the request added, absent for a read
     * @param correction whether the day is past, so that a save needs a reason
     */
    record RollCallView(
            UUID offeringId,
            LocalDate date,
            Slot slot,
            boolean correction,
            @Nullable Integer added,
            List<ChildView> children) {

        static RollCallView of(SessionSheet sheet, @Nullable Integer added) {
            return new RollCallView(
                    sheet.offeringId(),
                    sheet.day(),
                    sheet.slot(),
                    sheet.correction(),
                    added,
                    sheet.children().stream()
                            .map(c -> new ChildView(
                                    c.studentId(),
                                    c.name(),
                                    c.gradeLevel(),
                                    c.className(),
                                    c.mark(),
                                    c.recorded(),
                                    c.entries().size(),
                                    c.entries().isEmpty()
                                            ? null
                                            : c.entries().getLast().recordedAt()))
                            .toList());
        }
    }

    /**
     * A saved roll call in short (OPS-1): the entries the save added and how many children have each mark now.
     *
     * @param marks the children per mark, PRESENT, LATE, ABSENT or LEAVE, only those some child has
     */
    record RollCallSaved(
            UUID offeringId, LocalDate date, Slot slot, boolean correction, int added, Map<String, Long> marks) {

        static RollCallSaved of(SessionSheet sheet, int added) {
            return new RollCallSaved(
                    sheet.offeringId(), sheet.day(), sheet.slot(), sheet.correction(), added, sheet.counts());
        }
    }

    /**
     * A child of the session.
     *
     * @param recorded whether an entry was saved; when not, the mark is the default
     * @param entries how many entries are kept for the child in this session
     */
    record ChildView(
            UUID childId,
            String name,
            int gradeLevel,
            String className,
            String mark,
            boolean recorded,
            int entries,
            @Nullable LocalDateTime recordedAt) {}
}
