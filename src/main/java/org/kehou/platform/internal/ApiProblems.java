package org.kehou.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers API requests that the security filters stop (no or an unusable token: 401; a role without access: 403)
 * with an RFC 9457 problem detail in the caller's language, instead of the sign-in page.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ApiProblems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        unauthorized(request, response);
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "api.unauthorized");
    }

    /**
     * A caller who is not signed in at all (a write without a token is stopped by the CSRF check before anyone is
     * authenticated) is told to sign in; a signed-in one that the role or the CSRF check refuses gets 403.
     */
    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            unauthorized(request, response);
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "api.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage(key, null, locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":"
                        + status.value() + ",\"detail\":" + quote(detail) + ",\"instance\":"
                        + quote(request.getRequestURI()) + "}");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
