package vn.motcua.reform.internal.inspections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.reform.InspectionFixStatus;
import vn.motcua.reform.InspectionStatus;
import vn.motcua.reform.InspectionTargetKind;

/** Inspections, findings and fixes in SQL (rf_inspection, rf_finding, rf_fix). */
@Repository
public class InspectionStore {

    public record InspectionRow(long id, long unitId, String title, LocalDate plannedOn, InspectionStatus status,
                                Instant createdAt, String createdBy) {
    }

    public record FindingRow(long id, long inspectionId, String description, InspectionTargetKind targetKind, String targetRef,
                             Instant createdAt, String createdBy) {
    }

    public record FixRow(long id, long findingId, String requiredAction, LocalDate dueOn, InspectionFixStatus status,
                         String reportNote, Instant reportedAt, String reportedBy, String closingNote, Instant closedAt,
                         String closedBy) {
    }

    private final JdbcClient jdbc;

    public InspectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long unitId, String title, LocalDate plannedOn, Instant at, String by) {
        return jdbc.sql("INSERT INTO rf_inspection (unit_id, title, planned_on, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(unitId, title, plannedOn, ts(at), by).query(Long.class).single();
    }

    public Optional<InspectionRow> find(long id) {
        return jdbc.sql("SELECT * FROM rf_inspection WHERE id = ?").param(id).query(this::mapInspection).optional();
    }

    public Optional<InspectionRow> lock(long id) {
        return jdbc.sql("SELECT * FROM rf_inspection WHERE id = ? FOR UPDATE").param(id).query(this::mapInspection).optional();
    }

    public List<InspectionRow> list(Integer year, Long[] units) {
        return jdbc.sql("""
                SELECT * FROM rf_inspection WHERE (CAST(:year AS INT) IS NULL OR extract(year FROM planned_on) = :year)
                  AND (CAST(:all AS BOOLEAN) OR unit_id = ANY(:units)) ORDER BY planned_on DESC, id DESC""")
                .param("year", year).param("all", units == null).param("units", units == null ? new Long[0] : units)
                .query(this::mapInspection).list();
    }

    public void status(long id, InspectionStatus status) {
        jdbc.sql("UPDATE rf_inspection SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    public long insertFinding(long inspectionId, String description, InspectionTargetKind kind, String ref, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO rf_finding (inspection_id, description, target_kind, target_ref, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(inspectionId, description, kind.name(), ref, ts(at), by).query(Long.class).single();
    }

    public Optional<FindingRow> finding(long id) {
        return jdbc.sql("SELECT * FROM rf_finding WHERE id = ?").param(id).query(this::mapFinding).optional();
    }

    public List<FindingRow> findings(long inspectionId) {
        return jdbc.sql("SELECT * FROM rf_finding WHERE inspection_id = ? ORDER BY id").param(inspectionId).query(this::mapFinding).list();
    }

    public long insertFix(long findingId, String action, LocalDate due) {
        return jdbc.sql("INSERT INTO rf_fix (finding_id, required_action, due_on) VALUES (?, ?, ?) RETURNING id")
                .params(findingId, action, due).query(Long.class).single();
    }

    public Optional<FixRow> fix(long id) {
        return jdbc.sql("SELECT * FROM rf_fix WHERE id = ?").param(id).query(this::mapFix).optional();
    }

    public Optional<FixRow> lockFix(long id) {
        return jdbc.sql("SELECT * FROM rf_fix WHERE id = ? FOR UPDATE").param(id).query(this::mapFix).optional();
    }

    public List<FixRow> fixesOfInspection(long inspectionId) {
        return jdbc.sql("SELECT x.* FROM rf_fix x JOIN rf_finding f ON f.id = x.finding_id WHERE f.inspection_id = ? ORDER BY x.id")
                .param(inspectionId).query(this::mapFix).list();
    }

    public void reported(long id, String note, Instant at, String by) {
        jdbc.sql("UPDATE rf_fix SET status = 'REPORTED', report_note = ?, reported_at = ?, reported_by = ? WHERE id = ?")
                .params(note, ts(at), by, id).update();
    }

    public void closed(long id, String note, Instant at, String by) {
        jdbc.sql("UPDATE rf_fix SET status = 'CLOSED', closing_note = ?, closed_at = ?, closed_by = ? WHERE id = ?")
                .params(note, ts(at), by, id).update();
    }

    private InspectionRow mapInspection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new InspectionRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("title"),
                rs.getObject("planned_on", LocalDate.class), InspectionStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    private FindingRow mapFinding(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FindingRow(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("description"),
                InspectionTargetKind.valueOf(rs.getString("target_kind")), rs.getString("target_ref"),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    private FixRow mapFix(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FixRow(rs.getLong("id"), rs.getLong("finding_id"), rs.getString("required_action"),
                rs.getObject("due_on", LocalDate.class), InspectionFixStatus.valueOf(rs.getString("status")),
                rs.getString("report_note"), instant(rs, "reported_at"), rs.getString("reported_by"),
                rs.getString("closing_note"), instant(rs, "closed_at"), rs.getString("closed_by"));
    }

    private static Instant instant(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
