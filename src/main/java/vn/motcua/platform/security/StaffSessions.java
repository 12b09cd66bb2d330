package vn.motcua.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.motcua.organization.StaffAccessChanged;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.AfterCommit;

/**
 * Ends a staff member's sessions when their access is cut or their password
 * changes ({@link StaffAccessChanged}). Sessions live in PostgreSQL and every
 * node reads a request's session from there, so deleting the rows ends them on
 * every node at once. They are deleted in the changing transaction (they end
 * if and only if the change commits) and swept once more right after the commit,
 * for a login that slipped in meanwhile. Sessions are found by the principal
 * name they are indexed under, and only those whose principal is this staff
 * member are ended (a citizen's session is indexed under an identity number,
 * which a staff username could equal). The session of the request making the
 * change, when it is the person's own, is kept when they changed their own
 * password, else invalidated through the request once the change commits.
 */
@Component
public class StaffSessions {

    private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final JdbcClient jdbc;

    public StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(StaffAccessChanged change) {
        HttpSession callers = callersSession(change.staffId().value());
        String callersId = callers == null ? null : callers.getId();
        // the caller's own session is not deleted behind the running request's back (Spring Session still
        // holds it and saves it when the request ends): it is kept (a change of one's own password) or
        // invalidated through the request, with Spring Session's own API, once the change has committed
        List<String> ids = sessionsOf(change, callersId);
        if (!ids.isEmpty()) {
            // in the changing transaction when there is one
            jdbc.sql("DELETE FROM spring_session WHERE session_id = ANY(?)").param(ids.toArray(String[]::new)).update();
        }
        boolean endCallers = callers != null && !change.keepCallersSession();
        log.info("Staff {} ({}): {} session(s) ended{}", change.staffId().value(), change.reasons(),
                ids.size() + (endCallers ? 1 : 0), callers != null && !endCallers ? ", the current one kept" : "");
        Runnable afterCommit = () -> {
            if (endCallers) {
                try {
                    callers.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile
                }
            }
            try {
                for (String id : sessionsOf(change, callersId)) {
                    sessions.deleteById(id);
                }
            } catch (RuntimeException e) {
                log.warn("Second sweep of the sessions of staff {} failed", change.staffId().value(), e);
            }
        };
        AfterCommit.run(afterCommit);
    }

    /** Ids of the sessions whose principal is this staff member, but the one to keep. */
    private List<String> sessionsOf(StaffAccessChanged change, String keep) {
        List<String> ids = new ArrayList<>();
        for (String name : change.usernames()) {
            Map<String, ? extends Session> found = sessions.findByPrincipalName(name);
            found.forEach((id, session) -> {
                if (!id.equals(keep) && belongsTo(session, change.staffId().value())) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    private static boolean belongsTo(Session session, long staffId) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext c && c.getAuthentication() != null
                && c.getAuthentication().getPrincipal() instanceof StaffPrincipal p && p.staffId() == staffId;
    }

    /** The session of the current request if it is this staff member's own. */
    private static HttpSession callersSession(long staffId) {
        var a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !(a.getPrincipal() instanceof StaffPrincipal p) || p.staffId() != staffId) {
            return null;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getSession(false);
        }
        return null;
    }
}
