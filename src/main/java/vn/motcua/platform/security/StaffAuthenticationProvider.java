package vn.motcua.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.LoginAccount;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;

/**
 * Checks a username and password for the login page and for HTTP Basic on the
 * API.
 *
 * <p>Every refusal looks the same to the caller, a {@link BadCredentialsException}
 * with one message, whether the username is unknown, the password wrong, the
 * account locked or disabled (or the address throttled), and each costs one
 * BCrypt check (against a dummy hash when there is no account to check, or when
 * the account is locked or disabled), so neither the answer nor its time tells
 * which. The real reason goes to the audit trail ({@code staff.login.failed},
 * reason {@link Failure}, with the client's address); successful logins are
 * recorded too ({@code staff.login.succeeded}).
 *
 * <p>The account is read fresh from the database on every call
 * ({@link OrganizationService#loginAccount}), so a password changed or an
 * account deactivated on any node applies at once on every node. A successful
 * BCrypt check of a Basic password is remembered for five minutes as a salted
 * SHA-256 bound to the stored hash it was checked against: it only ever
 * vouches for the password against that very hash, so a changed password (a
 * new hash) finds no memory, and an inactive or locked account is refused
 * before the memory is asked. An API client sending Basic on every call costs
 * microseconds, not a BCrypt round each. The login form always runs BCrypt.
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    /** Why a login was refused, as the audit trail records it. */
    public enum Failure { UNKNOWN_USER, BAD_PASSWORD, LOCKED, DISABLED, THROTTLED }

    public static final String FAILED = "staff.login.failed";
    public static final String SUCCEEDED = "staff.login.succeeded";

    private static final long REMEMBER_MILLIS = 5 * 60_000;
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(String storedHash, String digest, long until) {
    }

    private final OrganizationService organization;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, Object> checking = new ConcurrentHashMap<>();
    private final byte[] salt = new java.security.SecureRandom().generateSeed(16);
    /** What a refusal without an account to check spends its BCrypt round on. */
    private final String dummyHash;

    public StaffAuthenticationProvider(OrganizationService organization, PasswordEncoder encoder,
                                       LoginThrottle throttle, AuditTrail audit, Clock clock) {
        this.organization = organization;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String client = LoginThrottle.clientOf(authentication);
        boolean form = authentication.getDetails() instanceof FormLoginDetails;
        if (throttle.blocked(client)) {
            // no BCrypt here: a throttled address gets no more of the server's time
            throw refused(username, null, Failure.THROTTLED, client, form);
        }
        LoginAccount account = username.isEmpty() ? null : organization.loginAccount(username).orElse(null);
        Instant now = clock.instant();
        if (account == null) {
            encoder.matches(password, dummyHash);
            throttle.failed(client);
            throw refused(username, null, Failure.UNKNOWN_USER, client, form);
        }
        if (account.lockedAt(now)) {
            encoder.matches(password, dummyHash);
            throttle.failed(client);
            throw refused(username, account, Failure.LOCKED, client, form);
        }
        if (!account.active()) {
            encoder.matches(password, dummyHash);
            throttle.failed(client);
            throw refused(username, account, Failure.DISABLED, client, form);
        }
        Check check = matches(account, password, form);
        if (check == Check.WRONG) {
            throttle.failed(client);
            organization.recordFailedLogin(account.username());
            throw refused(username, account, Failure.BAD_PASSWORD, client, form);
        }
        if (account.failedLogins() > 0 || account.lockedUntil() != null) {
            organization.recordSuccessfulLogin(account.username());
        }
        if (check == Check.CHECKED) {
            // a form login, or a Basic password checked afresh (at most once per five minutes per client)
            audit.recordAlone(AuditEntry.of(SUCCEEDED, account.username(), "staff", String.valueOf(account.staffId()))
                    .detail(form ? "form" : "basic").address(client));
        }
        StaffPrincipal principal = StaffPrincipal.of(account);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private BadCredentialsException refused(String username, LoginAccount account, Failure why, String client, boolean form) {
        audit.recordAlone(AuditEntry.of(FAILED, username.length() > 64 ? username.substring(0, 64) : username,
                        "staff", account == null ? null : String.valueOf(account.staffId()))
                .reason(why.name()).detail(form ? "form" : "basic").address(client));
        return new BadCredentialsException("bad credentials");
    }

    private enum Check { REMEMBERED, CHECKED, WRONG }

    private Check matches(LoginAccount account, String password, boolean form) {
        if (form) {
            return check(account, password, digest(account.username(), password), clock.millis()) ? Check.CHECKED : Check.WRONG;
        }
        String digest = digest(account.username(), password);
        long nowMillis = clock.millis();
        if (remembers(account, digest, nowMillis)) {
            return Check.REMEMBERED;
        }
        // one BCrypt check per account at a time: concurrent calls of one client (16 at the start of a
        // load test, or when the memory expires) wait for the first check instead of each running their own
        synchronized (checking.computeIfAbsent(account.username(), k -> new Object())) {
            if (remembers(account, digest, clock.millis())) {
                return Check.REMEMBERED;
            }
            return check(account, password, digest, nowMillis) ? Check.CHECKED : Check.WRONG;
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
