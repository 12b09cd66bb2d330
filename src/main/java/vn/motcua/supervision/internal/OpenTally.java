package vn.motcua.supervision.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.CalendarService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.supervision.Figure;

/**
 * Counters of the open backlog (V38): per unit, per unit and procedure, per
 * procedure province-wide and per unit and officer, each by state (clock
 * running, paused before or after the appointment) and by the appointment's
 * local day. The listener appends signed deltas in the act's transaction
 * ({@link #moved}); {@link #compact} moves them into the counters; a figure
 * over a range of appointment times sums the counters of the days strictly
 * inside the range and counts the (few) dossiers of its two edge days from
 * {@code sv_dossier}'s covering index, in one statement, so it is exact to
 * the minute and equals the list it drills down to.
 */
@Component
public class OpenTally {

    /** The appointment day of a dossier without appointment. */
    static final LocalDate NO_DAY = LocalDate.of(9999, 12, 31);
    /** The day that days long past are folded into. */
    static final LocalDate FOLD_DAY = LocalDate.of(1970, 1, 1);
    static final ZoneId ZONE = CalendarService.ZONE;

    static final String STATE_SQL = "CASE WHEN d.status IN (2, 4) THEN 1 WHEN d.paused_since > d.appointment_at THEN 3 ELSE 2 END";

    private static final String REBUILD = """
            INSERT INTO sv_open_count (dim, unit, k, state, due_day, n)
            SELECT x.dim,
                   CASE WHEN x.dim = 'Q' THEN 0 ELSE coalesce(d.handling_unit, 0) END,
                   CASE x.dim WHEN 'U' THEN '' WHEN 'O' THEN coalesce(d.assignee::text, '') ELSE d.procedure_code END,
                   %s,
                   coalesce((d.appointment_at AT TIME ZONE '%s')::date, DATE '9999-12-31'),
                   count(*)
            FROM sv_dossier d CROSS JOIN (VALUES ('U'), ('P'), ('Q'), ('O')) AS x (dim)
            WHERE d.status IN (2, 4, 5, 6)
            GROUP BY 1, 2, 3, 4, 5
            """.formatted(STATE_SQL, ZONE.getId());

    /** What of a dossier the counters see: its open state (0: not open) and its keys. */
    public record Open(int state, Long unit, String procedure, Long assignee, LocalDate day) {

        static final Open NONE = new Open(0, null, null, null, null);

        /** The open state of a dossier with this status, appointment and pause. */
        public static Open of(int status, Long unit, String procedure, Long assignee, Instant appointment, Instant pausedSince) {
            int state;
            if (status == 2 || status == 4) {
                state = 1;
            } else if (status == 5 || status == 6) {
                state = pausedSince != null && appointment != null && pausedSince.isAfter(appointment) ? 3 : 2;
            } else {
                return NONE;
            }
            return new Open(state, unit, procedure, assignee,
                    appointment == null ? NO_DAY : LocalDate.ofInstant(appointment, ZONE));
        }

        Object[] key(char dim) {
            long u = dim == 'Q' || unit == null ? 0L : unit;
            String k = switch (dim) {
                case 'U' -> "";
                case 'O' -> assignee == null ? "" : String.valueOf(assignee);
                default -> procedure;
            };
            return new Object[] {String.valueOf(dim), u, k, state, day};
        }
    }

    /**
     * A part of a figure: the dossiers in these states whose appointment is in
     * {@code [from, to)} (null: unbounded); counted under {@code label} when
     * given (the ageing's buckets in one statement), else under the group's key.
     */
    public record Part(List<Integer> states, Instant from, Instant to, String label) {

        public Part(List<Integer> states, Instant from, Instant to) {
            this(states, from, to, null);
        }
    }

    private static final char[] DIMS = {'U', 'P', 'Q', 'O'};

    private final JdbcClient jdbc;

