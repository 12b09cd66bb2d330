package vn.motcua.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs and checks the token of a link mailed to someone without an account
 * (a rating link, a survey invitation): the first 32 hex digits of an
 * HMAC-SHA256 of what the link opens, compared in constant time. The key is
 * the same on every node and survives restarts: the configured secret when
 * there is one, else a random key made once in the database (table
 * {@code app_secret}, one row per purpose; the first node to need it wins,
 * the others read it), kept in memory after the first use.
 */
public final class LinkSigner {

    private final JdbcClient jdbc;
    private final String purpose;
    private final String configured;
    private volatile byte[] key;

    /**
     * @param purpose    the key's name in {@code app_secret} (one key per kind of link)
     * @param configured the configured secret, or blank for the database's key
     */
    public LinkSigner(JdbcClient jdbc, String purpose, String configured) {
        this.jdbc = jdbc;
        this.purpose = purpose;
        this.configured = configured;
    }

    /** The token of the link that opens {@code subject}. */
    public String token(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String subject, String token) {
        return subject != null && token != null && token.length() == 32
                && MessageDigest.isEqual(token(subject).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
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
                .params(purpose, Base64.getEncoder().encodeToString(fresh)).update();
        return Base64.getDecoder().decode(jdbc.sql("SELECT value FROM app_secret WHERE name = ?").param(purpose)
                .query(String.class).single());
    }
}
