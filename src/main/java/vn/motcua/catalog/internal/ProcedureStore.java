package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureStatus;
import vn.motcua.catalog.VersionStatus;
import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.Texts;

/**
 * SQL for the {@code procedure} and {@code procedure_version} tables. Searches
 * fold the query in Java ({@link Texts#fold}) and compare it with the stored
 * column {@code name_search} ({@code search_fold(name)}), which a trigram
 * index covers.
 */
@Repository
public class ProcedureStore {

    /** The procedure row: identity and lifecycle. */
    public record ProcedureRow(long id, String code, ProcedureStatus status, int latestVersion, Integer publishedVersion,
                               int revision, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A version row with its procedure's lifecycle columns. */
    public record VersionRow(ProcedureRow procedure, int version, VersionStatus status, ProcedureContent content,
                             String decision, LocalDate decidedOn, OffsetDateTime publishedAt, String publishedBy,
                             String withdrawDecision, LocalDate withdrawnOn, String withdrawReason,
                             OffsetDateTime withdrawnAt, String withdrawnBy,
                             OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** A published version as search results list it. */
    public record SummaryRow(String code, int version, String name, UnitLevel level, String field, Long agencyUnitId,
                             BigDecimal durationAmount, DurationUnit durationUnit, OnlineLevel onlineLevel, long feeVnd) {
    }

    /** The latest version of a procedure as the administrators' list shows it. */
    public record OverviewRow(String code, String name, String field, UnitLevel level, ProcedureStatus status,
                              int latestVersion, Integer publishedVersion, VersionStatus latestStatus,
                              OffsetDateTime updatedAt) {
    }

    /** One page of rows and the total count. */
    public record Page<T>(List<T> rows, long total) {
    }

    private static final String PROCEDURE_COLUMNS =
            "p.id, p.code, p.status AS p_status, p.latest_version, p.published_version, p.revision, p.created_at AS p_created_at,"
                    + " p.updated_at AS p_updated_at";
    private static final String VERSION_COLUMNS = PROCEDURE_COLUMNS
            + ", v.version, v.status, v.body, v.decision, v.decided_on, v.published_at, v.published_by, v.withdraw_decision,"
            + " v.withdrawn_on, v.withdraw_reason, v.withdrawn_at, v.withdrawn_by, v.created_at, v.created_by,"
            + " v.updated_at, v.updated_by";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final vn.motcua.shared.StaleReads staleReads;

    public ProcedureStore(JdbcClient jdbc, JsonMapper json, vn.motcua.shared.StaleReads staleReads) {
        this.jdbc = jdbc;
        this.json = json;
        this.staleReads = staleReads;
    }

    // --- reading -----------------------------------------------------------------------------------

    public Optional<ProcedureRow> findProcedure(String code) {
        return jdbc.sql("SELECT " + PROCEDURE_COLUMNS + " FROM procedure p WHERE p.code = ?")
                .param(code).query(ProcedureStore::procedure).optional();
    }

    /** The procedure row, locked until the end of the transaction: every change of a procedure goes through here. */
    public Optional<ProcedureRow> lockProcedure(String code) {
        return jdbc.sql("SELECT " + PROCEDURE_COLUMNS + " FROM procedure p WHERE p.code = ? FOR UPDATE")
                .param(code).query(ProcedureStore::procedure).optional();
    }

    public Optional<VersionRow> findVersion(String code, int version) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS
                        + " FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id WHERE p.code = ? AND v.version = ?")
                .params(code, version).query(this::version).optional();
    }

