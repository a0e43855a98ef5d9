package org.kehou.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Form sign-in with sessions for people. Paths are split by role here; which rows inside a path a user may reach
 * is decided by their {@link org.kehou.platform.UserScope}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** bcrypt of a password nobody has, compared against when a name is unknown so both answers take as long. */
    private static final String UNKNOWN_USER_HASH =
            new BCryptPasswordEncoder().encode(UUID.randomUUID().toString());

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, AuthenticationProvider provider) throws Exception {
        // no global manager as parent: it holds the same provider, so each failed attempt was checked and
        // counted twice towards the lockout
        http.authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/public/**")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        // published offerings are public information (COURSE-2)
                        .requestMatchers(HttpMethod.GET, "/api/v1/schools/*/offerings")
                        .permitAll()
                        .requestMatchers("/city/**")
                        .hasAnyRole(Role.CITY_ADMIN.name(), Role.INSPECTOR.name())
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
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("login")
                        .passwordParameter("password")
                        .failureHandler(failureHandler())
                        .defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .invalidateHttpSession(true)
                        .deleteCookies("SESSION"))
                // an API client that is not signed in is told so; a person is sent to the sign-in page
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
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
