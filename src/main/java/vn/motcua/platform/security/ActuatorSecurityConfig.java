package vn.motcua.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.motcua.organization.OrganizationService;

/**
 * The operations endpoints ({@code /actuator/**}). Health and its probes are
 * public; everything else (Prometheus, metrics, info) is for administrators and
 * supervisors, signed in on the pages (session), by HTTP Basic, or by an API key
 * of such an account ({@code Authorization: Bearer <key>}), which is what a
 * Prometheus scraper uses. Without credentials a browser is sent to the login
 * page; a refused key or Basic password answers 401 as problem details.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                      OrganizationService organization, ProblemResponses problems,
                                      vn.motcua.audit.AuditTrail audit) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyRole("ADMIN", "SUPERVISOR"))
                .addFilterBefore(new ApiKeyAuthenticationFilter(organization, problems, audit), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "auth.failed")))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "auth.forbidden")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
