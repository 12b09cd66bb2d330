package vn.motcua.portal.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.motcua.platform.security.LoginThrottle;
import vn.motcua.portal.CitizenAccounts;

/**
 * Checks an identity number (citizen ID or tax code) and password on the
 * portal's login form. The account is read fresh each time, so lockout and
 * deactivation apply at once; five failures in a row lock it for 15 minutes
 * (in the database, so on every node) and the per-address throttle is the
 * staff login's. Not a bean on purpose: it serves the portal's chain only.
 */
class CitizenAuthenticationProvider implements AuthenticationProvider {

    private final CitizenAccountStore store;
    private final CitizenAccounts accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Clock clock;

    CitizenAuthenticationProvider(CitizenAccountStore store, CitizenAccounts accounts, PasswordEncoder encoder,
                                  LoginThrottle throttle, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String identity = CitizenAccounts.identityNumber(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String client = LoginThrottle.clientOf(authentication);
        if (throttle.blocked(client)) {
            throw new LockedException("too many failed logins from this address");
        }
        CitizenAccountStore.Login login = identity == null ? null : store.login(identity).orElse(null);
        if (login == null) {
            throttle.failed(client);
            throw new BadCredentialsException("bad credentials");
        }
        Instant now = clock.instant();
        if (login.lockedAt(now)) {
            throw new LockedException("account locked until " + login.lockedUntil());
        }
        if (!login.account().active()) {
            throw new DisabledException("account disabled");
        }
        // accounts made by the identity provider have no password until the citizen sets one by a reset
        if (login.passwordHash() == null || !encoder.matches(password, login.passwordHash())) {
            throttle.failed(client);
            accounts.recordFailedLogin(login.account().id());
            throw new BadCredentialsException("bad credentials");
        }
        if (login.failedLogins() > 0 || login.lockedUntil() != null) {
            accounts.recordSuccessfulLogin(login.account().id());
        }
        return login.account().principal().authentication();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
