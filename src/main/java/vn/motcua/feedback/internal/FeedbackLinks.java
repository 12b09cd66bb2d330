package vn.motcua.feedback.internal;

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
 * Signs the links the feedback module mails (survey invitations:
 * {@code /public/survey/{id}?t=…}) with an HMAC-SHA256 of what they open. The
 * key is the same on every node and after restarts: {@code motcua.feedback.link-secret}
 * when configured, else a random key made once in the database
 * ({@code app_secret} "feedback-link").
 */
@Component
public class FeedbackLinks {

    static final String SECRET_NAME = "feedback-link";

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] key;

    public FeedbackLinks(JdbcClient jdbc, @Value("${motcua.feedback.link-secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

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

    private byte[] shared() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO app_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(SECRET_NAME, Base64.getEncoder().encodeToString(fresh)).update();
        return Base64.getDecoder().decode(jdbc.sql("SELECT value FROM app_secret WHERE name = ?").param(SECRET_NAME)
                .query(String.class).single());
    }
}
