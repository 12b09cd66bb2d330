package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits ({@link RateLimitProperties}) cluster-wide: each
 * request a rule matches is counted once for its client address
 * ({@link ClientAddress#of}) and once for its account, and refused with 429
 * and {@code Retry-After} once either count passes the rule's limit:
 * problem+json on the API, a short Vietnamese page saying how long to wait
 * elsewhere. Runs after Spring Security (so the signed-in account is known)
 * and before the controllers. Counter keys hold hashes, never the address,
 * identity number or e-mail address itself.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final Map<String, RateLimitProperties.Rule> rules;
    private final RateLimiter limiter;
    private final LimitResponses responses;

    public RateLimitFilter(Map<String, RateLimitProperties.Rule> rules, RateLimiter limiter, LimitResponses responses) {
        this.rules = Map.copyOf(rules);
        this.limiter = limiter;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, RateLimitProperties.Rule> e : rules.entrySet()) {
            RateLimitProperties.Rule rule = e.getValue();
            if (!matches(rule, request)) {
                continue;
            }
            String name = e.getKey();
            if (refused(request, response, name, "a", ClientAddress.of(request), rule.perAddress(), rule)) {
                return;
            }
            String account = account(rule, request);
            if (account != null && refused(request, response, name, "u", account, rule.perAccount(), rule)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean refused(HttpServletRequest request, HttpServletResponse response, String rule, String kind, String key,
                            int limit, RateLimitProperties.Rule r) throws IOException {
        if (limit <= 0) {
            return false;
        }
        RateLimiter.Decision d = limiter.hit(rule + ":" + kind + ":" + hash(key), limit, r.window());
        if (d.allowed()) {
            return false;
        }
        log.info("Rate limit {} reached ({} per {}, by {}), {} s to wait", rule, limit, r.window(),
                "a".equals(kind) ? "address" : "account", d.retryAfterSeconds());
        responses.refuse(request, response, 429, null, "limit.rate", new Object[0], d.retryAfterSeconds());
        return true;
    }

    /** The rules that count this request, by name (for the documentation and tests). */
    public List<String> rulesFor(HttpServletRequest request) {
        return rules.entrySet().stream().filter(e -> matches(e.getValue(), request)).map(Map.Entry::getKey).sorted().toList();
    }

    static boolean matches(RateLimitProperties.Rule rule, HttpServletRequest request) {
        if (!rule.methods().isEmpty() && rule.methods().stream().noneMatch(m -> m.equalsIgnoreCase(request.getMethod()))) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (rule.paths().stream().noneMatch(p -> PATHS.match(p, path))) {
            return false;
        }
        if (rule.requiredParameter() != null && !rule.requiredParameter().isBlank()) {
            String v = request.getParameter(rule.requiredParameter());
            return v != null && !v.isBlank();
        }
        return true;
    }

    /** The signed-in user's name, else the rule's form parameter (normalised), else null. */
    static String account(RateLimitProperties.Rule rule, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "user:" + auth.getName();
        }
        if (rule.accountParameter() != null && !rule.accountParameter().isBlank()) {
            String v = request.getParameter(rule.accountParameter());
            if (v != null && !v.isBlank()) {
                String normalised = v.strip().toLowerCase(Locale.ROOT);
                return "param:" + (normalised.length() > 320 ? normalised.substring(0, 320) : normalised);
            }
        }
        return null;
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
