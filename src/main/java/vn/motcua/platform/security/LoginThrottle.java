package vn.motcua.platform.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing from one address across many usernames: after
 * {@link #MAX_FAILURES} failures within {@link #WINDOW_MILLIS} the address is
 * refused until the window passes. Per node and in memory on purpose: the
 * per-account lockout (in the database) is what holds across nodes; this one
 * only has to make a spray from one address expensive. Staff and citizen
 * logins share the count: a spray over both forms is still one spray.
 *
 * <p>The address is the client's: behind the reverse proxies configured as
 * trusted ({@code motcua.security.trusted-proxies}), {@link ClientAddressFilter}
 * has made the request's remote address the one {@code X-Forwarded-For} names,
 * so strangers failing through one proxy do not block everybody behind it.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 20;
    static final long WINDOW_MILLIS = 15 * 60_000;

    private record Window(long start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String client) {
        Window w = windows.get(client);
        return w != null && w.failures() >= MAX_FAILURES && clock.millis() - w.start() < WINDOW_MILLIS;
    }

    public void failed(String client) {
        long now = clock.millis();
        windows.compute(client, (k, w) -> w == null || now - w.start() >= WINDOW_MILLIS
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start() >= WINDOW_MILLIS);
        }
    }

    /** The remote address the login came from, as the authentication's details recorded it. */
    public static String clientOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null) {
            return d.getRemoteAddress();
        }
        return "unknown";
    }
}
