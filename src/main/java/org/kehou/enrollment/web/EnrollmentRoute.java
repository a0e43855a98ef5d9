package org.kehou.enrollment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.EnrollmentManagement.EnrollChild;
import org.kehou.enrollment.web.EnrollmentApiController.EnrollRequest;
import org.kehou.enrollment.web.EnrollmentApiController.Reply;
import org.kehou.platform.DirectApiRoute;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/enrollments} answered ahead of the filters and Spring MVC (ENROL-4, ADR 0021): what a
 * registration rush sends, a well-formed registration with its key, gets here the answer {@link
 * EnrollmentApiController#enroll} would give, from the same {@link EnrollmentManagement#enroll} and {@link
 * EnrollmentApiController#reply}. Anything else (no or a malformed key, another content type, a body that does not
 * read or validate, a refusal by a rule, a failure) is left to the controller, which answers it in full; a
 * registration is idempotent by its key, so running it again there is safe.
 */
@Component
class EnrollmentRoute implements DirectApiRoute {

    private final EnrollmentManagement enrollment;
    private final MessageSource messages;
    private final Validator validator;
    private final LocaleResolver locales;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    EnrollmentRoute(
            EnrollmentManagement enrollment,
            MessageSource messages,
            Validator validator,
            LocaleResolver locales,
            JsonMapper json) {
        this.enrollment = enrollment;
        this.messages = messages;
        this.validator = validator;
        this.locales = locales;
        this.reader = json.readerFor(EnrollRequest.class);
        this.writer = json.writer();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/api/v1/enrollments";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.GUARDIAN);
    }

    @Override
    public @Nullable Answer answer(
            UserScope caller, Map<String, String> variables, byte[] body, HttpServletRequest request) {
        String key = request.getHeader(EnrollmentApiController.IDEMPOTENCY_KEY);
        String accept = request.getHeader("Accept");
        // which type a refusal (a problem) takes under a named Accept is content negotiation: the regular path's
        if (key == null
                || !EnrollmentApiController.KEY.matcher(key).matches()
                || !DirectApiRoute.sendsAndTakesJson(request)
                || (accept != null && !accept.equals("*/*"))) {
            return null;
        }
        EnrollRequest command;
        try {
            command = reader.readValue(body);
        } catch (JacksonException unreadable) {
            return null;
        }
        if (command == null || !validator.validate(command).isEmpty()) {
            return null;
        }
        var outcome = enrollment.enroll(
                caller,
                new EnrollChild(command.childId(), command.offeringId(), command.consent(), command.consentVersion()),
                key);
        Locale locale = locales.resolveLocale(request);
        Reply reply = EnrollmentApiController.reply(outcome, command, messages, locale);
        Map<String, String> headers = reply.replayed() ? Map.of(EnrollmentApiController.REPLAYED, "true") : Map.of();
        if (reply.body() instanceof ProblemDetail problem) {
            problem.setInstance(URI.create(request.getRequestURI()));
            return new Answer(
                    reply.status().value(),
                    MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    writer.writeValueAsBytes(fields(problem)),
                    headers);
        }
        return new Answer(
                reply.status().value(),
                MediaType.APPLICATION_JSON_VALUE,
                writer.writeValueAsBytes(reply.body()),
                headers);
    }

    /**
     * A problem as Spring MVC writes it with Jackson 3: the standard members that are set, in alphabetical order,
     * then the properties.
     */
    private static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "detail", problem.getDetail());
        putIfSet(fields, "instance", problem.getInstance());
        fields.put("status", problem.getStatus());
        putIfSet(fields, "title", problem.getTitle());
        putIfSet(fields, "type", problem.getType());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }

    private static void putIfSet(Map<String, Object> fields, String name, @Nullable Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }
}
