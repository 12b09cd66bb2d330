package vn.motcua.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.supervision.ConductRule;
import vn.motcua.supervision.Resolution;
import vn.motcua.supervision.SignalView;
import vn.motcua.supervision.SubjectType;

/** The signals ({@code sv_signal}): raised once per finding while open, listed, resolved. */
@Component
public class SignalStore {

    /** A finding to record: the rule, its subject, the unit it belongs to (for the leaders' scope) and the evidence. */
    public record Finding(ConductRule rule, SubjectType subjectType, String subjectId, Long unitId, String dossierCode,
                          String summary, SignalView.Evidence evidence, String dedupKey) {
    }

    /** The raw row; names of people and units are added by the service. */
    public record Row(long id, String rule, SubjectType subjectType, String subjectId, Long unitId, String dossierCode,
                      String summary, SignalView.Evidence evidence, String status, Instant openedAt, Resolution resolution,
                      String note, String resolvedBy, Instant resolvedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SignalStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the finding unless the same one was raised before; true when a signal was raised. */
    public boolean raise(Finding f, Instant at) {
        return jdbc.sql("""
                INSERT INTO sv_signal (rule_code, subject_type, subject_id, unit_id, dossier_code, summary, evidence,
                                       dedup_key, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT (dedup_key) DO NOTHING
                """).params(f.rule().code(), f.subjectType().name(), f.subjectId(), f.unitId(), f.dossierCode(),
                        cut(f.summary(), 500), json.writeValueAsString(f.evidence()), cut(f.dedupKey(), 200),
                        Timestamp.from(at))
                .update() > 0;
    }

    public PageResult<Row> list(String status, String rule, java.util.Set<Long> units, OfficerScope scope, Paging paging) {
        StringBuilder where = new StringBuilder("WHERE TRUE");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (status != null) {
            where.append(" AND s.status = :status");
            p.addValue("status", status);
        }
        if (rule != null) {
            where.append(" AND s.rule_code = :rule");
            p.addValue("rule", rule);
        }
        if (units != null) {
            where.append(" AND s.unit_id = ANY(:units)");
            p.addValue("units", units.toArray(Long[]::new));
        }
        if (!scope.allUnits()) {
            where.append(" AND s.unit_id = ANY(:scope)");
            p.addValue("scope", scope.unitIdArray());
        }
        long total = jdbc.sql("SELECT count(*) FROM sv_signal s " + where).paramSource(p).query(Long.class).single();
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<Row> items = jdbc.sql("SELECT s.* FROM sv_signal s " + where
                        + " ORDER BY s.status DESC, s.opened_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
                .paramSource(p).query(this::row).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM sv_signal WHERE id = ?").param(id).query(this::row).optional();
    }

    public List<Row> ofDossier(String code) {
        return jdbc.sql("SELECT * FROM sv_signal WHERE dossier_code = ? ORDER BY id").param(code).query(this::row).list();
    }

    /** Closes an open signal; false when it was closed meanwhile. */
    public boolean resolve(long id, Resolution resolution, String note, String by, Instant at) {
        return jdbc.sql("""
                UPDATE sv_signal SET status = 'CLOSED', resolution = ?, note = ?, resolved_by = ?, resolved_at = ?
                WHERE id = ? AND status = 'OPEN'
                """).params(resolution.name(), note, by, Timestamp.from(at), id).update() > 0;
    }

    /** Open signals by rule, for the inbox's counts. */
    public Map<String, Long> openCounts(OfficerScope scope) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = "WHERE status = 'OPEN'";
        if (!scope.allUnits()) {
            where += " AND unit_id = ANY(:scope)";
            p.addValue("scope", scope.unitIdArray());
        }
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT rule_code, count(*) FROM sv_signal " + where + " GROUP BY rule_code").paramSource(p)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String res = rs.getString("resolution");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new Row(rs.getLong("id"), rs.getString("rule_code"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"), unitId, rs.getString("dossier_code"), rs.getString("summary"),
                json.readValue(rs.getString("evidence"), SignalView.Evidence.class), rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(), res == null ? null : Resolution.valueOf(res), rs.getString("note"),
                rs.getString("resolved_by"), resolvedAt == null ? null : resolvedAt.toInstant());
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
