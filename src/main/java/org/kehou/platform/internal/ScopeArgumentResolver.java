package org.kehou.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the signed-in user's {@link UserScope} once per request (kept as a request attribute) from the
 * account's current links, so a changed link takes effect on the next request.
 */
@Component
public class ScopeArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ATTRIBUTE = UserScope.class.getName();
    private final AccountManagement accounts;

    ScopeArgumentResolver(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(UserScope.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        UserScope scope = current(request);
        if (scope == null) {
            throw new AccessDeniedException("no scope");
        }
        return scope;
    }

    /** The scope of the request's user, or null for an anonymous request. */
    public @Nullable UserScope current(NativeWebRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof UserScope scope) {
            return scope;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            return null;
        }
        UserScope scope = accounts.scopeOf(id).orElse(null);
        if (scope != null) {
            request.setAttribute(ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    public @Nullable UserScope current(HttpServletRequest request) {
        return current(new org.springframework.web.context.request.ServletWebRequest(request));
    }
}
