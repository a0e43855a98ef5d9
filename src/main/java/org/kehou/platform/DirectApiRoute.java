package org.kehou.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * An API operation hot enough to be answered before the servlet filters and Spring MVC (ENROL-4: a registration
 * rush; OPS-1: a county's afternoon roll call). The platform authenticates the bearer token and checks the role exactly as the regular path does, writes
 * the same security headers, and hands the operation the caller's scope, the path's variables and the request body. The operation answers
 * only what it is sure of: returning null, or throwing, leaves the request, body included, to the regular path,
 * which then answers it as if this route did not exist. A request without a bearer token, with an unusable one or
 * without one of the roles, with a query string, or with a path parameter or an escaped character in its path,
 * never reaches the route. See ADR 0021.
 */
public interface DirectApiRoute {

    /** The HTTP method served, e.g. {@code POST}. */
    String method();

    /**
     * The path served, without the context path, as a Spring path pattern whose variables stand for one segment
     * each, e.g. {@code /api/v1/enrollments} or {@code /api/v1/sessions/{offeringId}/{date}/roll-call}.
     */
    String path();

    /** The roles of which the caller must have one; the same rule as the path's in the security configuration. */
    Set<Role> roles();

    /**
     * The answer, or null to leave the request to the regular path. The regular path then runs the whole request
     * again, so whatever the route did before giving up must be safe to repeat: an idempotent operation.
     */
    @Nullable
    Answer answer(UserScope caller, Map<String, String> variables, byte[] body, HttpServletRequest request);

    /**
     * Whether the request sends JSON as a route reads it ({@code application/json}, in UTF-8 if it names a
     * charset) and takes a JSON answer ({@code Accept} absent, {@code *}{@code /*} or naming {@code
     * application/json}). A route leaves anything else to the regular path, which answers 415 or 406 where due.
     */
    static boolean sendsAndTakesJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType sent = MediaType.parseMediaType(type);
            if (!sent.getType().equals("application")
                    || !sent.getSubtype().equals("json")
                    || (sent.getCharset() != null && !sent.getCharset().equals(StandardCharsets.UTF_8))) {
                return false;
            }
            String accept = request.getHeader("Accept");
            return accept == null
                    || MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(m -> m.isWildcardType() || m.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        } catch (IllegalArgumentException unusable) {
            return false;
        }
    }

    /** An answer to write as is. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {}
}
