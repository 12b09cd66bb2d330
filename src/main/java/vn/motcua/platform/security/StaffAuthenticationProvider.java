package vn.motcua.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.motcua.organization.LoginAccount;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;

/**
 * Checks a username and password for the login page and for HTTP Basic on the
 * API. The account is read fresh each time (so deactivation and lockout apply
 * at once) but a successful BCrypt check is remembered for a few minutes as a
 * salted SHA-256 bound to the stored hash: an API client sending Basic on
 * every call costs microseconds, not a BCrypt round each, and a changed
 * password invalidates the memory because the stored hash changes.
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final long REMEMBER_MILLIS = 5 * 60_000;
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(String storedHash, String digest, long until) {
    }

    private final OrganizationService organization;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, Object> checking = new ConcurrentHashMap<>();
    private final byte[] salt = new java.security.SecureRandom().generateSeed(16);

    public StaffAuthenticationProvider(OrganizationService organization, PasswordEncoder encoder,
                                       LoginThrottle throttle, Clock clock) {
        this.organization = organization;
        this.encoder = encoder;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String client = LoginThrottle.clientOf(authentication);
        if (throttle.blocked(client)) {
            throw new LockedException("too many failed logins from this address");
        }
        LoginAccount account = organization.loginAccount(username).orElse(null);
        Instant now = clock.instant();
        if (account == null) {
            throttle.failed(client);
            throw new BadCredentialsException("bad credentials");
        }
        if (account.lockedAt(now)) {
            throw new LockedException("account locked until " + account.lockedUntil());
        }
        if (!account.active()) {
            throw new DisabledException("account disabled");
        }
        if (!matches(account, password)) {
            throttle.failed(client);
            organization.recordFailedLogin(username);
            throw new BadCredentialsException("bad credentials");
        }
        if (account.failedLogins() > 0) {
            organization.recordSuccessfulLogin(username);
        }
        StaffPrincipal principal = StaffPrincipal.of(account);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private boolean matches(LoginAccount account, String password) {
        String digest = digest(account.username(), password);
        long nowMillis = clock.millis();
        if (remembers(account, digest, nowMillis)) {
            return true;
        }
        // one BCrypt check per account at a time: concurrent calls of one client (16 at the start of a
        // load test, or when the memory expires) wait for the first check instead of each running their own
        synchronized (checking.computeIfAbsent(account.username(), k -> new Object())) {
            return remembers(account, digest, clock.millis()) || check(account, password, digest, nowMillis);
        }
    }

    private boolean remembers(LoginAccount account, String digest, long nowMillis) {
        Remembered r = remembered.get(account.username());
        return r != null && r.until() > nowMillis && r.storedHash().equals(account.passwordHash())
                && MessageDigest.isEqual(r.digest().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean check(LoginAccount account, String password, String digest, long nowMillis) {
        boolean ok = encoder.matches(password, account.passwordHash());
        if (ok) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
                checking.clear();
            }
            remembered.put(account.username(), new Remembered(account.passwordHash(), digest, nowMillis + REMEMBER_MILLIS));
        } else {
            remembered.remove(account.username());
        }
        return ok;
    }

    private String digest(String username, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
