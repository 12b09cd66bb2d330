package vn.motcua.reform.internal.positions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Job positions, their holders and training records (tables ref_position, ref_position_holder, ref_training). */
@Repository
public class PositionStore {

    public record PositionRow(long id, long unitId, String code, String name, String competences, int planned, int version) {
    }

    public record HolderRow(long positionId, long staffId, LocalDate since) {
    }

    public record TrainingRow(long id, long staffId, String title, String provider, LocalDate startedOn, LocalDate endedOn, int hours,
                              String certificate, String recordedBy, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    public PositionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static PositionRow position(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PositionRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("competences"), rs.getInt("planned"), rs.getInt("version"));
    }

    public List<PositionRow> ofUnits(java.util.Collection<Long> units) {
        return jdbc.sql("SELECT * FROM ref_position WHERE unit_id = ANY(?) ORDER BY unit_id, code").param(units.toArray(Long[]::new))
                .query(PositionStore::position).list();
    }

    public Optional<PositionRow> find(long id) {
        return jdbc.sql("SELECT * FROM ref_position WHERE id = ?").param(id).query(PositionStore::position).optional();
    }

    public boolean codeTaken(long unitId, String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ref_position WHERE unit_id = ? AND code = ?)").params(unitId, code)
                .query(Boolean.class).single();
    }

    public long insert(long unitId, String code, String name, String competences, int planned) {
        return jdbc.sql("INSERT INTO ref_position (unit_id, code, name, competences, planned) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(unitId, code, name, competences, planned).query(Long.class).single();
    }

    public List<HolderRow> holders(java.util.Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM ref_position_holder WHERE position_id = ANY(?) ORDER BY since")
                .param(positions.toArray(Long[]::new))
                .query((rs, n) -> new HolderRow(rs.getLong("position_id"), rs.getLong("staff_id"), rs.getObject("since", LocalDate.class)))
                .list();
    }

    public boolean assign(long positionId, long staffId, LocalDate since) {
        return jdbc.sql("INSERT INTO ref_position_holder (position_id, staff_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(positionId, staffId, since).update() == 1;
    }

    public boolean release(long positionId, long staffId) {
        return jdbc.sql("DELETE FROM ref_position_holder WHERE position_id = ? AND staff_id = ?").params(positionId, staffId).update() == 1;
    }

    public long addTraining(long staffId, String title, String provider, LocalDate from, LocalDate to, int hours, String certificate,
                            String actor, Instant at) {
        return jdbc.sql("""
                        INSERT INTO ref_training (staff_id, title, provider, started_on, ended_on, hours, certificate, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(staffId, title, provider, from, to, hours, certificate, actor, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class).single();
    }

    public List<TrainingRow> trainings(long staffId) {
        return jdbc.sql("SELECT * FROM ref_training WHERE staff_id = ? ORDER BY started_on DESC, id DESC").param(staffId)
                .query((rs, n) -> new TrainingRow(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("title"), rs.getString("provider"),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class), rs.getInt("hours"),
                        rs.getString("certificate"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Mean of the confirmed assessment totals per officer over assessments starting in [from, to]. */
    public java.util.Map<Long, java.math.BigDecimal> assessmentMeans(java.util.Collection<Long> officers, LocalDate from, LocalDate to) {
        java.util.Map<Long, java.math.BigDecimal> out = new java.util.HashMap<>();
        if (officers.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT officer_id, avg(total) FROM ref_officer_assessment
                         WHERE officer_id = ANY(?) AND status = 'CONFIRMED' AND period_start >= ? AND period_start <= ?
                         GROUP BY officer_id""")
                .params(officers.toArray(Long[]::new), from, to)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }
}
