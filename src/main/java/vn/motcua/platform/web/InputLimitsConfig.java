package vn.motcua.platform.web;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the input bounds and the rate limits as servlet filters around
 * every request (API, pages and portal alike, so no security chain needs to
 * know of them): the body limits first of all, before security reads
 * anything; the rate limits right after security, when the account is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class InputLimitsConfig {

    /** Right after the request id, before Spring Security. */
    static final int INPUT_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    /** Right after Spring Security's filter chain. */
    static final int RATE_LIMIT_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    InputLimits inputLimits(@Value("${motcua.limits.body-bytes:1048576}") long bodyBytes,
                            @Value("${motcua.files.max-bytes:20971520}") long fileBytes,
                            @Value("${motcua.limits.upload-overhead-bytes:1048576}") long overhead,
                            @Value("${motcua.limits.upload-paths:}") List<String> uploadPaths) {
        return new InputLimits(bodyBytes, fileBytes + overhead, uploadPaths);
    }

    @Bean
    FilterRegistrationBean<InputLimitFilter> inputLimitFilter(InputLimits limits, LimitResponses responses) {
        FilterRegistrationBean<InputLimitFilter> r = new FilterRegistrationBean<>(new InputLimitFilter(limits, responses));
        r.setOrder(INPUT_LIMIT_ORDER);
        r.setName("inputLimitFilter");
        return r;
    }

    @Bean
    RateLimiter rateLimiter(JdbcClient jdbc, Clock clock) {
        return new RateLimiter(jdbc, clock);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, RateLimiter limiter,
                                                            LimitResponses responses) {
        FilterRegistrationBean<RateLimitFilter> r = new FilterRegistrationBean<>(
                new RateLimitFilter(properties.enabled() ? properties.rules() : java.util.Map.of(), limiter, responses));
        r.setOrder(RATE_LIMIT_ORDER);
        r.setName("rateLimitFilter");
        return r;
    }
}
