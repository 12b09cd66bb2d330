package vn.motcua.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import vn.motcua.portal.CitizenPrincipal;

/**
 * Puts a citizen's authentication into the (database-backed) session: after
 * registering and after the identity provider's login, which do not pass
 * through the login form. The same context repository, request cache and
 * session-fixation defence as the portal's filter chain.
 */
@Component
public class CitizenSignIn {

    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final RequestCache requests = new HttpSessionRequestCache();
    private final SessionAuthenticationStrategy sessions = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SecurityContextRepository contextRepository() {
        return contexts;
    }

    RequestCache requestCache() {
        return requests;
    }

    /** Signs the citizen in for the rest of the session. */
    public void signIn(CitizenPrincipal citizen, HttpServletRequest request, HttpServletResponse response) {
        var authentication = citizen.authentication();
        sessions.onAuthentication(authentication, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /**
     * Where to go after signing in: the portal page the citizen asked for before
     * being sent to the login, else the portal's home. A page outside the portal
     * (a staff page) is never the target: the citizen would only meet a 403 there.
     */
    public String target(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String home = request.getContextPath() + "/portal";
        if (saved == null) {
            return home;
        }
        URI uri = URI.create(saved.getRedirectUrl());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(request.getContextPath() + "/portal")) {
            return home;
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
