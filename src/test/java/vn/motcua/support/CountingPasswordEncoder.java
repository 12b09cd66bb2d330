package vn.motcua.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt at its lowest cost, counting the checks: the login tests assert that
 * every refusal costs exactly one check, whatever its reason, by counting
 * rather than timing.
 */
public final class CountingPasswordEncoder implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    public final AtomicInteger matches = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        matches.incrementAndGet();
        return bcrypt.matches(raw, encoded);
    }
}
