package org.kehou.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An API operation hot enough to be answered before the servlet filters and Spring MVC (ENROL-4: a registration
 * rush). The platform authenticates the bearer token and checks the role exactly as the regular path does, writes
 * the same security headers, and hands the operation the caller's scope and the request body. The operation answers
 * only what it is sure of: returning null, or throwing, leaves the request, body included, to the regular path,
 * which then answers it as if this route did not exist. A request without a bearer token, with an unusable one or
 * without the role, or with a query string, never reaches the route. See ADR 0021.
 */
public interface DirectApiRoute {

    /** The HTTP method served, e.g. {@code POST}. */
    String method();

    /** The exact path served, without the context path, e.g. {@code /api/v1/enrollments}. */
    String path();

    /** The role the caller must have; the same rule as the path's in the security configuration. */
    Role role();

    /**
     * The answer, or null to leave the request to the regular path. The regular path then runs the whole request
     * again, so whatever the route did before giving up must be safe to repeat: an idempotent operation.
     */
    @Nullable
    Answer answer(UserScope caller, byte[] body, HttpServletRequest request);

    /** An answer to write as is. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {}
}
