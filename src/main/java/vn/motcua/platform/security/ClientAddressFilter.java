package vn.motcua.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code request.getRemoteAddr()} the real client's address behind the
 * reverse proxies named in {@code motcua.security.trusted-proxies}
 * ({@code MOTCUA_TRUSTED_PROXIES}, see {@link TrustedProxies}), for everything
 * after it: the login throttle, the authentication details, the audit trail,
 * rate limits. Runs right after the request id, before Spring Security. Without
 * trusted proxies the peer's address stays, whatever the headers say.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClientAddressFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientAddressFilter.class);

    private final TrustedProxies proxies;
    private final AtomicBoolean warned = new AtomicBoolean();

    public ClientAddressFilter(@Value("${motcua.security.trusted-proxies:}") String trustedProxies) {
        this.proxies = TrustedProxies.parse(trustedProxies);
        if (!proxies.isEmpty()) {
            log.info("X-Forwarded-For is believed from {}", proxies);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (request.getHeader("X-Forwarded-For") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!proxies.trusts(peer)) {
            if (warned.compareAndSet(false, true)) {
                log.warn("A request from {} carries X-Forwarded-For, which is ignored: that peer is not a trusted proxy. "
                        + "Behind a reverse proxy, set MOTCUA_TRUSTED_PROXIES (CIDR list) or every client shares the "
                        + "proxy's address (and its login throttle). Logged once.", peer);
            }
            chain.doFilter(request, response);
            return;
        }
        String client = proxies.clientOf(peer, request.getHeaders("X-Forwarded-For"));
        chain.doFilter(new ClientAddressRequest(request, client), response);
    }

    private static final class ClientAddressRequest extends HttpServletRequestWrapper {

        private final String client;

        ClientAddressRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