    public OpenTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the deltas of one dossier's move from {@code before} to {@code after} (in the act's transaction). */
    public void moved(Open before, Open after) {
        List<Object[]> rows = new ArrayList<>(8);
        for (char dim : DIMS) {
            Object[] was = before.state() == 0 ? null : before.key(dim);
            Object[] now = after.state() == 0 ? null : after.key(dim);
            if (was != null && now != null && java.util.Arrays.equals(was, now)) {
                continue;
            }
            if (was != null) {
                rows.add(row(was, -1));
            }
            if (now != null) {
                rows.add(row(now, 1));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO sv_open_delta (dim, unit, k, state, due_day, n) VALUES ");
        List<Object> params = new ArrayList<>(rows.size() * 6);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(rows.get(i)));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    private static Object[] row(Object[] key, int n) {
        return new Object[] {key[0], key[1], key[2], key[3], Date.valueOf((LocalDate) key[4]), n};
    }

    /**
     * Moves the deltas into the counters and folds the days before
     * {@code foldBefore} (null: none) into one day, dropping counters at zero.
     * Exclusive of {@link #rebuild} and of another compaction (table lock).
     */
    @Transactional
    public int compact(LocalDate foldBefore) {
        jdbc.sql("LOCK TABLE sv_open_count IN EXCLUSIVE MODE").update();
        int moved = jdbc.sql("""
                WITH gone AS (DELETE FROM sv_open_delta RETURNING dim, unit, k, state, due_day, n)
                INSERT INTO sv_open_count AS c (dim, unit, k, state, due_day, n)
                SELECT dim, unit, k, state, due_day, sum(n) FROM gone GROUP BY 1, 2, 3, 4, 5
                ON CONFLICT (dim, unit, k, state, due_day) DO UPDATE SET n = c.n + EXCLUDED.n
                """).update();
        if (foldBefore != null) {
            LocalDate current = jdbc.sql("SELECT fold_before FROM sv_open_meta WHERE id = 1").query(LocalDate.class).optional()
                    .orElse(null);
            if (current == null || foldBefore.isAfter(current)) {
                jdbc.sql("""
                        WITH gone AS (DELETE FROM sv_open_count WHERE due_day < :before AND due_day <> :fold
                                      RETURNING dim, unit, k, state, n)
                        INSERT INTO sv_open_count AS c (dim, unit, k, state, due_day, n)
                        SELECT dim, unit, k, state, :fold, sum(n) FROM gone GROUP BY 1, 2, 3, 4
                        ON CONFLICT (dim, unit, k, state, due_day) DO UPDATE SET n = c.n + EXCLUDED.n
                        """).param("before", Date.valueOf(foldBefore)).param("fold", Date.valueOf(FOLD_DAY)).update();
                jdbc.sql("UPDATE sv_open_meta SET fold_before = ? WHERE id = 1").param(Date.valueOf(foldBefore)).update();
            }
        }
        jdbc.sql("DELETE FROM sv_open_count WHERE n = 0").update();
        return moved;
    }

    /**
     * The counters recomputed from {@code sv_dossier} (a new node's first
     * start after a restore, a migration that touched the read model). In one
     * snapshot (repeatable read): an act committed after it keeps its deltas,
     * which correct the state this snapshot saw; one committed before has its
     * state counted and its deltas deleted.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public long rebuild(Instant at) {
        jdbc.sql("LOCK TABLE sv_open_count IN EXCLUSIVE MODE").update();
        jdbc.sql("DELETE FROM sv_open_delta").update();
        jdbc.sql("DELETE FROM sv_open_count").update();
        long rows = jdbc.sql(REBUILD).update();
        jdbc.sql("UPDATE sv_open_meta SET fold_before = NULL, rebuilt_at = ? WHERE id = 1").param(Timestamp.from(at)).update();
        return rows;
    }

    /** Every counter, deltas included, as {@code dim|unit|k|state|day → n} (non-zero only): for checks and tests. */
    public Map<String, Long> state() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT dim, unit, k, state, due_day, sum(n) FROM (SELECT * FROM sv_open_count UNION ALL SELECT * FROM sv_open_delta) x
                GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
                """).query((rs, i) -> out.put(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|"
                + rs.getDate(5), rs.getLong(6))).list();
        return out;
    }

    /**
     * The figure made of these parts, grouped ({@code grouping} null: one
     * total under ""), in the scope and units, optionally for one key; null
     * when a part's boundary falls on a folded day (then count the rows).
     */
    public Map<String, Long> count(List<Part> parts, Figure.Grouping grouping, String key, OfficerScope scope,
                                   java.util.Set<Long> units) {
        LocalDate folded = jdbc.sql("SELECT fold_before FROM sv_open_meta WHERE id = 1").query(LocalDate.class).optional().orElse(null);
        char dim = grouping == Figure.Grouping.OFFICER ? 'O'
                : grouping == Figure.Grouping.PROCEDURE ? (scope.allUnits() && units == null ? 'Q' : 'P') : 'U';
        String groupKey = grouping == null ? "''" : dim == 'U' ? "CASE WHEN t.unit = 0 THEN '' ELSE t.unit::text END" : "t.k";
        String rowKey = grouping == null ? "''" : "coalesce(" + Figure.IN_PROGRESS.column(grouping) + "::text, '')";
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("dim", String.valueOf(dim));
        StringBuilder tw = new StringBuilder("t.dim = :dim");
        StringBuilder dw = new StringBuilder();
        if (!scope.allUnits()) {
            tw.append(" AND t.unit = ANY(:scope)");
            dw.append(" AND d.handling_unit = ANY(:scope)");
            p.addValue("scope", scope.unitIdArray());
        }
        if (units != null) {
            tw.append(" AND t.unit = ANY(:units)");
            dw.append(" AND d.handling_unit = ANY(:units)");
            p.addValue("units", units.toArray(Long[]::new));
        }
        if (grouping != null && key != null) {
            String col = Figure.IN_PROGRESS.column(grouping);
            if (grouping == Figure.Grouping.UNIT) {
                tw.append(" AND t.unit = :tkey");
                p.addValue("tkey", key.isEmpty() ? 0L : Long.parseLong(key));
            } else {
                tw.append(" AND t.k = :tkey");
                p.addValue("tkey", key);
            }
            if (key.isEmpty()) {
                dw.append(" AND ").append(col).append(" IS NULL");
            } else {
                dw.append(" AND ").append(col).append(" = :dkey");
                p.addValue("dkey", grouping == Figure.Grouping.PROCEDURE ? key : (Object) Long.parseLong(key));
            }
        }
        StringBuilder sql = new StringBuilder();
        int i = 0;
        for (Part part : parts) {
            LocalDate dayFrom = part.from() == null ? null : LocalDate.ofInstant(part.from(), ZONE);
            LocalDate dayTo = part.to() == null ? null : LocalDate.ofInstant(part.to(), ZONE);
            if (folded != null && (dayFrom != null && !dayFrom.isAfter(folded) || dayTo != null && !dayTo.isAfter(folded))) {
                return null;
            }
            if (dayFrom != null && dayTo != null && dayTo.isBefore(dayFrom)) {
                continue; // an empty range
            }
            String s = "s" + i;
            p.addValue(s, part.states().toArray(Integer[]::new));
            String tk = part.label() == null ? groupKey : ":label" + i;
            String dk = part.label() == null ? rowKey : ":label" + i;
            if (part.label() != null) {
                p.addValue("label" + i, part.label());
            }
            StringBuilder range = new StringBuilder();
            if (dayFrom != null) {
                range.append(" AND t.due_day > :df").append(i);
                p.addValue("df" + i, Date.valueOf(dayFrom));
            }
            if (dayTo != null) {
                range.append(" AND t.due_day < :dt").append(i);
                p.addValue("dt" + i, Date.valueOf(dayTo));
            }
            for (String table : List.of("sv_open_count", "sv_open_delta")) {
                sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT CAST(").append(tk).append(" AS text) AS k, t.n FROM ").append(table)
                        .append(" t WHERE ").append(tw).append(" AND t.state = ANY(:").append(s).append(")").append(range);
            }
            // the edge days, from the rows: [from, start of the next day) and [start of the last day, to)
            List<Instant[]> edges = new ArrayList<>();
            if (dayFrom != null && dayTo != null && dayFrom.equals(dayTo)) {
                edges.add(new Instant[] {part.from(), part.to()});
            } else {
                if (dayFrom != null) {
                    edges.add(new Instant[] {part.from(), dayFrom.plusDays(1).atStartOfDay(ZONE).toInstant()});
                }
                if (dayTo != null) {
                    edges.add(new Instant[] {dayTo.atStartOfDay(ZONE).toInstant(), part.to()});
                }
            }
            int e = 0;
            for (Instant[] edge : edges) {
                String a = "ea" + i + "_" + e;
                String b = "eb" + i + "_" + e;
                e++;
                p.addValue(a, Timestamp.from(edge[0])).addValue(b, Timestamp.from(edge[1]));
                sql.append(" UNION ALL SELECT CAST(").append(dk).append(" AS text), 1 FROM sv_dossier d WHERE d.status IN (2, 4, 5, 6) AND ")
                        .append(STATE_SQL).append(" = ANY(:").append(s).append(") AND d.appointment_at >= :").append(a)
                        .append(" AND d.appointment_at < :").append(b).append(dw);
            }
            i++;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        if (sql.length() == 0) {
            return out;
        }
        jdbc.sql("SELECT k, sum(n) FROM (" + sql + ") x GROUP BY k HAVING sum(n) <> 0").paramSource(p)
                .query((rs, n) -> out.put(Objects.requireNonNullElse(rs.getString(1), ""), rs.getLong(2))).list();
        return out;
    }
}
