package vn.motcua.organization.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.Texts;

/** SQL for the unit table. Package-private to the module through the service. */
@Repository
public class UnitStore {

    private static final String COLUMNS =
            "id, code, name, kind, level, parent_id, address, phone, active, successor_id, version";

    private final JdbcClient jdbc;

    public UnitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UnitView> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit ORDER BY code").query(UnitStore::map).list();
    }

    public Optional<UnitView> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit WHERE id = ?").param(id).query(UnitStore::map).optional();
    }

    public Optional<UnitView> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit WHERE code = ?").param(code).query(UnitStore::map).optional();
    }

    public List<UnitView> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit WHERE id = ANY(?) ORDER BY code")
                .param(ids.toArray(Long[]::new)).query(UnitStore::map).list();
    }

    /** Name or code contains the text, ignoring diacritics and case. */
    public List<UnitView> search(String q, boolean includeInactive, int limit) {
        String folded = "%" + Texts.likeEscape(Texts.fold(q)) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit WHERE (search_fold(name) LIKE :q OR code LIKE :q)"
                        + (includeInactive ? "" : " AND active") + " ORDER BY code LIMIT :limit")
                .param("q", folded).param("limit", limit).query(UnitStore::map).list();
    }

    /** The given units and every unit below them (active or not). */
    public Set<Long> selfAndDescendants(Collection<Long> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("""
                WITH RECURSIVE sub(id) AS (
                  SELECT id FROM unit WHERE id = ANY(?)
                  UNION
                  SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
                )
                SELECT id FROM sub""")
                .param(roots.toArray(Long[]::new))
                .query(Long.class).list().stream().collect(Collectors.toUnmodifiableSet());
    }

    public long insert(UnitCommand c) {
        return jdbc.sql("""
                INSERT INTO unit (code, name, kind, level, parent_id, address, phone)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.code(), Texts.clean(c.name()), c.kind().name(), c.level().name(), c.parentId(),
                        Texts.clean(c.address()), Texts.clean(c.phone()))
                .query(Long.class).single();
    }

    public void update(long id, int version, UnitCommand c) {
        int n = jdbc.sql("""
                UPDATE unit SET code = ?, name = ?, kind = ?, level = ?, parent_id = ?, address = ?, phone = ?,
                       version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(c.code(), Texts.clean(c.name()), c.kind().name(), c.level().name(), c.parentId(),
                        Texts.clean(c.address()), Texts.clean(c.phone()), id, version)
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("unit " + id + " changed since version " + version);
        }
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("UPDATE unit SET active = ?, dissolved_at = CASE WHEN ? THEN NULL ELSE now() END,"
                        + " successor_id = CASE WHEN ? THEN NULL ELSE successor_id END, version = version + 1 WHERE id = ?")
                .params(active, active, active, id).update();
    }

    public void dissolveInto(Collection<Long> sources, long successor, Instant at) {
        Long[] ids = sources.toArray(Long[]::new);
        jdbc.sql("UPDATE unit SET active = FALSE, dissolved_at = ?, successor_id = ?, version = version + 1"
                        + " WHERE id = ANY(?)")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), successor, ids).update();
        // the units that stood under a dissolved unit now stand under its successor
        jdbc.sql("UPDATE unit SET parent_id = ?, version = version + 1 WHERE parent_id = ANY(?) AND id <> ?")
                .params(successor, ids, successor).update();
    }

    public void recordMerge(long successor, Collection<Long> sources, String reason, String by, Instant at) {
        jdbc.sql("INSERT INTO unit_merge (successor_id, source_ids, reason, merged_by, merged_at) VALUES (?, ?, ?, ?, ?)")
                .params(successor, sources.toArray(Long[]::new), reason, by, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    public boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM unit WHERE code = ? AND id IS DISTINCT FROM ?")
                .params(code, exceptId).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();
    }

    static UnitView map(ResultSet rs, int row) throws SQLException {
        return new UnitView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")),
                UnitLevel.valueOf(rs.getString("level")),
                (Long) rs.getObject("parent_id", Long.class),
                rs.getString("address"),
                rs.getString("phone"),
                rs.getBoolean("active"),
                (Long) rs.getObject("successor_id", Long.class),
                rs.getInt("version"));
    }

    static Long[] longs(Array array) throws SQLException {
        return array == null ? new Long[0] : (Long[]) array.getArray();
    }
}
