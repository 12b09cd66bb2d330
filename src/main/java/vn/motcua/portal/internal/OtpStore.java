package vn.motcua.portal.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code citizen_otp}, the one-time codes that prove an identity.
 * Every count and every use is one statement against the database, so the
 * limits hold across nodes and concurrent requests.
 */
@Repository
public class OtpStore {

    /** A code as the check needs it. */
    public record Code(long id, String channel, String contactMasked, String codeHash, Instant expiresAt, int attempts,
                       Instant usedAt) {
    }

    private final JdbcClient jdbc;

    public OtpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Codes sent to the account since the given time (the throttle). */
    public int sentSince(long accountId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM citizen_otp WHERE account_id = ? AND created_at > ?")
                .params(accountId, ts(since)).query(Integer.class).single();
    }

    /** The oldest of the account's codes sent since the given time (when the throttle lets go). */
    public Optional<Instant> oldestSince(long accountId, Instant since) {
        return jdbc.sql("SELECT min(created_at) FROM citizen_otp WHERE account_id = ? AND created_at > ?")
                .params(accountId, ts(since)).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Outstanding codes stop working (a new one was sent, or the account was proven or frozen). */
    public void retire(long accountId, Instant now) {
        jdbc.sql("UPDATE citizen_otp SET expires_at = ? WHERE account_id = ? AND used_at IS NULL AND expires_at > ?")
                .params(ts(now), accountId, ts(now)).update();
    }

    public void insert(long accountId, String channel, String contactMasked, String codeHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO citizen_otp (account_id, channel, contact_masked, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(accountId, channel, contactMasked, codeHash, ts(now), ts(expiresAt)).update();
    }

    /** The account's newest code, whatever its state. */
    public Optional<Code> latest(long accountId) {
        return jdbc.sql("""
                SELECT id, channel, contact_masked, code_hash, expires_at, attempts, used_at FROM citizen_otp
                 WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 1""")
                .param(accountId).query(OtpStore::map).optional();
    }

    /**
     * Counts one try of the code, in one statement, if it is unused, unexpired
     * and has tries left; answers the code as it is now, or empty when no try
     * was left to count (so concurrent guesses cannot exceed the limit).
     */
    public Optional<Code> countAttempt(long id, int maxAttempts, Instant now) {
        return jdbc.sql("""
                UPDATE citizen_otp SET attempts = attempts + 1
                 WHERE id = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                RETURNING id, channel, contact_masked, code_hash, expires_at, attempts, used_at""")
                .params(id, ts(now), maxAttempts).query(OtpStore::map).optional();
    }

    /** Marks the code used; false if it already was (it works once). */
    public boolean use(long id, Instant now) {
        return jdbc.sql("UPDATE citizen_otp SET used_at = ? WHERE id = ? AND used_at IS NULL").params(ts(now), id).update() == 1;
    }

    private static Code map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
        return new Code(rs.getLong("id"), rs.getString("channel"), rs.getString("contact_masked"), rs.getString("code_hash"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
                used == null ? null : used.toInstant());
    }

    private static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
