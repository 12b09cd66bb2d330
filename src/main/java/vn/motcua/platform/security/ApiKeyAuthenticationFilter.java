package vn.motcua.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.LoginAccount;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;

/**
 * Machine clients send {@code Authorization: Bearer <key>}. The key's SHA-256
 * is looked up by index (one query, no password hashing) and the call acts as
 * the staff account the key belongs to. A wrong key answers 401 at once.
 * Each call with a key, and each refused key, is recorded in the audit trail
 * ({@code api-key.used} with the method, path and status; {@code api-key.refused}).
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** The part of a key the trail names it by: its first 8 characters, as the key list shows them (never the rest). */
    static String prefix(String token) {
        return token.substring(0, Math.min(8, token.length()));
    }

    private final OrganizationService organization;
    private final ProblemResponses problems;
    private final AuditTrail audit;

    public ApiKeyAuthenticationFilter(OrganizationService organization, ProblemResponses problems, AuditTrail audit) {
        this.organization = organization;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        LoginAccount account = token.isEmpty() ? null : organization.loginAccountForApiKey(token).orElse(null);
        if (account == null || !account.active()) {
            audit.recordAlone(AuditEntry.of("api-key.refused", account == null ? "anonymous" : account.username(), "api-key",
                            prefix(token))
                    .detail(request.getMethod() + " " + request.getRequestURI() + (account == null ? "; unknown key" : "; inactive account"))
                    .address(request.getRemoteAddr()));
            problems.write(request, response, 401, "auth.apiKey.invalid");
            return;
        }
        StaffPrincipal principal = StaffPrincipal.of(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
            // every call made with a key, with its answer (machine clients act as a staff account: they are accountable too)
            audit.recordAlone(AuditEntry.of("api-key.used", account.username(), "api-key", prefix(token))
                    .detail(request.getMethod() + " " + request.getRequestURI() + " → " + response.getStatus())
                    .address(request.getRemoteAddr()));
        }
    }
}
