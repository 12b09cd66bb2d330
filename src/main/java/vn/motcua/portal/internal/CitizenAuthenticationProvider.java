package vn.motcua.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.platform.security.LoginThrottle;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;

/**
 * Checks an identity number (citizen ID or tax code) and password on the
 * portal's login form, the way the staff login does.
 *
 * <p>Every refusal looks the same to the caller, a {@link BadCredentialsException}
 * with one message, whether the number is unknown, the password wrong, the
 * account locked, disabled or frozen, or it has no password (made by VNeID), and
 * each costs one BCrypt check (against a dummy hash when there is no password to
 * check), so neither the answer nor its time tells which. Only an address the
 * per-address throttle has blocked is refused without one: it learns nothing
 * about any account. The real reason goes to the audit trail
 * ({@code citizen.login.failed}, reason {@link Failure}, with the client's
 * address as {@link vn.motcua.platform.security.ClientAddressFilter} resolved
 * it); successful logins too ({@code citizen.login.succeeded}).
 *
 * <p>The account is read fresh each time, so lockout and deactivation apply at
 * once; repeated failures lock it by the back-off rule shared with the staff
 * ({@link vn.motcua.shared.LoginBackoff}, in the database, so on every node),
 * and the per-address throttle is the staff login's. Not a bean on purpose: it
 * serves the portal's chain only.
 */
class CitizenAuthenticationProvider implements AuthenticationProvider {

    /** Why a login was refused, as the audit trail records it. */
    enum Failure { UNKNOWN, BAD_PASSWORD, LOCKED, DISABLED, FROZEN, THROTTLED }

    static final String FAILED = "citizen.login.failed";
    static final String SUCCEEDED = "citizen.login.succeeded";

    /** Longest identity number kept in the audit trail as typed (the longest valid one has 14 characters). */
    private static final int MAX_AUDITED = 64;

    private final CitizenAccountStore store;
    private final CitizenAccounts accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    /** What a refusal without a password to check spends its BCrypt round on. */
    private final String dummyHash;

    CitizenAuthenticationProvider(CitizenAccountStore store, CitizenAccounts accounts, PasswordEncoder encoder,
                                  LoginThrottle throttle, AuditTrail audit, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String identity = CitizenAccounts.identityNumber(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String client = LoginThrottle.clientOf(authentication);
        if (throttle.blocked(client)) {
            // no BCrypt here: a throttled address gets no more of the server's time
            throw refused(identity, false, Failure.THROTTLED, client);
        }
        CitizenAccountStore.Login login = identity == null ? null : store.login(identity).orElse(null);
        if (login == null) {
            encoder.matches(password, dummyHash);
            throttle.failed(client);
            // a frozen account gave up its number: it is found only among the number's former holders
            boolean frozen = identity != null && !store.frozenWith(identity).isEmpty();
            throw refused(identity, frozen, frozen ? Failure.FROZEN : Failure.UNKNOWN, client);
        }
        Instant now = clock.instant();
        if (login.lockedAt(now)) {
            encoder.matches(password, dummyHash);
            throttle.failed(client);
            throw refused(identity, true, Failure.LOCKED, client);
        }
        if (!login.account().active()) {
            encoder.matches(password, dummyHash);
            throttle.failed(client);
            throw refused(identity, true, login.account().frozen() ? Failure.FROZEN : Failure.DISABLED, client);
        }
        // accounts made by the identity provider have no password until the citizen sets one by a reset
        boolean matches;
        if (login.passwordHash() == null) {
            encoder.matches(password, dummyHash);
            matches = false;
        } else {
            matches = encoder.matches(password, login.passwordHash());
        }
        if (!matches) {
            throttle.failed(client);
            accounts.recordFailedLogin(login.account().id());
            throw refused(identity, true, Failure.BAD_PASSWORD, client);
        }
        if (login.failedLogins() > 0 || login.lockedUntil() != null) {
            accounts.recordSuccessfulLogin(login.account().id());
        }
        CitizenPrincipal citizen = login.account().principal();
        audit.recordAlone(AuditEntry.of(SUCCEEDED, citizen.fileOwner(), "citizen", citizen.identityNumber())
                .detail("form; account " + citizen.accountId()).address(client));
        return citizen.authentication();
    }

    private BadCredentialsException refused(String identity, boolean account, Failure why, String client) {
        String typed = identity == null ? "" : identity.length() > MAX_AUDITED ? identity.substring(0, MAX_AUDITED) : identity;
        audit.recordAlone(AuditEntry.of(FAILED, CitizenPrincipal.ACTOR_PREFIX + typed, "citizen", account ? typed : null)
                .reason(why.name()).detail("form").address(client));
        return new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
