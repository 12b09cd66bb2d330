package vn.motcua.integration.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed: {@code X-MotCua-Signature: sha256=<hex>} where
 * hex is HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes),
 * over {@code <X-MotCua-Timestamp> + "." + <body>}; the timestamp is in Unix
 * seconds. A partner recomputes it, compares in constant time, and refuses a
 * timestamp older than a few minutes (a replay).
 */
public final class WebhookSigning {

    public static final String SIGNATURE = "X-MotCua-Signature";
    public static final String TIMESTAMP = "X-MotCua-Timestamp";
    public static final String DELIVERY = "X-MotCua-Delivery";
    public static final String EVENT = "X-MotCua-Event";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigning() {
    }

    /** A new secret: 32 random bytes, URL-safe Base64 behind a {@code whsec_} prefix. */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
