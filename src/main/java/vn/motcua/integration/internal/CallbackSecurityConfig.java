package vn.motcua.integration.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The payment platform's callback is called by the platform, not by a
 * signed-in person: its own chain lets it through without an account, a
 * session or a CSRF token. It is authenticated by what it carries — the
 * checksum over its fields with the shared secret, checked in constant time
 * — and refused otherwise ({@code OnlinePayments.callback}).
 */
@Configuration(proxyBeanMethods = false)
class CallbackSecurityConfig {

    static final String CALLBACK = "/api/v1/payments/callback";

    @Bean
    @Order(0)
    SecurityFilterChain paymentCallbackChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CALLBACK))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
