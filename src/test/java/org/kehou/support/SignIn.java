package org.kehou.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as an account, the way the sign-in form would. */
public final class SignIn {

    private SignIn() {}

    public static RequestPostProcessor as(org.kehou.platform.UserScope scope) {
        var authorities = scope.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                scope.accountId().toString(), null, authorities));
    }

    public static RequestPostProcessor as(UUID accountId, org.kehou.platform.Role... roles) {
        var authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return authentication(
                UsernamePasswordAuthenticationToken.authenticated(accountId.toString(), null, authorities));
    }
}
