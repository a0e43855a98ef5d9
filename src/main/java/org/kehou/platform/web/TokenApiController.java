package org.kehou.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.internal.ApiTokens;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bearer tokens for API clients: signing in with a login and password opens a token, checked exactly like the
 * sign-in form (the same lockout, the same answer for an unknown name as for a wrong password).
 */
@RestController
@Tag(name = "Tokens", description = "Bearer tokens for API clients")
class TokenApiController {

    private final AuthenticationProvider signIn;
    private final ApiTokens tokens;
    private final MessageSource messages;

    TokenApiController(AuthenticationProvider signIn, ApiTokens tokens, MessageSource messages) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.messages = messages;
    }

    @Operation(
            summary = "Open a bearer token",
            description = "Send it as `Authorization: Bearer <token>` on /api/** requests; such requests need no CSRF"
                    + " token. Five failed attempts lock the login for 15 minutes, as on the sign-in form.")
    @ApiResponse(responseCode = "201", description = "the token and when it expires")
    @ApiResponse(responseCode = "400", description = "login or password missing")
    @ApiResponse(responseCode = "401", description = "login or password not correct (also for an unknown login)")
    @ApiResponse(responseCode = "429", description = "locked after too many failed attempts")
    @PostMapping("/api/v1/tokens")
    ResponseEntity<?> open(@Valid @RequestBody TokenRequest request, Locale locale) {
        Authentication account;
        try {
            account = signIn.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.login(), request.password()));
        } catch (LockedException e) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "api.token.locked", locale);
        } catch (AuthenticationException e) {
            return problem(HttpStatus.UNAUTHORIZED, "api.token.refused", locale);
        }
        var issued = tokens.issue(UUID.fromString(account.getName()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TokenView(issued.token(), "Bearer", issued.expiresAt()));
    }

    @Operation(
            summary = "Revoke the bearer token of this request",
            description = "Without a bearer token there is nothing to revoke and nothing changes.")
    @ApiResponse(responseCode = "204", description = "revoked, or nothing to revoke")
    @DeleteMapping("/api/v1/tokens/current")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        String token = bearer(request);
        if (token != null) {
            tokens.revoke(token);
        }
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(problem);
    }

    /** A login (mobile or staff number) and its password. */
    record TokenRequest(
            @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.tooLong}")
            String login,

            @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.tooLong}")
            String password) {}

    /** An opened token: give it back as {@code Authorization: Bearer <token>}. */
    record TokenView(String token, String tokenType, LocalDateTime expiresAt) {}
}
