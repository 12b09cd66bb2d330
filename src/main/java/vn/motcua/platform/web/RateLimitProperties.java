package vn.motcua.platform.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits ({@code motcua.rate-limits}; defaults in application.yml,
 * documented in docs/security/input-limits-rate-limits-fuzzing.md). Each rule names the requests it counts
 * (methods, path patterns, optionally a parameter that must be present, e.g.
 * the search text) and how many of them one client address and one account
 * may make in a fixed window; 0 means no limit on that side. The account is
 * the signed-in user, or for anonymous forms the value of
 * {@code account-parameter} (the identity number being registered, the login
 * whose password is being reset).
 */
@ConfigurationProperties("motcua.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Rule> rules) {

    public RateLimitProperties {
        rules = rules == null ? Map.of() : new LinkedHashMap<>(rules);
    }

    /** One limited surface. */
    public record Rule(List<String> methods, List<String> paths, String requiredParameter,
                       @DefaultValue("0") int perAddress, @DefaultValue("0") int perAccount,
                       @DefaultValue("1m") Duration window, String accountParameter) {

        public Rule {
            methods = methods == null ? List.of() : List.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
            if (window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a rate limit's window must be positive");
            }
        }
    }
}
