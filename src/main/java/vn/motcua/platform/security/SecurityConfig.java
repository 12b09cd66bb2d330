package vn.motcua.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.organization.OrganizationService;

/**
 * Two filter chains here, with the citizen portal's ({@code /portal/**}) between them.
 * {@code /api/**}: stateless, HTTP Basic for staff or a
 * Bearer API key for machine clients, no CSRF (no cookies are used there),
 * errors as problem+json. Everything else: pages with a login form, the
 * session kept in PostgreSQL (so any node serves any user), CSRF on.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    /** Pages and API paths anyone may read. Modules add theirs here as they come. */
    static final String[] PUBLIC_PAGES = {
        "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/fonts/**", "/favicon.ico",
        "/actuator/health", "/actuator/health/**", "/public/**", "/v3/api-docs", "/v3/api-docs/**",
        "/swagger-ui/**", "/swagger-ui.html"
    };
    static final String[] PUBLIC_API_GETS = {
        "/api/v1/procedures", "/api/v1/procedures/**", "/api/v1/calendar/due", "/api/v1/tracking/**"
    };

    /** Content Security Policy: every asset is served by the application itself. Other page chains (the citizen portal's) reuse it. */
    public static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * Spring Security's own observations are off: they wrapped each filter of
     * every request (about fifteen) in a timed observation, a tenth of an API
     * call's CPU in the profile (docs/benchmarks.md). Each request is still
     * timed as a whole ({@code http_server_requests} in Prometheus); only
     * the per-filter, authentication and authorization timings are gone.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider provider) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                 OrganizationService organization, ProblemResponses problems,
                                 org.springframework.jdbc.core.simple.JdbcClient jdbc,
                                 org.springframework.transaction.PlatformTransactionManager transactions,
                                 vn.motcua.audit.AuditTrail audit) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        // the catalogue's drafts, version history and export are for administrators
                        .requestMatchers(HttpMethod.GET, "/api/v1/procedures/export", "/api/v1/procedures/*/versions",
                                "/api/v1/procedures/*/versions/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, PUBLIC_API_GETS).permitAll()
                        // changes to the organization are for administrators; checked before the body is read
                        .requestMatchers(HttpMethod.POST, "/api/v1/units/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/units/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/calendar/**").hasRole("ADMIN")
                        // so are changes to the catalogue (create, replace, publish, withdraw, import)
                        .requestMatchers(HttpMethod.POST, "/api/v1/procedures", "/api/v1/procedures/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/procedures", "/api/v1/procedures/**").hasRole("ADMIN")
                        // review and simplification proposals, reading included, are for administrators
                        .requestMatchers("/api/v1/simplification-proposals", "/api/v1/simplification-proposals/**")
                                .hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> refuse(problems, req, res, ex)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(organization, problems, audit), BasicAuthenticationFilter.class)
                // after authorization, so the remembered answer is bound to the authenticated caller
                .addFilterAfter(new vn.motcua.platform.web.IdempotencyFilter(jdbc, transactions, problems),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> refuse(problems, req, res, ex))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "auth.forbidden")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * Staff pages. Ordered after the citizen portal's chain ({@code /portal/**}, order 2). The session
     * is shared with the portal, so a signed-in citizen reaches this chain too: every page that is not
     * public needs a staff principal, and a citizen gets 403.
     */
    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/kiosk", "/kiosk/**").hasRole("ONE_STOP_OFFICER")
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .anyRequest().access(SecurityConfig::staff))
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .authenticationDetailsSource(FormLoginDetails::new)
                        // one answer whatever went wrong (the reason is in the audit trail)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error"))
                        .defaultSuccessUrl("/", false))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Signed in as a member of staff (not as a citizen of the portal, not anonymous). */
    private static org.springframework.security.authorization.AuthorizationResult staff(
            java.util.function.Supplier<? extends org.springframework.security.core.Authentication> authentication,
            Object context) {
        var a = authentication.get();
        return new org.springframework.security.authorization.AuthorizationDecision(
                a != null && a.isAuthenticated() && a.getPrincipal() instanceof vn.motcua.organization.StaffPrincipal);
    }

    /** No credentials: they are required; credentials refused: one message whatever the reason. */
    /**
     * An API call that could not be authenticated: 401, or 503 when the
     * account could not be read because the database is out of reach (the
     * credentials may well be right; the client should try again).
     */
    private static void refuse(ProblemResponses problems, jakarta.servlet.http.HttpServletRequest req,
                               jakarta.servlet.http.HttpServletResponse res, Exception ex) throws java.io.IOException {
        if (vn.motcua.platform.web.DatabaseUnavailable.is(ex)) {
            res.setHeader("Retry-After", String.valueOf(vn.motcua.platform.web.DatabaseUnavailable.RETRY_AFTER_SECONDS));
            problems.write(req, res, 503, vn.motcua.platform.web.DatabaseUnavailable.MESSAGE_KEY);
        } else {
            problems.write(req, res, 401, messageKeyFor(ex));
        }
    }

    private static String messageKeyFor(Exception ex) {
        return ex instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                ? "auth.required" : "auth.failed";
    }
}
