package vn.motcua.portal.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the token of a rating link ({@code /public/rating/{code}?t=…}):
 * an HMAC-SHA256 of the dossier code. The key is the same on every node and
 * survives restarts, so a link mailed yesterday by one node opens on another
 * today: {@code motcua.rating.secret} when configured, else a random key made
 * once in the database ({@code app_secret}, the first node to need it wins,
 * the others read it) and kept in memory after the first use.
 */
@Component
public class RatingLinks {

    static final String SECRET_NAME = "rating-link";

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] key;

    public RatingLinks(JdbcClient jdbc, @Value("${motcua.rating.secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** The token of the rating link for a dossier. */
    public String token(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String code, String token) {
        return code != null && token != null && MessageDigest.isEqual(token(code).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8) : shared();
            key = k;
        }
        return k;
    }

    /** The database's key: made by the first node that needs one (ON CONFLICT: the others keep the winner's). */
    private byte[] shared() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO app_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(SECRET_NAME, Base64.getEncoder().encodeToString(fresh)).update();
        String value = jdbc.sql("SELECT value FROM app_secret WHERE name = ?").param(SECRET_NAME).query(String.class).single();
        return Base64.getDecoder().decode(value);
    }
}
