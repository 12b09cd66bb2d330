package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.catalog.ComplianceCost;
import vn.motcua.catalog.CostItem;
import vn.motcua.catalog.SimplificationKind;
import vn.motcua.catalog.SimplificationStatus;

/**
 * SQL for the {@code simplification_proposal} and {@code simplification_cost_item}
 * tables. The procedure's name is read from the catalogue's own tables: the
 * published version's name, else the latest version's.
 */
@Repository
public class SimplificationStore {

    /** A stored proposal with both sides as entered ({@code after} null for ABOLISH). */
    public record ProposalRow(long id, String procedureCode, String procedureName, SimplificationKind kind,
                              SimplificationStatus status, String reasons, String proposedChanges,
                              ComplianceCost before, ComplianceCost after,
                              OffsetDateTime submittedAt, String submittedBy, OffsetDateTime decidedAt, String decidedBy,
                              String decisionNote, int revision, OffsetDateTime createdAt, String createdBy,
                              OffsetDateTime updatedAt, String updatedBy) {
    }

    private static final String SELECT = """
            SELECT s.*, v.name AS procedure_name
              FROM simplification_proposal s
              JOIN procedure p ON p.code = s.procedure_code
              JOIN procedure_version v ON v.procedure_id = p.id AND v.version = COALESCE(p.published_version, p.latest_version)
            """;

    private final JdbcClient jdbc;

    public SimplificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- reading -----------------------------------------------------------------------------------

    public Optional<ProposalRow> find(long id) {
        return one(SELECT + " WHERE s.id = ?", id);
    }

    /** The proposal, locked until the end of the transaction: every change of a proposal goes through here. */
    public Optional<ProposalRow> lock(long id) {
        return one(SELECT + " WHERE s.id = ? FOR UPDATE OF s", id);
    }