    public Optional<VersionRow> findPublished(String code) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id"
                        + " WHERE p.code = ? AND v.status = 'PUBLISHED'")
                .param(code).query(this::version).optional();
    }

    /** Every version of a procedure, newest first. */
    public List<VersionRow> versions(String code) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id"
                        + " WHERE p.code = ? ORDER BY v.version DESC")
                .param(code).query(this::version).list();
    }

    /** The published version of every procedure that has one, by code. */
    public List<VersionRow> allPublished() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id"
                        + " WHERE v.status = 'PUBLISHED' ORDER BY p.code")
                .query(this::version).list();
    }

    /** The latest version of every procedure, by code (for export). */
    public List<VersionRow> allLatest() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM procedure p JOIN procedure_version v"
                        + " ON v.procedure_id = p.id AND v.version = p.latest_version ORDER BY p.code")
                .query(this::version).list();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM procedure WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM procedure").query(Long.class).single();
    }

    /**
     * Published procedures matching the query: every word of {@code q} must
     * occur in the folded name or in the code; filters are exact. Sorted by
     * closeness to the query, then by name. One statement, the total counted
     * by a window function. A heavy public read: on the read replica when one
     * is configured ({@link vn.motcua.shared.StaleReads}).
     */
    public Page<SummaryRow> searchPublished(ProcedureQuery q) {
        return staleReads.query(jdbc -> searchPublished(jdbc, q));
    }

    private Page<SummaryRow> searchPublished(JdbcClient jdbc, ProcedureQuery q) {
        StringBuilder where = new StringBuilder(" WHERE v.status = 'PUBLISHED'");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        String folded = foldedQuery(q.q());
        appendWords(where, params, folded, "v");
        if (q.level() != null) {
            where.append(" AND v.level = :level");
            params.put("level", q.level().name());
        }
        if (!Texts.isBlank(q.field())) {
            where.append(" AND v.field_search = :field");
            params.put("field", Texts.fold(Texts.clean(q.field())));
        }
        if (q.agencyUnitId() != null) {
            where.append(" AND v.agency_unit_id = :agency");
            params.put("agency", q.agencyUnitId());
        }
        if (q.onlineLevel() != null) {
            where.append(" AND v.online_level = :online");
            params.put("online", q.onlineLevel().name());
        }
        String order = folded.isEmpty() ? " ORDER BY v.name_search, v.code"
                : " ORDER BY similarity(v.name_search, :q) DESC, v.name_search, v.code";
        if (!folded.isEmpty()) {
            params.put("q", folded);
        }
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        String sql = "SELECT v.code, v.version, v.name, v.level, v.field, v.agency_unit_id, v.duration_amount, v.duration_unit,"
                + " v.online_level, v.fee_vnd, count(*) OVER () AS total FROM procedure_version v"
                + where + order + " LIMIT :limit OFFSET :offset";
        long[] total = {0};
        List<SummaryRow> rows = jdbc.sql(sql).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total");
            return new SummaryRow(rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                    UnitLevel.valueOf(rs.getString("level")), rs.getString("field"),
                    rs.getObject("agency_unit_id", Long.class), rs.getBigDecimal("duration_amount"),
                    DurationUnit.valueOf(rs.getString("duration_unit")), OnlineLevel.valueOf(rs.getString("online_level")),
                    rs.getLong("fee_vnd"));
        }).list();
        if (rows.isEmpty() && q.page() > 0) {
            params.remove("limit");
            params.remove("offset");
            params.remove("q");
            total[0] = jdbc.sql("SELECT count(*) FROM procedure_version v" + where).params(params).query(Long.class).single();
        }
        rows = rows.stream().map(r -> new SummaryRow(r.code(), r.version(), r.name(), r.level(), r.field(), r.agencyUnitId(),
                ProcedureRules.normalize(r.durationAmount()), r.durationUnit(), r.onlineLevel(), r.feeVnd())).toList();
        return new Page<>(rows, total[0]);
    }

    /** The latest version of every procedure whose name or code matches, optionally with one status; for administrators. */
    public Page<OverviewRow> searchAll(String q, ProcedureStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        String folded = foldedQuery(q);
        appendWords(where, params, folded, "v");
        if (status != null) {
            where.append(" AND p.status = :status");
            params.put("status", status.name());
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        long[] total = {0};
        List<OverviewRow> rows = jdbc.sql("SELECT p.code, v.name, v.field, v.level, p.status AS p_status, p.latest_version,"
                        + " p.published_version, v.status, p.updated_at AS p_updated_at, count(*) OVER () AS total"
                        + " FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.latest_version"
                        + where + " ORDER BY p.updated_at DESC, p.code LIMIT :limit OFFSET :offset")
                .params(params).query((rs, i) -> {
                    total[0] = rs.getLong("total");
                    return new OverviewRow(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                            UnitLevel.valueOf(rs.getString("level")), ProcedureStatus.valueOf(rs.getString("p_status")),
                            rs.getInt("latest_version"), rs.getObject("published_version", Integer.class),
                            VersionStatus.valueOf(rs.getString("status")), rs.getObject("p_updated_at", OffsetDateTime.class));
                }).list();
        if (rows.isEmpty() && page > 0) {
            params.remove("limit");
            params.remove("offset");
            total[0] = jdbc.sql("SELECT count(*) FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id"
                    + " AND v.version = p.latest_version" + where).params(params).query(Long.class).single();
        }
        return new Page<>(rows, total[0]);
    }

    /** The fields (lĩnh vực) that have published procedures, by name. */
    public List<String> publishedFields() {
        return jdbc.sql("SELECT DISTINCT field FROM procedure_version WHERE status = 'PUBLISHED' ORDER BY field")
                .query(String.class).list();
    }

    /** The units implementing at least one published procedure. */
    public List<Long> publishedAgencyIds() {
        return jdbc.sql("SELECT DISTINCT agency_unit_id FROM procedure_version WHERE status = 'PUBLISHED'"
                        + " AND agency_unit_id IS NOT NULL")
                .query(Long.class).list();
    }

    public Map<ProcedureStatus, Long> countByStatus() {
        Map<ProcedureStatus, Long> counts = new java.util.EnumMap<>(ProcedureStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM procedure GROUP BY status")
                .query((ResultSet rs) -> {
                    counts.put(ProcedureStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** The query folded as {@code search_fold} folds names: NFC, no diacritics, lower case, single spaces. */
    static String foldedQuery(String q) {
        if (Texts.isBlank(q)) {
            return "";
        }
        String folded = Texts.fold(Texts.clean(q));
        return folded == null ? "" : folded;
    }

    /**
     * Each word must occur in the folded name ({@code name_search}, which is
     * {@code search_fold(name)}), or in the code (substring, so "001193" finds 1.001193).
     */
    private static void appendWords(StringBuilder where, Map<String, Object> params, String folded, String alias) {
        if (folded.isEmpty()) {
            return;
        }
        String[] words = folded.split(" ");
        for (int i = 0; i < words.length && i < 8; i++) {
            String like = "%" + Texts.likeEscape(words[i]) + "%";
            where.append(" AND (").append(alias).append(".name_search LIKE :w").append(i)
                    .append(" OR ").append(alias).append(".code LIKE :w").append(i).append(")");
            params.put("w" + i, like);
        }
    }

    // --- writing -----------------------------------------------------------------------------------

    public long insertProcedure(String code, Instant now) {
        return jdbc.sql("INSERT INTO procedure (code, status, latest_version, created_at, updated_at)"
                        + " VALUES (?, 'DRAFT', 1, ?, ?) RETURNING id")
                .params(code, utc(now), utc(now)).query(Long.class).single();
    }

    public void insertVersion(long procedureId, int version, String code, ProcedureContent c, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO procedure_version (procedure_id, version, status, code, name, field, level, agency_unit_id,
                  online_level, fee_vnd, duration_amount, duration_unit, inter_agency, cross_boundary, body,
                  created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(procedureId, version, code, c.name(), c.field(), c.level().name(), agencyId(c),
                        c.onlineLevel().name(), c.feeVnd(), c.cases().get(0).duration().amount(),
                        c.cases().get(0).duration().unit().name(), c.interAgency(), c.crossBoundary(), write(c),
                        utc(now), actor, utc(now), actor)
                .update();
    }

    public void updateDraft(long procedureId, int version, ProcedureContent c, Instant now, String actor) {
        jdbc.sql("""
                UPDATE procedure_version SET name = ?, field = ?, level = ?, agency_unit_id = ?, online_level = ?,
                       fee_vnd = ?, duration_amount = ?, duration_unit = ?, inter_agency = ?, cross_boundary = ?,
                       body = ?::jsonb, updated_at = ?, updated_by = ?
                 WHERE procedure_id = ? AND version = ? AND status = 'DRAFT'""")
                .params(c.name(), c.field(), c.level().name(), agencyId(c), c.onlineLevel().name(), c.feeVnd(),
                        c.cases().get(0).duration().amount(), c.cases().get(0).duration().unit().name(),
                        c.interAgency(), c.crossBoundary(), write(c), utc(now), actor, procedureId, version)
                .update();
    }

    /** Sets the procedure's lifecycle columns and moves its revision on. */
    public void updateProcedure(long id, ProcedureStatus status, int latestVersion, Integer publishedVersion, Instant now) {
        jdbc.sql("UPDATE procedure SET status = ?, latest_version = ?, published_version = ?, revision = revision + 1,"
                        + " updated_at = ? WHERE id = ?")
                .params(status.name(), latestVersion, publishedVersion, utc(now), id).update();
    }

    public void supersede(long procedureId, int version) {
        jdbc.sql("UPDATE procedure_version SET status = 'SUPERSEDED' WHERE procedure_id = ? AND version = ? AND status = 'PUBLISHED'")
                .params(procedureId, version).update();
    }

    public void markPublished(long procedureId, int version, String decision, LocalDate decidedOn, Instant now, String actor) {
        jdbc.sql("UPDATE procedure_version SET status = 'PUBLISHED', decision = ?, decided_on = ?, published_at = ?,"
                        + " published_by = ? WHERE procedure_id = ? AND version = ? AND status = 'DRAFT'")
                .params(decision, decidedOn, utc(now), actor, procedureId, version).update();
    }

    public void markWithdrawn(long procedureId, int version, String decision, LocalDate decidedOn, String reason,
                              Instant now, String actor) {
        jdbc.sql("UPDATE procedure_version SET status = 'WITHDRAWN', withdraw_decision = ?, withdrawn_on = ?,"
                        + " withdraw_reason = ?, withdrawn_at = ?, withdrawn_by = ?"
                        + " WHERE procedure_id = ? AND version = ? AND status = 'PUBLISHED'")
                .params(decision, decidedOn, reason, utc(now), actor, procedureId, version).update();
    }

    /** Replaces a unit by its successor in the drafts and the published versions that name it (after a merge). */
    public int replaceUnit(long from, long to) {
        List<Object[]> hits = new ArrayList<>();
        jdbc.sql("SELECT procedure_id, version, body FROM procedure_version WHERE status IN ('DRAFT', 'PUBLISHED')"
                        + " AND (agency_unit_id = ? OR jsonb_path_exists(body, '$.cases[*].steps[*].unit.id ? (@ == $u)',"
                        + " jsonb_build_object('u', ?::bigint)))")
                .params(from, from)
                .query((ResultSet rs) -> {
                    hits.add(new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)});
                });
        for (Object[] h : hits) {
            ProcedureContent c = read((String) h[2]);
            ProcedureContent moved = UnitMoves.replace(c, from, to);
            jdbc.sql("UPDATE procedure_version SET body = ?::jsonb, agency_unit_id = ? WHERE procedure_id = ? AND version = ?")
                    .params(write(moved), agencyId(moved), h[0], h[1]).update();
        }
        return hits.size();
    }

    // --- mapping -----------------------------------------------------------------------------------

    private static Long agencyId(ProcedureContent c) {
        return c.agency() == null ? null : c.agency().id();
    }

    String write(ProcedureContent c) {
        return json.writeValueAsString(c);
    }

    ProcedureContent read(String body) {
        return json.readValue(body, ProcedureContent.class);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static ProcedureRow procedure(ResultSet rs, int row) throws SQLException {
        return new ProcedureRow(rs.getLong("id"), rs.getString("code"), ProcedureStatus.valueOf(rs.getString("p_status")),
                rs.getInt("latest_version"), rs.getObject("published_version", Integer.class), rs.getInt("revision"),
                rs.getObject("p_created_at", OffsetDateTime.class), rs.getObject("p_updated_at", OffsetDateTime.class));
    }

    VersionRow version(ResultSet rs, int row) throws SQLException {
        return new VersionRow(procedure(rs, row), rs.getInt("version"), VersionStatus.valueOf(rs.getString("status")),
                read(rs.getString("body")), rs.getString("decision"), rs.getObject("decided_on", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class), rs.getString("published_by"),
                rs.getString("withdraw_decision"), rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("withdraw_reason"), rs.getObject("withdrawn_at", OffsetDateTime.class),
                rs.getString("withdrawn_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }
}
