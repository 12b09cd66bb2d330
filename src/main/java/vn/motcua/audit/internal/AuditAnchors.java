package vn.motcua.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditChain;
import vn.motcua.audit.AuditVerification;

/**
 * The daily signed anchors of the audit chain (V43, docs/audit.md "Anchors"):
 * the head (seq, hash) signed with HMAC-SHA256 under
 * {@code motcua.audit.anchor-key}, a key that is not in the database, so
 * that a trail rewritten and re-chained from some entry on (which the walk
 * alone cannot tell from the real one) no longer matches the anchors after
 * that entry. Without a configured key a development key signs, with a
 * warning: the anchors then prove nothing against someone who has read this
 * code.
 */
@Component
public class AuditAnchors {

    static final String DEVELOPMENT_KEY = "motcua-development-audit-anchor-key";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    /** One anchor as stored. */
    public record Anchor(LocalDate day, long seq, String hash, String keyId, OffsetDateTime signedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] key;
    private final String keyId;

    public AuditAnchors(JdbcClient jdbc, Clock clock, @Value("${motcua.audit.anchor-key:}") String configuredKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        boolean configured = configuredKey != null && !configuredKey.isBlank();
        if (!configured) {
            log.warn("motcua.audit.anchor-key is not set: the audit chain's daily anchors are signed with a development key");
        }
        this.key = (configured ? configuredKey : DEVELOPMENT_KEY).getBytes(StandardCharsets.UTF_8);
        // names the key without revealing it: the first 8 bytes of its SHA-256, so a key change shows on each anchor
        this.keyId = HexFormat.of().formatHex(sha256(key), 0, 8);
    }

    /** What is signed: a fixed prefix, the day, the seq and the hash (hex). */
    static String message(LocalDate day, long seq, byte[] hash) {
        return "motcua-audit-anchor-v1," + day + "," + seq + "," + AuditChain.hex(hash);
    }

    byte[] sign(LocalDate day, long seq, byte[] hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message(day, seq, hash).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs the chain's head as today's anchor; nothing when today has one
     * already or the trail is empty. Returns today's anchor.
     */
    public Optional<Anchor> anchorToday() {
        LocalDate day = LocalDate.now(clock.withZone(ZONE));
        jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1").query((rs, n) -> {
            long seq = rs.getLong("seq");
            byte[] hash = rs.getBytes("hash");
            if (seq > 0) {
                jdbc.sql("""
                        INSERT INTO audit_anchor (day, seq, hash, key_id, signature, signed_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (day) DO NOTHING""")
                        .params(day, seq, hash, keyId, sign(day, seq, hash), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
            }
            return seq;
        }).list();
        return jdbc.sql("SELECT day, seq, hash, key_id, signed_at FROM audit_anchor WHERE day = ?").param(day)
                .query((rs, n) -> new Anchor(rs.getObject("day", LocalDate.class), rs.getLong("seq"),
                        AuditChain.hex(rs.getBytes("hash")), rs.getString("key_id"), rs.getObject("signed_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Checks every anchor against the key and the trail as the walk found
     * it: each signature must be the key's, and each anchored entry must still
     * carry the anchored hash. Anchors past a break the walk already named
     * are not looked at (the chain is known broken there).
     */
    public AuditVerification check(AuditVerification walk) {
        long upTo = walk.firstBroken() == null ? walk.lastSeq() : walk.firstBroken().seq() - 1;
        long[] checked = {0};
        AuditVerification.BrokenAnchor[] broken = {null};
        jdbc.sql("""
                SELECT a.day, a.seq, a.hash, a.signature, e.hash AS entry_hash
                FROM audit_anchor a LEFT JOIN audit_entry e ON e.seq = a.seq ORDER BY a.seq, a.day""")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    long seq = rs.getLong("seq");
                    byte[] hash = rs.getBytes("hash");
                    if (!MessageDigest.isEqual(sign(day, seq, hash), rs.getBytes("signature"))) {
                        broken[0] = new AuditVerification.BrokenAnchor(day, seq, "signature");
                        return;
                    }
                    if (seq > upTo && walk.firstBroken() != null) {
                        return;
                    }
                    byte[] entry = rs.getBytes("entry_hash");
                    if (entry == null || seq > walk.lastSeq()) {
                        broken[0] = new AuditVerification.BrokenAnchor(day, seq, "missing");
                    } else if (!MessageDigest.isEqual(entry, hash)) {
                        broken[0] = new AuditVerification.BrokenAnchor(day, seq, "rewritten");
                    } else {
                        checked[0]++;
                    }
                });
        return new AuditVerification(walk.ok() && broken[0] == null, walk.entries(), walk.firstBroken(), walk.elapsedMs(),
                walk.lastSeq(), walk.lastHash(), checked[0], broken[0]);
    }
}
