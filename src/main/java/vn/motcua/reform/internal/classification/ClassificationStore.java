package vn.motcua.reform.internal.classification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The officers' periodic assessments (table ref_officer_assessment). */
@Repository
public class ClassificationStore {

    public record Row(long id, long officerId, long unitId, String periodKind, LocalDate start, LocalDate end, String figures,
                      BigDecimal proposedGeneral, BigDecimal proposedTask, BigDecimal general, BigDecimal task, BigDecimal total,
                      String band, String reason, String status, Instant proposedAt, String confirmedBy, Instant confirmedAt,
                      int version) {
    }

    private final JdbcClient jdbc;

    public ClassificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("officer_id"), rs.getLong("unit_id"), rs.getString("period_kind"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class), rs.getString("figures"),
                rs.getBigDecimal("proposed_general"), rs.getBigDecimal("proposed_task"), rs.getBigDecimal("general_score"),
                rs.getBigDecimal("task_score"), rs.getBigDecimal("total"), rs.getString("band"), rs.getString("reason"),
                rs.getString("status"), instant(rs, "proposed_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
                rs.getInt("version"));
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM ref_officer_assessment WHERE id = ?").param(id).query(ClassificationStore::row).optional();
    }

    public Optional<Row> find(long officerId, String kind, LocalDate start) {
        return jdbc.sql("SELECT * FROM ref_officer_assessment WHERE officer_id = ? AND period_kind = ? AND period_start = ?")
                .params(officerId, kind, start).query(ClassificationStore::row).optional();
    }

    public List<Row> ofOfficer(long officerId) {
        return jdbc.sql("SELECT * FROM ref_officer_assessment WHERE officer_id = ? ORDER BY period_start DESC, period_kind")
                .param(officerId).query(ClassificationStore::row).list();
    }

    public List<Row> ofUnitPeriod(long unitId, String kind, LocalDate start) {
        return jdbc.sql("SELECT * FROM ref_officer_assessment WHERE unit_id = ? AND period_kind = ? AND period_start = ? ORDER BY id")
                .params(unitId, kind, start).query(ClassificationStore::row).list();
    }

    /** The confirmed assessments of the units in the year. */
    public List<Row> confirmedIn(java.util.Collection<Long> units, int year) {
        return jdbc.sql("""
                        SELECT * FROM ref_officer_assessment WHERE unit_id = ANY(?) AND status = 'CONFIRMED'
                           AND period_start >= ? AND period_start <= ? ORDER BY officer_id, period_start""")
                .params(units.toArray(Long[]::new), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(ClassificationStore::row).list();
    }

    public long insert(long officerId, long unitId, String kind, LocalDate start, LocalDate end, String figures, BigDecimal general,
                       BigDecimal task, Instant at) {
        return jdbc.sql("""
                        INSERT INTO ref_officer_assessment (officer_id, unit_id, period_kind, period_start, period_end, figures,
                            proposed_general, proposed_task, status, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?) RETURNING id""")
                .params(officerId, unitId, kind, start, end, figures, general, task, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class).single();
    }

    public void refresh(long id, long unitId, String figures, BigDecimal general, BigDecimal task, Instant at) {
        jdbc.sql("""
                        UPDATE ref_officer_assessment SET unit_id = ?, figures = ?, proposed_general = ?, proposed_task = ?,
                            proposed_at = ?, version = version + 1 WHERE id = ? AND status = 'PROPOSED'""")
                .params(unitId, figures, general, task, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id).update();
    }

    /** Confirms with the given scores if the version still matches; false when it does not. */
    public boolean confirm(long id, int version, BigDecimal general, BigDecimal task, BigDecimal total, String band, String reason,
                           String actor, Instant at) {
        return jdbc.sql("""
                        UPDATE ref_officer_assessment SET general_score = ?, task_score = ?, total = ?, band = ?, reason = ?,
                            status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?, version = version + 1
                         WHERE id = ? AND version = ?""")
                .params(general, task, total, band, reason, actor, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id, version)
                .update() == 1;
    }

    /** Locks the unit's assessments of the period, so two confirmations cannot both pass the cap. */
    public void lockPeriod(long unitId, String kind, LocalDate start) {
        jdbc.sql("SELECT id FROM ref_officer_assessment WHERE unit_id = ? AND period_kind = ? AND period_start = ? FOR UPDATE")
                .params(unitId, kind, start).query(Long.class).list();
    }
}
