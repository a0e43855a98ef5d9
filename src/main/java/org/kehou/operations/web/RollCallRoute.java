package org.kehou.operations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.Sessions;
import org.kehou.operations.web.RollCallApiController.RollCallRequest;
import org.kehou.operations.web.RollCallApiController.RollCallSaved;
import org.kehou.operations.web.RollCallApiController.RollCallView;
import org.kehou.platform.DirectApiRoute;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/sessions/{offeringId}/{date}/roll-call} answered ahead of the filters and Spring MVC (OPS-1, a
 * county's afternoon roll call; ADR 0021): a well-formed roll call gets here the answer {@link
 * RollCallApiController#record} would give, from the same {@link Sessions#recordRollCall} and {@link
 * RollCallView}. Anything else (a malformed id, date or key, another content type, a body that does not read or
 * validate, a refusal by a rule, a session the caller does not serve) is left to the controller, which answers it in
 * full. A save adds entries only for the marks that change, so running it again there changes nothing.
 */
@Component
class RollCallRoute implements DirectApiRoute {

    private final Sessions sessions;
    private final Validator validator;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    RollCallRoute(Sessions sessions, Validator validator, JsonMapper json) {
        this.sessions = sessions;
        this.validator = validator;
        this.reader = json.readerFor(RollCallRequest.class);
        this.writer = json.writer();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return RollCallApiController.PATH;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.TEACHER, Role.SCHOOL_ADMIN);
    }

    @Override
    public @Nullable Answer answer(
            UserScope caller, Map<String, String> variables, byte[] body, HttpServletRequest request) {
        String key = request.getHeader("Idempotency-Key");
        if ((key != null && !RollCallApiController.KEY.matcher(key).matches())
                || !DirectApiRoute.sendsAndTakesJson(request)) {
            return null;
        }
        UUID offeringId;
        LocalDate day;
        RollCallRequest command;
        try {
            offeringId = UUID.fromString(variables.get("offeringId"));
            day = LocalDate.parse(variables.get("date"));
            command = reader.readValue(body);
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException unusable) {
            return null;
        }
        if (command == null || !validator.validate(command).isEmpty()) {
            return null;
        }
        var saved = sessions.recordRollCall(caller, offeringId, day, RollCallApiController.command(command));
        if (RollCallApiController.minimal(request.getHeader("Prefer"))) {
            return new Answer(
                    200,
                    MediaType.APPLICATION_JSON_VALUE,
                    writer.writeValueAsBytes(RollCallSaved.of(saved.sheet(), saved.added())),
                    Map.of(RollCallApiController.PREFERENCE_APPLIED, RollCallApiController.RETURN_MINIMAL));
        }
        return new Answer(
                200,
                MediaType.APPLICATION_JSON_VALUE,
                writer.writeValueAsBytes(RollCallView.of(saved.sheet(), saved.added())),
                Map.of());
    }
}
