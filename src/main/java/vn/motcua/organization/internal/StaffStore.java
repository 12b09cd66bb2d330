package vn.motcua.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.organization.LoginAccount;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.shared.LoginBackoff;
import vn.motcua.shared.Texts;

/** SQL for staff accounts, their units and roles, and API keys. */
@Repository
public class StaffStore {

    /** A staff row with its role and unit ids aggregated. */
    public record StaffRow(long id, String username, String fullName, String jobPosition, String email, String phone,
                           boolean active, Set<Role> roles, Set<Long> unitIds, int version) {
    }

    private static final String SELECT = """
            SELECT s.id, s.username, s.full_name, s.job_position, s.email, s.phone, s.active, s.version,
                   ARRAY(SELECT r.role FROM staff_role r WHERE r.staff_id = s.id ORDER BY r.role) AS roles,
                   ARRAY(SELECT su.unit_id FROM staff_unit su WHERE su.staff_id = s.id ORDER BY su.unit_id) AS unit_ids
              FROM staff s""";

    private final JdbcClient jdbc;

    public StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffRow> findById(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(StaffStore::map).optional();
    }

    public Optional<StaffRow> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE s.username = ?").param(username).query(StaffStore::map).optional();
    }

    /**
     * Staff whose name or username matches (diacritics ignored), optionally
     * only those assigned to one of the given units.
     */
    public List<StaffRow> search(String q, Collection<Long> unitFilter, long offset, int limit) {
        return jdbc.sql(SELECT + where(unitFilter) + " ORDER BY s.full_name, s.id OFFSET :offset LIMIT :limit")
                .param("q", pattern(q)).param("units", unitFilter == null ? null : unitFilter.toArray(Long[]::new))
                .param("offset", offset).param("limit", limit)
                .query(StaffStore::map).list();
    }

    public long count(String q, Collection<Long> unitFilter) {
        return jdbc.sql("SELECT count(*) FROM staff s" + where(unitFilter))
                .param("q", pattern(q)).param("units", unitFilter == null ? null : unitFilter.toArray(Long[]::new))
                .query(Long.class).single();
    }

    private static String where(Collection<Long> unitFilter) {
        return " WHERE (search_fold(s.full_name) LIKE :q OR s.username LIKE :q)"
                + (unitFilter == null ? "" : " AND EXISTS (SELECT 1 FROM staff_unit su WHERE su.staff_id = s.id AND su.unit_id = ANY(:units))");
    }

    private static String pattern(String q) {
        return "%" + Texts.likeEscape(Texts.fold(q == null ? "" : q)) + "%";
    }

    public long insert(StaffCommand c, String passwordHash) {
        long id = jdbc.sql("""
                INSERT INTO staff (username, full_name, password_hash, job_position, email, phone)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.username(), Texts.clean(c.fullName()), passwordHash, Texts.clean(c.jobPosition()),
                        Texts.clean(c.email()), Texts.clean(c.phone()))
                .query(Long.class).single();
        replaceRolesAndUnits(id, c.roles(), c.unitIds());
        return id;
    }

    /** Saves an edit; a new password hash (null keeps the current one) also lifts any lockout. */
    public void update(long id, int version, StaffCommand c, String newPasswordHash) {
        int n = jdbc.sql("""
                UPDATE staff SET username = ?, full_name = ?, job_position = ?, email = ?, phone = ?,
                       password_hash = COALESCE(?, password_hash), version = version + 1,
                       failed_logins = CASE WHEN ? THEN 0 ELSE failed_logins END,
                       lockouts = CASE WHEN ? THEN 0 ELSE lockouts END,
                       locked_until = CASE WHEN ? THEN NULL ELSE locked_until END
                 WHERE id = ? AND version = ?""")
                .params(c.username(), Texts.clean(c.fullName()), Texts.clean(c.jobPosition()), Texts.clean(c.email()),
                        Texts.clean(c.phone()), newPasswordHash, newPasswordHash != null, newPasswordHash != null,
                        newPasswordHash != null, id, version)
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("staff " + id + " changed since version " + version);
        }
        replaceRolesAndUnits(id, c.roles(), c.unitIds());
    }

    private void replaceRolesAndUnits(long id, Set<Role> roles, Set<Long> unitIds) {
        jdbc.sql("DELETE FROM staff_role WHERE staff_id = ?").param(id).update();
        jdbc.sql("DELETE FROM staff_unit WHERE staff_id = ?").param(id).update();
        for (Role r : roles) {
            jdbc.sql("INSERT INTO staff_role (staff_id, role) VALUES (?, ?)").params(id, r.name()).update();
        }
        for (Long u : unitIds) {
            jdbc.sql("INSERT INTO staff_unit (staff_id, unit_id) VALUES (?, ?)").params(id, u).update();
        }
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("UPDATE staff SET active = ?, version = version + 1 WHERE id = ?").params(active, id).update();
    }

    public boolean usernameTaken(String username, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM staff WHERE username = ? AND id IS DISTINCT FROM ?")
                .params(username, exceptId).query(Long.class).single() > 0;
    }

    /** Staff assigned to a dissolved unit are assigned to its successor instead. */
    public void moveAssignments(Collection<Long> fromUnits, long toUnit) {
        Long[] from = fromUnits.toArray(Long[]::new);
        jdbc.sql("""
                INSERT INTO staff_unit (staff_id, unit_id)
                SELECT DISTINCT staff_id, ? FROM staff_unit WHERE unit_id = ANY(?)
                ON CONFLICT DO NOTHING""").params(toUnit, from).update();
        jdbc.sql("DELETE FROM staff_unit WHERE unit_id = ANY(?)").param(from).update();
    }

    // --- login -------------------------------------------------------------------------------

    private static final String LOGIN_SELECT = """
            SELECT s.id, s.username, s.full_name, s.password_hash, s.active, s.locked_until, s.failed_logins,
                   ARRAY(SELECT r.role FROM staff_role r WHERE r.staff_id = s.id) AS roles,
                   (SELECT g.n FROM access_generation g) AS access_generation
              FROM staff s""";

    /** An account as a login needs it, with the access generation read in the same statement. */
    public record FreshLogin(LoginAccount account, long accessGeneration) {
    }

    public Optional<LoginAccount> loginAccount(String username) {
        return freshLogin(username).map(FreshLogin::account);
    }

    public Optional<FreshLogin> freshLogin(String username) {
        return jdbc.sql(LOGIN_SELECT + " WHERE s.username = ?").param(username).query(StaffStore::mapFresh).optional();
    }

    public Optional<FreshLogin> freshLoginByApiKey(String tokenSha256) {
        return jdbc.sql(LOGIN_SELECT + " JOIN api_key k ON k.staff_id = s.id WHERE k.token_sha256 = ? AND k.revoked_at IS NULL")
                .param(tokenSha256).query(StaffStore::mapFresh).optional();
    }

    /**
     * Counts a failure by the back-off rule ({@link LoginBackoff}): the row is locked while the
     * next state is worked out, so concurrent failures each count. Returns the new state
     * (empty for an unknown username).
     */
    public Optional<LoginBackoff.State> recordFailure(String username, Instant now) {
        Optional<LoginBackoff.State> current = jdbc.sql(
                        "SELECT failed_logins, lockouts, locked_until FROM staff WHERE username = ? FOR UPDATE")
                .param(username)
                .query((rs, n) -> new LoginBackoff.State(rs.getInt(1), rs.getInt(2), instant(rs.getObject(3, OffsetDateTime.class))))
                .optional();
        return current.map(s -> {
            LoginBackoff.State next = LoginBackoff.afterFailure(s, now);
            jdbc.sql("UPDATE staff SET failed_logins = ?, lockouts = ?, locked_until = ? WHERE username = ?")
                    .params(next.failures(), next.lockouts(), ts(next.lockedUntil()), username).update();
            return next;
        });
    }

    public void recordSuccess(String username) {
        jdbc.sql("""
                UPDATE staff SET failed_logins = 0, lockouts = 0, locked_until = NULL
                 WHERE username = ? AND (failed_logins > 0 OR lockouts > 0 OR locked_until IS NOT NULL)""")
                .param(username).update();
    }

    /** Sets a new password hash (a reset by an administrator or a change by the person) and lifts any lockout. */
    public void setPassword(long id, String passwordHash) {
        jdbc.sql("""
                UPDATE staff SET password_hash = ?, failed_logins = 0, lockouts = 0, locked_until = NULL,
                       version = version + 1
                 WHERE id = ?""").params(passwordHash, id).update();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    public List<String> usernames() {
        return jdbc.sql("SELECT username FROM staff ORDER BY id").query(String.class).list();
    }

    public void insertApiKey(long staffId, String name, String sha256, String prefix) {
        jdbc.sql("INSERT INTO api_key (name, token_sha256, token_prefix, staff_id) VALUES (?, ?, ?, ?)")
                .params(name, sha256, prefix, staffId).update();
    }

    public boolean apiKeyExists(String sha256) {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE token_sha256 = ?").param(sha256).query(Long.class).single() > 0;
    }

    static StaffRow map(ResultSet rs, int row) throws SQLException {
        return new StaffRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("full_name"),
                rs.getString("job_position"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getBoolean("active"),
                roles((String[]) rs.getArray("roles").getArray()),
                Arrays.stream(UnitStore.longs(rs.getArray("unit_ids"))).collect(Collectors.toUnmodifiableSet()),
                rs.getInt("version"));
    }

    static FreshLogin mapFresh(ResultSet rs, int row) throws SQLException {
        return new FreshLogin(mapLogin(rs, row), rs.getLong("access_generation"));
    }

    static LoginAccount mapLogin(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new LoginAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("full_name"),
                rs.getString("password_hash"),
                rs.getBoolean("active"),
                locked == null ? null : locked.toInstant(),
                rs.getInt("failed_logins"),
                roles((String[]) rs.getArray("roles").getArray()));
    }

    private static Set<Role> roles(String[] names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            roles.add(Role.valueOf(n));
        }
        return roles;
    }
}
