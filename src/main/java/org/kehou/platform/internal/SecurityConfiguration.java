package org.kehou.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.DirectApiRoute;
import org.kehou.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Form sign-in with sessions for people, bearer tokens for API clients ({@link BearerTokenFilter}). Paths are split
 * by role here; which rows inside a path a user may reach is decided by their {@link org.kehou.platform.UserScope}.
 * API requests that carry a bearer token need no CSRF token (a browser never adds that header on its own);
 * browser-session writes still do. API requests are answered 401/403 as problem details, never with the sign-in
 * page, and are never kept in the session to be replayed after sign-in.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'"
            + " 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    /** bcrypt of a password nobody has, compared against when a name is unknown so both answers take as long. */
    private static final String UNKNOWN_USER_HASH =
            new BCryptPasswordEncoder().encode(UUID.randomUUID().toString());

    /**
     * No observation of each security filter and authorization decision: even with their metrics switched off the
     * wrappers cost about a tenth of an API request (ADR 0007, 0015); {@code http.server.requests} stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(
            HttpSecurity http,
            AuthenticationProvider provider,
            ApiTokens tokens,
            MessageSource messages,
            LocaleResolver locales)
            throws Exception {
        ApiProblems problems = new ApiProblems(messages, locales);
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher bearer = request -> BearerTokenFilter.bearer(request) != null;
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> !api.matches(request));
        // no global manager as parent: it holds the same provider, so each failed attempt was checked and
        // counted twice towards the lockout
        http.authenticationManager(new ProviderManager(provider))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), LogoutFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        bearer, PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens")))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new RequestMatcherEntry<>(api, problems)))
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(api, problems)), new AccessDeniedHandlerImpl())))
                .authorizeHttpRequests(SecurityConfiguration::paths)
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("login")
                        .passwordParameter("password")
                        .failureHandler(failureHandler())
                        .defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .invalidateHttpSession(true)
                        .deleteCookies("SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * API requests that carry a bearer token (ADR 0015): stateless, no CSRF token, no session read or written, no
     * sign-in form, no saved request; only the token, the same path rules as every other request and the same
     * problem-detail answers. Without a bearer token an API request goes through the session chain below, as a
     * signed-in page's script would.
     */
    @Bean
    @Order(1)
    SecurityFilterChain bearerApi(HttpSecurity http, ApiTokens tokens, MessageSource messages, LocaleResolver locales)
            throws Exception {
        ApiProblems problems = new ApiProblems(messages, locales);
        http.securityMatcher(request -> BearerTokenFilter.isApi(request) && BearerTokenFilter.bearer(request) != null)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(SecurityConfiguration::paths)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** Which roles reach which paths, the same in both chains; rows inside a path are the scope's business. */
    private static void paths(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/public/**")
                .permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/health")
                .permitAll()
                // published offerings are public information (COURSE-2)
                .requestMatchers(HttpMethod.GET, "/api/v1/schools/*/offerings")
                .permitAll()
                // seats left of a published offering are as public as the offering (ENROL-2)
                .requestMatchers(HttpMethod.GET, "/api/v1/offerings/*/seats")
                .permitAll()
                // signing in for a token: checked like the form, with the same lockout
                .requestMatchers(HttpMethod.POST, "/api/v1/tokens")
                .permitAll()
                // only a guardian enrols, for their own children (ENROL-1)
                .requestMatchers("/api/v1/enrollments", "/api/v1/enrollments/**", "/api/v1/guardians/me/**")
                .hasRole(Role.GUARDIAN.name())
                // a session's roll call is recorded by whoever serves it (OPS-1)
                .requestMatchers("/api/v1/sessions/**")
                .hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name())
                .requestMatchers("/api/v1/registration-windows", "/api/v1/registration-windows/**")
                .hasAnyRole(Role.SCHOOL_ADMIN.name(), Role.COUNTY_ADMIN.name())
                // a teacher's own day (OPS-1 context)
                .requestMatchers("/api/v1/teacher/**")
                .hasRole(Role.TEACHER.name())
                // staff hand children over (OPS-2)
                .requestMatchers("/api/v1/pickups", "/api/v1/pickups/**")
                .hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name())
                .requestMatchers("/city/**")
                .hasAnyRole(Role.CITY_ADMIN.name(), Role.INSPECTOR.name())
                // a county's lotteries are drawn by its own admin only (ENROL-2)
                .requestMatchers("/county/lotteries", "/county/lotteries/**")
                .hasRole(Role.COUNTY_ADMIN.name())
                .requestMatchers("/county/**")
                .hasAnyRole(Role.COUNTY_ADMIN.name(), Role.INSPECTOR.name(), Role.CITY_ADMIN.name())
                .requestMatchers("/school/**")
                .hasRole(Role.SCHOOL_ADMIN.name())
                .requestMatchers("/teacher/**")
                .hasRole(Role.TEACHER.name())
                .requestMatchers("/guardian/**")
                .hasRole(Role.GUARDIAN.name())
                .requestMatchers("/actuator/**")
                .hasRole(Role.CITY_ADMIN.name())
                .anyRequest()
                .authenticated();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * The headers {@link #headers} configures, as writers for the answers of {@link DirectApiFilter}: Spring
     * Security's defaults and ours, in its order. {@code DirectApiRouteTests} compares both paths' headers.
     */
    static List<HeaderWriter> headerWriters() {
        return List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** The hot API operations, answered ahead of every other filter, this chain included (ADR 0021). */
    @Bean
    FilterRegistrationBean<DirectApiFilter> directApiFilter(ObjectProvider<DirectApiRoute> routes, ApiTokens tokens) {
        FilterRegistrationBean<DirectApiFilter> registration = new FilterRegistrationBean<>(
                new DirectApiFilter(routes.orderedStream().toList(), tokens, headerWriters()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                AuthenticationException e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"));
    }

    /**
     * Checks the lockout before the password, counts failures whether or not the name exists, and answers an
     * unknown name exactly as a wrong password.
     */
    @Bean
    AuthenticationProvider kehouAuthenticationProvider(
            AccountManagement accounts, LoginThrottle throttle, PasswordEncoder passwords) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String login = authentication.getName() == null ? "" : authentication.getName();
                String password = String.valueOf(authentication.getCredentials());
                if (throttle.isLocked(login)) {
                    throw new LockedException("locked");
                }
                var account = accounts.findForLogin(login);
                boolean matches = passwords.matches(
                        password,
                        account.map(AccountManagement.LoginAccount::passwordHash)
                                .orElse(UNKNOWN_USER_HASH));
                if (account.isEmpty() || !matches) {
                    throttle.recordFailure(login);
                    throw new BadCredentialsException("bad credentials");
                }
                if (!account.get().enabled()) {
                    throw new DisabledException("disabled");
                }
                throttle.recordSuccess(login);
                UUID id = account.get().id();
                var scope = accounts.scopeOf(id).orElseThrow(() -> new BadCredentialsException("bad credentials"));
                List<SimpleGrantedAuthority> authorities = scope.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList();
                return UsernamePasswordAuthenticationToken.authenticated(id.toString(), null, authorities);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