    /** Proposals with the status and kind (either may be null: any), by procedure code, then newest first. */
    public List<ProposalRow> list(SimplificationStatus status, SimplificationKind kind) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            where.append(" AND s.status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" AND s.kind = :kind");
            params.put("kind", kind.name());
        }
        Map<Long, Map<String, List<CostItem>>> items = new HashMap<>();
        jdbc.sql("SELECT i.proposal_id, i.side, i.description, i.hours FROM simplification_cost_item i"
                        + " JOIN simplification_proposal s ON s.id = i.proposal_id" + where
                        + " ORDER BY i.proposal_id, i.side, i.position")
                .params(params)
                .query((ResultSet rs) -> {
                    items.computeIfAbsent(rs.getLong("proposal_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString("side"), k -> new ArrayList<>())
                            .add(new CostItem(rs.getString("description"), rs.getBigDecimal("hours")));
                });
        return jdbc.sql(SELECT + where + " ORDER BY s.procedure_code, s.id DESC").params(params)
                .query((rs, i) -> row(rs, items.getOrDefault(rs.getLong("id"), Map.of()))).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM simplification_proposal").query(Long.class).single();
    }

    /** Code and name (published version, else latest) of every procedure of the catalogue, by code. */
    public Map<String, String> procedureNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT p.code, v.name FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id"
                        + " AND v.version = COALESCE(p.published_version, p.latest_version) ORDER BY p.code")
                .query((ResultSet rs) -> {
                    names.put(rs.getString("code"), rs.getString("name"));
                });
        return names;
    }

    private Optional<ProposalRow> one(String sql, long id) {
        Map<String, List<CostItem>> items = items(id);
        return jdbc.sql(sql).param(id).query((rs, i) -> row(rs, items)).optional();
    }

    private Map<String, List<CostItem>> items(long id) {
        Map<String, List<CostItem>> items = new HashMap<>();
        jdbc.sql("SELECT side, description, hours FROM simplification_cost_item WHERE proposal_id = ? ORDER BY side, position")
                .param(id)
                .query((ResultSet rs) -> {
                    items.computeIfAbsent(rs.getString("side"), k -> new ArrayList<>())
                            .add(new CostItem(rs.getString("description"), rs.getBigDecimal("hours")));
                });
        return items;
    }

    // --- writing -----------------------------------------------------------------------------------

    public long insert(String procedureCode, SimplificationKind kind, String reasons, String proposedChanges,
                       ComplianceCost before, ComplianceCost after, Instant now, String actor) {
        long id = jdbc.sql("""
                INSERT INTO simplification_proposal (procedure_code, kind, reasons, proposed_changes, status,
                  before_hourly_income, before_fees, before_executions, before_subjects,
                  after_hourly_income, after_fees, after_executions, after_subjects,
                  created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(procedureCode, kind.name(), reasons, proposedChanges,
                        before.hourlyIncomeVnd(), before.feesVnd(), before.executionsPerYear(), before.subjectsPerYear(),
                        after == null ? null : after.hourlyIncomeVnd(), after == null ? null : after.feesVnd(),
                        after == null ? null : after.executionsPerYear(), after == null ? null : after.subjectsPerYear(),
                        utc(now), actor, utc(now), actor)
                .query(Long.class).single();
        insertItems(id, "BEFORE", before);
        insertItems(id, "AFTER", after);
        return id;
    }

    /** Replaces the content of a draft and moves its revision on. */
    public void update(long id, String procedureCode, SimplificationKind kind, String reasons, String proposedChanges,
                       ComplianceCost before, ComplianceCost after, Instant now, String actor) {
        jdbc.sql("""
                UPDATE simplification_proposal SET procedure_code = ?, kind = ?, reasons = ?, proposed_changes = ?,
                       before_hourly_income = ?, before_fees = ?, before_executions = ?, before_subjects = ?,
                       after_hourly_income = ?, after_fees = ?, after_executions = ?, after_subjects = ?,
                       revision = revision + 1, updated_at = ?, updated_by = ?
                 WHERE id = ? AND status = 'DRAFT'""")
                .params(procedureCode, kind.name(), reasons, proposedChanges,
                        before.hourlyIncomeVnd(), before.feesVnd(), before.executionsPerYear(), before.subjectsPerYear(),
                        after == null ? null : after.hourlyIncomeVnd(), after == null ? null : after.feesVnd(),
                        after == null ? null : after.executionsPerYear(), after == null ? null : after.subjectsPerYear(),
                        utc(now), actor, id)
                .update();
        jdbc.sql("DELETE FROM simplification_cost_item WHERE proposal_id = ?").param(id).update();
        insertItems(id, "BEFORE", before);
        insertItems(id, "AFTER", after);
    }

    public void submitted(long id, Instant now, String actor) {
        jdbc.sql("UPDATE simplification_proposal SET status = 'SUBMITTED', submitted_at = ?, submitted_by = ?,"
                        + " revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(utc(now), actor, utc(now), actor, id).update();
    }

    public void decided(long id, SimplificationStatus outcome, String note, Instant now, String actor) {
        jdbc.sql("UPDATE simplification_proposal SET status = ?, decided_at = ?, decided_by = ?, decision_note = ?,"
                        + " revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(outcome.name(), utc(now), actor, note, utc(now), actor, id).update();
    }

    private void insertItems(long id, String side, ComplianceCost cost) {
        if (cost == null) {
            return;
        }
        for (int i = 0; i < cost.items().size(); i++) {
            CostItem item = cost.items().get(i);
            jdbc.sql("INSERT INTO simplification_cost_item (proposal_id, side, position, description, hours) VALUES (?, ?, ?, ?, ?)")
                    .params(id, side, i, item.description(), item.hours()).update();
        }
    }

    // --- mapping -----------------------------------------------------------------------------------

    private static ProposalRow row(ResultSet rs, Map<String, List<CostItem>> items) throws SQLException {
        ComplianceCost before = new ComplianceCost(items.getOrDefault("BEFORE", List.of()),
                rs.getLong("before_hourly_income"), rs.getLong("before_fees"), rs.getBigDecimal("before_executions"),
                rs.getLong("before_subjects"));
        BigDecimal afterExecutions = rs.getBigDecimal("after_executions");
        ComplianceCost after = afterExecutions == null ? null : new ComplianceCost(items.getOrDefault("AFTER", List.of()),
                rs.getLong("after_hourly_income"), rs.getLong("after_fees"), afterExecutions, rs.getLong("after_subjects"));
        return new ProposalRow(rs.getLong("id"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                SimplificationKind.valueOf(rs.getString("kind")), SimplificationStatus.valueOf(rs.getString("status")),
                rs.getString("reasons"), rs.getString("proposed_changes"), before, after,
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("submitted_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("decision_note"),
                rs.getInt("revision"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
