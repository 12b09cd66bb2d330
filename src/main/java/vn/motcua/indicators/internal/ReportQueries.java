package vn.motcua.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.indicators.Report;

/**
 * The figures of form 06a/06b from the read model, one line per field
 * (lĩnh vực) and a total: received in the period (online; in person or by
 * post) and carried over (received earlier, unfinished at the period's
 * start); handled in the period (early, on time, late); pending at the
 * period's end (within the deadline, overdue). Every line keeps
 * received = handled + pending.
 */
@Repository
public class ReportQueries {

    public static final String TOTAL = "Tổng cộng";
    public static final String NO_FIELD = "Chưa phân lĩnh vực";

    private final JdbcClient jdbc;

    public ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Report.Line> byField(Long[] units, LocalDate from, LocalDate to) {
        Map<String, long[]> rows = new TreeMap<>();
        String filter = units == null ? "" : " AND unit_id = ANY(:units)";
        var q = jdbc.sql("SELECT field, sum(received) r, sum(received_online) o, sum(finished) f, sum(finished_early) e, "
                + "sum(finished_on_time) t, sum(finished_late) l FROM ind_unit_day WHERE day BETWEEN :from AND :to" + filter
                + " GROUP BY field").param("from", from).param("to", to);
        if (units != null) {
            q = q.param("units", units);
        }
        q.query(rs -> {
            long[] v = rows.computeIfAbsent(rs.getString("field"), k -> new long[11]);
            long received = rs.getLong("r");
            long online = rs.getLong("o");
            v[0] += received;
            v[1] += online;
            v[2] += received - online;
            v[4] += rs.getLong("f");
            v[5] += rs.getLong("e");
            v[6] += rs.getLong("t");
            v[7] += rs.getLong("l");
        });
        var open = jdbc.sql("""
                SELECT field,
                       count(*) FILTER (WHERE received_at < :start AND coalesce(finished_at, 'infinity'::timestamptz) >= :start) carried,
                       count(*) FILTER (WHERE received_at < :end AND coalesce(finished_at, 'infinity'::timestamptz) >= :end) pending,
                       count(*) FILTER (WHERE received_at < :end AND coalesce(finished_at, 'infinity'::timestamptz) >= :end
                                        AND appointment_at < :end) overdue
                FROM ind_dossier
                WHERE received_at IS NOT NULL AND coalesce(finished_at, 'infinity'::timestamptz) >= :start""" + filter
                        + " GROUP BY field")
                .param("start", IndexQueries.start(from)).param("end", IndexQueries.end(to));
        if (units != null) {
            open = open.param("units", units);
        }
        open.query(rs -> {
            long[] v = rows.computeIfAbsent(rs.getString("field"), k -> new long[11]);
            long carried = rs.getLong("carried");
            v[0] += carried;
            v[3] += carried;
            v[8] += rs.getLong("pending");
            v[10] += rs.getLong("overdue");
            v[9] = v[8] - v[10];
        });
        List<Report.Line> out = new ArrayList<>();
        long[] total = new long[11];
        rows.forEach((field, v) -> {
            if (java.util.Arrays.stream(v).allMatch(x -> x == 0)) {
                return;
            }
            out.add(new Report.Line("", field.isEmpty() ? NO_FIELD : field, v));
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
        });
        out.add(new Report.Line("", TOTAL, total));
        return out;
    }
}
