package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit trail (docs/audit.md, "Hash encoding"): entry n
 * carries {@code hash(n) = SHA-256(hash(n-1) || UTF-8(canonical(n)))}, with 32
 * zero bytes before the first entry. The canonical encoding is the text
 * {@code motcua-audit-v1,} followed by the fields in a fixed order, each as a
 * netstring ({@code <UTF-8 byte length>:<value>,}) or {@code -,} for none.
 * The database has the same encoding as {@code audit_entry_canonical} and
 * {@code audit_entry_hash} (migration V21), so an auditor can recompute any
 * entry with SQL, or with a few lines of any language.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final byte[] GENESIS = new byte[32];

    static final String VERSION = "motcua-audit-v1,";

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The instant as the database keeps it (microseconds). */
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** An instant as the encoding writes it: UTC, microseconds, e.g. {@code 2026-03-02T02:00:00.000000Z}. */
    public static String formatAt(Instant at) {
        return AT.format(stored(at));
    }

    /** The canonical encoding of an entry's stored fields ({@code changes} as its stored JSON text). */
    public static String canonical(long seq, Instant at, String kind, String actor, Long unitId, String subjectType,
                                   String subjectId, String dossierCode, String detail, String reason, String address,
                                   String changes, String eventKey) {
        StringBuilder b = new StringBuilder(256);
        b.append(VERSION);
        field(b, Long.toString(seq));
        field(b, formatAt(at));
        field(b, kind);
        field(b, actor);
        field(b, unitId == null ? null : unitId.toString());
        field(b, subjectType);
        field(b, subjectId);
        field(b, dossierCode);
        field(b, detail);
        field(b, reason);
        field(b, address);
        field(b, changes);
        field(b, eventKey);
        return b.toString();
    }

    private static void field(StringBuilder b, String v) {
        if (v == null) {
            b.append("-,");
            return;
        }
        b.append(utf8Length(v)).append(':').append(v).append(',');
    }

    /** The UTF-8 length of a string without unpaired surrogates (see {@link #clean}). */
    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** SHA-256 over the previous hash and the encoding's UTF-8 bytes. */
    public static byte[] hash(byte[] prev, String canonical) {
        return hash(digest(), prev, canonical);
    }

    /** The same with a digest the caller reuses (reset here). */
    public static byte[] hash(MessageDigest sha256, byte[] prev, String canonical) {
        sha256.reset();
        sha256.update(prev);
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        return sha256.digest();
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] b) {
        return b == null ? null : HexFormat.of().formatHex(b);
    }

    /**
     * Text as the database can keep it and the encoding can count it: no NUL
     * characters (PostgreSQL refuses them) and no unpaired surrogates (each
     * becomes U+FFFD, as UTF-8 encoders would write it).
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c == 0
                    || Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (!bad) {
                    b.append(c);
                } else if (c != 0) {
                    b.append('\uFFFD');
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * The changes as the trail stores (and hashes) them: a JSON array of
     * {@code {"field":…,"old":…,"new":…}}, keys in that order, no spaces,
     * null values as {@code null}; none at all as SQL NULL.
     */
    public static String changesJson(List<AuditEntry.Change> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("[");
        for (AuditEntry.Change c : changes) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"field\":");
            json(b, c.field());
            b.append(",\"old\":");
            json(b, c.oldValue());
            b.append(",\"new\":");
            json(b, c.newValue());
            b.append('}');
        }
        return b.append(']').toString();
    }

    private static void json(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
