package vn.motcua.platform.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.organization.StaffPrincipal;

/**
 * Puts who is calling in the log lines of the request, after the security
 * filters have authenticated it: {@code actor} is {@code staff-<id>} for an
 * officer and {@code citizen} for a citizen (never a name or an identity
 * number: logs hold no personal data); {@code unit}, the unit an act was done
 * for, is set by the act itself and cleared here with the rest.
 */
@Component
@Order(0)
public class ActorLogFilter extends OncePerRequestFilter {

    public static final String ACTOR = "actor";
    public static final String UNIT = "unit";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()) {
            Object p = auth.getPrincipal();
            if (p instanceof StaffPrincipal staff) {
                MDC.put(ACTOR, "staff-" + staff.staffId());
            } else if (p != null && p.getClass().getSimpleName().equals("CitizenPrincipal")) {
                MDC.put(ACTOR, "citizen");
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ACTOR);
            MDC.remove(UNIT);
        }
    }
}
