package vn.motcua.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The sender's key of a PAKN: 12 characters of an alphabet without look-alikes
 * (60 bits), given once at filing; only its SHA-256 is kept.
 */
public final class SenderKeys {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 12;

    private SenderKeys() {
    }

    public static String newKey() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    /** The stored form of a key as typed (upper-cased, spaces and dashes dropped). */
    public static String hash(String key) {
        String k = key == null ? "" : key.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a typed key matches the stored hash (compared in constant time). */
    public static boolean matches(String key, String storedHash) {
        if (key == null || key.isBlank() || key.length() > 64 || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
