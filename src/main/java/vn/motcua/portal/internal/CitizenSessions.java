package vn.motcua.portal.internal;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.motcua.portal.CitizenAccount;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.shared.AfterCommit;

/**
 * Ends a citizen's sessions on every node at once: sessions live in
 * PostgreSQL (Spring Session JDBC), indexed by the principal's name, which for
 * a citizen is the identity number ({@link CitizenPrincipal#getName()}). Staff
 * usernames may be all digits too, so a session is ended only when its
 * security context holds a {@link CitizenPrincipal} of that very account.
 * Deleting the row is enough: every node reads the session from the database
 * on each request, so the next request of that browser is anonymous.
 */
@Component
public class CitizenSessions {

    private static final Logger log = LoggerFactory.getLogger(CitizenSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    CitizenSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends the account's sessions except the one of the current request (if
     * any), once the current transaction has committed (at once without one),
     * so an act that rolls back ends nothing.
     */
    public void endOthersAfterCommit(CitizenAccount account) {
        String keep = currentSessionId();
        AfterCommit.run(() -> endSessions(account.id(), account.identityNumber(), keep));
    }

    /** Ends the account's sessions but {@code keepSessionId}; returns how many. */
    int endSessions(long accountId, String principalName, String keepSessionId) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null || principalName == null) {
            return 0;
        }
        int ended = 0;
        Map<String, ? extends Session> found = repository.findByPrincipalName(principalName);
        for (Map.Entry<String, ? extends Session> e : found.entrySet()) {
            if (e.getKey().equals(keepSessionId)) {
                continue;
            }
            Object context = e.getValue().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext c && c.getAuthentication() != null
                    && c.getAuthentication().getPrincipal() instanceof CitizenPrincipal p && p.accountId() == accountId) {
                repository.deleteById(e.getKey());
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of citizen account {}", ended, accountId);
        }
        return ended;
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpSession s = a.getRequest().getSession(false);
            return s == null ? null : s.getId();
        }
        return null;
    }
}
