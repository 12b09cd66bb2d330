package vn.motcua.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.portal.CitizenAccount;

/** SQL over {@code citizen_account} and {@code citizen_password_reset}. */
@Repository
public class CitizenAccountStore {

    /** What the login check needs: the account and its secrets. */
    public record Login(CitizenAccount account, String passwordHash, int failedLogins, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final String SELECT = """
            SELECT id, kind, identity_number, full_name, phone, email, address, active, password_hash,
                   oidc_subject, failed_logins, locked_until, created_at
              FROM citizen_account""";

    private final JdbcClient jdbc;

    public CitizenAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ApplicantKind kind, String identityNumber, String fullName, String phone, String email,
                       String address, String passwordHash, String oidcSubject, Instant now) {
        return jdbc.sql("""
                INSERT INTO citizen_account (kind, identity_number, full_name, phone, email, address, password_hash,
                                             oidc_subject, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), identityNumber, fullName, phone, email, address, passwordHash, oidcSubject, ts(now))
                .query(Long.class).single();
    }

    public Optional<Login> login(String identityNumber) {
        return jdbc.sql(SELECT + " WHERE identity_number = ?").param(identityNumber).query(CitizenAccountStore::map).optional();
    }

    public Optional<Login> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(CitizenAccountStore::map).optional();
    }

    public Optional<Login> byEmail(String email) {
        return jdbc.sql(SELECT + " WHERE lower(email) = lower(?)").param(email).query(CitizenAccountStore::map).optional();
    }

    public Optional<Login> bySubject(String subject) {
        return jdbc.sql(SELECT + " WHERE oidc_subject = ?").param(subject).query(CitizenAccountStore::map).optional();
    }

    public boolean identityTaken(String identityNumber) {
        return jdbc.sql("SELECT count(*) FROM citizen_account WHERE identity_number = ?").param(identityNumber)
                .query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM citizen_account WHERE lower(email) = lower(?)").param(email)
                .query(Long.class).single() > 0;
    }

    /** Links the identity provider's subject to an account that has none yet; false if it has one. */
    public boolean linkSubject(long id, String subject) {
        return jdbc.sql("UPDATE citizen_account SET oidc_subject = ? WHERE id = ? AND oidc_subject IS NULL")
                .params(subject, id).update() == 1;
    }

    /**
     * Counts a failure by the back-off rule ({@link vn.motcua.shared.LoginBackoff}); the row is
     * locked while the next state is worked out, so concurrent failures each count.
     */
    public void recordFailure(long id, Instant now) {
        jdbc.sql("SELECT failed_logins, lockouts, locked_until FROM citizen_account WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> new vn.motcua.shared.LoginBackoff.State(rs.getInt(1), rs.getInt(2), instant(rs, 3)))
                .optional()
                .map(s -> vn.motcua.shared.LoginBackoff.afterFailure(s, now))
                .ifPresent(next -> jdbc.sql("UPDATE citizen_account SET failed_logins = ?, lockouts = ?, locked_until = ? WHERE id = ?")
                        .params(next.failures(), next.lockouts(), ts(next.lockedUntil()), id).update());
    }

    public void clearFailures(long id) {
        jdbc.sql("UPDATE citizen_account SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    /** Sets a new password and lifts any lockout. */
    public void setPassword(long id, String passwordHash) {
        jdbc.sql("UPDATE citizen_account SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
                .params(passwordHash, id).update();
    }

    public void insertResetToken(String tokenSha256, long accountId, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO citizen_password_reset (token_sha256, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenSha256, accountId, ts(now), ts(expiresAt)).update();
    }

    /** The state of a reset token: its account, expiry and use. */
    public record ResetToken(long accountId, Instant expiresAt, Instant usedAt) {
    }

    public Optional<ResetToken> resetToken(String tokenSha256) {
        return jdbc.sql("SELECT account_id, expires_at, used_at FROM citizen_password_reset WHERE token_sha256 = ?")
                .param(tokenSha256)
                .query((rs, n) -> new ResetToken(rs.getLong(1), instant(rs, 2), instant(rs, 3))).optional();
    }

    /**
     * Marks the token used if it is still unused and unexpired, in one statement (so two
     * concurrent uses cannot both succeed); returns its account.
     */
    public Optional<Long> consumeResetToken(String tokenSha256, Instant now) {
        return jdbc.sql("""
                UPDATE citizen_password_reset SET used_at = ?
                 WHERE token_sha256 = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id""")
                .params(ts(now), tokenSha256, ts(now)).query(Long.class).optional();
    }

    /** After a reset, the account's other outstanding links stop working too. */
    public void retireResetTokens(long accountId, Instant now) {
        jdbc.sql("UPDATE citizen_password_reset SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                .params(ts(now), accountId).update();
    }

    private static Login map(ResultSet rs, int row) throws SQLException {
        CitizenAccount a = new CitizenAccount(rs.getLong("id"), ApplicantKind.valueOf(rs.getString("kind")),
                rs.getString("identity_number"), rs.getString("full_name"), rs.getString("phone"), rs.getString("email"),
                rs.getString("address"), rs.getBoolean("active"), rs.getString("password_hash") != null,
                rs.getString("oidc_subject") != null, instant(rs, "created_at"));
        return new Login(a, rs.getString("password_hash"), rs.getInt("failed_logins"), instant(rs, "locked_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
