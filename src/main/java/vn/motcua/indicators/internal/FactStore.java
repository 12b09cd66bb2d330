package vn.motcua.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model's tables: per-dossier facts and the per-unit, per-day aggregates kept in step with them. */
@Repository
public class FactStore {

    private final JdbcClient jdbc;

    public FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DossierFact> find(String code) {
        return jdbc.sql("SELECT * FROM ind_dossier WHERE code = ?").param(code).query(FactStore::fact).optional();
    }

    static DossierFact fact(ResultSet rs, int n) throws SQLException {
        return new DossierFact(rs.getString("code"), rs.getLong("unit_id"), rs.getLong("receiving_unit_id"),
                rs.getString("procedure_code"), rs.getString("field"), rs.getString("channel"),
                rs.getBoolean("online_eligible"), rs.getInt("status"), instant(rs, "received_at"), day(rs, "received_day"),
                instant(rs, "appointment_at"), instant(rs, "finished_at"), day(rs, "finished_day"), rs.getString("outcome"),
                rs.getString("timing"), rs.getBoolean("completed"), rs.getBoolean("electronic_result"),
                rs.getBoolean("digitised"), rs.getBoolean("reused"), instant(rs, "returned_at"), instant(rs, "refused_at"),
                day(rs, "refused_day"), rs.getInt("supplement_requests"), rs.getInt("apologies"), rs.getInt("last_version"),
                rs.getInt("last_index"));
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static LocalDate day(ResultSet rs, String col) throws SQLException {
        java.sql.Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Writes the dossier's facts and moves the aggregates by the difference its contributions made. */
    public void save(DossierFact before, DossierFact after) {
        jdbc.sql("""
                INSERT INTO ind_dossier (code, unit_id, receiving_unit_id, procedure_code, field, channel, online_eligible,
                    status, received_at, received_day, appointment_at, finished_at, finished_day, outcome, timing, completed,
                    electronic_result, digitised, reused, returned_at, refused_at, refused_day, supplement_requests, apologies,
                    last_version, last_index)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT (code) DO UPDATE SET unit_id = excluded.unit_id, receiving_unit_id = excluded.receiving_unit_id,
                    procedure_code = excluded.procedure_code, field = excluded.field, channel = excluded.channel,
                    online_eligible = excluded.online_eligible, status = excluded.status, received_at = excluded.received_at,
                    received_day = excluded.received_day, appointment_at = excluded.appointment_at,
                    finished_at = excluded.finished_at, finished_day = excluded.finished_day, outcome = excluded.outcome,
                    timing = excluded.timing, completed = excluded.completed, electronic_result = excluded.electronic_result,
                    digitised = excluded.digitised, reused = excluded.reused, returned_at = excluded.returned_at,
                    refused_at = excluded.refused_at, refused_day = excluded.refused_day,
                    supplement_requests = excluded.supplement_requests, apologies = excluded.apologies,
                    last_version = excluded.last_version, last_index = excluded.last_index
                """)
                .params(after.code(), after.unitId(), after.receivingUnitId(), after.procedureCode(), after.field(),
                        after.channel(), after.onlineEligible(), after.status(), ts(after.receivedAt()), after.receivedDay(),
                        ts(after.appointmentAt()), ts(after.finishedAt()), after.finishedDay(), after.outcome(), after.timing(),
                        after.completed(), after.electronicResult(), after.digitised(), after.reused(), ts(after.returnedAt()),
                        ts(after.refusedAt()), after.refusedDay(), after.supplementRequests(), after.apologies(),
                        after.lastVersion(), after.lastIndex())
                .update();
        applyDelta(before, after);
    }

    private record Key(long unit, LocalDate day, String field) {
    }

    private void applyDelta(DossierFact before, DossierFact after) {
        Map<Key, int[]> delta = new LinkedHashMap<>();
        if (before != null) {
            for (DossierFact.Contribution c : before.contributions()) {
                int[] d = delta.computeIfAbsent(new Key(c.unitId(), c.day(), c.field()), k -> new int[DossierFact.COLUMNS.length]);
                for (int i = 0; i < d.length; i++) {
                    d[i] -= c.values()[i];
                }
            }
        }
        for (DossierFact.Contribution c : after.contributions()) {
            int[] d = delta.computeIfAbsent(new Key(c.unitId(), c.day(), c.field()), k -> new int[DossierFact.COLUMNS.length]);
            for (int i = 0; i < d.length; i++) {
                d[i] += c.values()[i];
            }
        }
        List<Map.Entry<Key, int[]>> rows = new ArrayList<>();
        for (Map.Entry<Key, int[]> e : delta.entrySet()) {
            if (java.util.Arrays.stream(e.getValue()).anyMatch(v -> v != 0)) {
                rows.add(e);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // rows locked in one order by every act, so two acts never wait on each other crosswise
        rows.sort(java.util.Comparator.comparing((Map.Entry<Key, int[]> e) -> e.getKey().unit())
                .thenComparing(e -> e.getKey().day()).thenComparing(e -> e.getKey().field()));
        // one statement for every (unit, day, field) the act moved
        String cols = String.join(", ", DossierFact.COLUMNS);
        StringBuilder set = new StringBuilder();
        for (String c : DossierFact.COLUMNS) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = ind_unit_day.").append(c).append(" + excluded.").append(c);
        }
        String one = "(?, ?, ?" + ", ?".repeat(DossierFact.COLUMNS.length) + ")";
        String sql = "INSERT INTO ind_unit_day (unit_id, day, field, " + cols + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows.size(), one))
                + " ON CONFLICT (unit_id, day, field) DO UPDATE SET " + set;
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Key, int[]> e : rows) {
            params.add(e.getKey().unit());
            params.add(e.getKey().day());
            params.add(e.getKey().field());
            for (int v : e.getValue()) {
                params.add(v);
            }
        }
        jdbc.sql(sql).params(params).update();
    }
}
