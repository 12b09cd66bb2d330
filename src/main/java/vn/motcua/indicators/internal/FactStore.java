package vn.motcua.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model's tables: per-dossier facts and, kept in step with them, the
 * per-unit, per-day aggregates and the counts of the dossiers unfinished at
 * each month's end.
 */
@Repository
public class FactStore {

    private final JdbcClient jdbc;

    public FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DossierFact> find(String code) {
        return jdbc.sql("SELECT * FROM ind_dossier WHERE code = ?").param(code).query(FactStore::fact).optional();
    }

    /**
     * The dossier's facts, its row locked until the transaction ends: a live
     * act and a rebuild of the same dossier then take turns, and each computes
     * its difference from the row the other committed.
     */
    public Optional<DossierFact> lock(String code) {
        return jdbc.sql("SELECT * FROM ind_dossier WHERE code = ? FOR UPDATE").param(code).query(FactStore::fact).optional();
    }

    /** The facts of these dossiers that exist, their rows locked (in code order, as every writer locks them). */
    Map<String, DossierFact> lockAll(List<String> codes) {
        Map<String, DossierFact> out = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM ind_dossier WHERE code = ANY(?) ORDER BY code FOR UPDATE")
                .param(codes.toArray(String[]::new)).query(FactStore::fact).list()
                .forEach(f -> out.put(f.code(), f));
        return out;
    }

    /**
     * Inserts the facts of a dossier the read model does not hold yet and
     * moves the aggregates by them; false, with nothing written, when another
     * transaction has just inserted the row (the caller locks it and starts over).
     */
    public boolean insertNew(DossierFact after) {
        int n = jdbc.sql("INSERT INTO ind_dossier (" + FACT_COLUMNS + ") VALUES (" + PLACEHOLDERS + ")"
                        + " ON CONFLICT (code) DO NOTHING")
                .params(params(after)).update();
        if (n == 0) {
            return false;
        }
        applyDelta(null, after);
        return true;
    }

    private static final String FACT_COLUMNS = """
            code, unit_id, receiving_unit_id, procedure_code, field, channel, online_eligible,
            status, received_at, received_day, appointment_at, finished_at, finished_day, outcome, timing, completed,
            electronic_result, digitised, reused, returned_at, refused_at, refused_day, supplement_requests, apologies,
            last_version, last_index, fee, synced, paid, population, dissatisfied""";
    private static final int FACT_COUNT = 31;
    private static final String PLACEHOLDERS = String.join(",", java.util.Collections.nCopies(FACT_COUNT, "?"));

    private static final String FACT_UPDATE = """
            unit_id = excluded.unit_id, receiving_unit_id = excluded.receiving_unit_id,
            procedure_code = excluded.procedure_code, field = excluded.field, channel = excluded.channel,
            online_eligible = excluded.online_eligible, status = excluded.status, received_at = excluded.received_at,
            received_day = excluded.received_day, appointment_at = excluded.appointment_at,
            finished_at = excluded.finished_at, finished_day = excluded.finished_day, outcome = excluded.outcome,
            timing = excluded.timing, completed = excluded.completed, electronic_result = excluded.electronic_result,
            digitised = excluded.digitised, reused = excluded.reused, returned_at = excluded.returned_at,
            refused_at = excluded.refused_at, refused_day = excluded.refused_day,
            supplement_requests = excluded.supplement_requests, apologies = excluded.apologies,
            last_version = excluded.last_version, last_index = excluded.last_index, fee = excluded.fee,
            synced = excluded.synced, paid = excluded.paid, population = excluded.population,
            dissatisfied = excluded.dissatisfied""";

    private static Object[] params(DossierFact after) {
        return new Object[]{after.code(), after.unitId(), after.receivingUnitId(), after.procedureCode(), after.field(),
            after.channel(), after.onlineEligible(), after.status(), ts(after.receivedAt()), after.receivedDay(),
            ts(after.appointmentAt()), ts(after.finishedAt()), after.finishedDay(), after.outcome(), after.timing(),
            after.completed(), after.electronicResult(), after.digitised(), after.reused(), ts(after.returnedAt()),
            ts(after.refusedAt()), after.refusedDay(), after.supplementRequests(), after.apologies(),
            after.lastVersion(), after.lastIndex(), after.fee(), after.marks().synced(), after.marks().paid(),
            after.marks().population(), after.marks().dissatisfied()};
    }

    static DossierFact fact(ResultSet rs, int n) throws SQLException {
        return new DossierFact(rs.getString("code"), rs.getLong("unit_id"), rs.getLong("receiving_unit_id"),
                rs.getString("procedure_code"), rs.getString("field"), rs.getString("channel"),
                rs.getBoolean("online_eligible"), rs.getInt("status"), instant(rs, "received_at"), day(rs, "received_day"),
                instant(rs, "appointment_at"), instant(rs, "finished_at"), day(rs, "finished_day"), rs.getString("outcome"),
                rs.getString("timing"), rs.getBoolean("completed"), rs.getBoolean("electronic_result"),
                rs.getBoolean("digitised"), rs.getBoolean("reused"), instant(rs, "returned_at"), instant(rs, "refused_at"),
                day(rs, "refused_day"), rs.getInt("supplement_requests"), rs.getInt("apologies"), rs.getInt("last_version"),
                rs.getInt("last_index"), rs.getBoolean("fee"), new DossierFact.Marks(rs.getBoolean("synced"),
                        rs.getBoolean("paid"), rs.getBoolean("population"), rs.getBoolean("dissatisfied")));
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
        jdbc.sql("INSERT INTO ind_dossier (" + FACT_COLUMNS + ") VALUES (" + PLACEHOLDERS + ")"
                        + " ON CONFLICT (code) DO UPDATE SET " + FACT_UPDATE)
                .params(params(after)).update();
        applyDelta(before, after);
    }

    /**
     * Writes rebuilt facts in a few statements whatever their number (arrays
     * unnested): rows locked by {@link #lockAll} are replaced, the others
     * inserted unless another transaction has just inserted them; the
     * aggregates move by the sum of the differences, per unit, day and field,
     * in one statement. A fact equal to the one held (the mark of the last act
     * apart) is not written. Returns the codes not written because another
     * transaction inserted them meanwhile: the caller replays those again.
     */
    List<String> writeAll(Map<String, DossierFact> held, List<DossierFact> rebuilt) {
        List<DossierFact> replace = new ArrayList<>();
        List<DossierFact> insert = new ArrayList<>();
        for (DossierFact f : rebuilt) {
            DossierFact old = held.get(f.code());
            if (old == null) {
                insert.add(f);
            } else if (!sameFacts(old, f)) {
                replace.add(f);
            }
        }
        Deltas delta = new Deltas();
        if (!replace.isEmpty()) {
            jdbc.sql("INSERT INTO ind_dossier (" + FACT_COLUMNS + ") " + UNNEST_FACTS
                            + " ON CONFLICT (code) DO UPDATE SET " + FACT_UPDATE)
                    .params(arrays(replace)).update();
            for (DossierFact f : replace) {
                delta.add(held.get(f.code()), -1);
                delta.add(f, 1);
            }
        }
        List<String> lost = new ArrayList<>();
        if (!insert.isEmpty()) {
            java.util.Set<String> inserted = new java.util.HashSet<>(jdbc.sql("INSERT INTO ind_dossier (" + FACT_COLUMNS + ") "
                            + UNNEST_FACTS + " ON CONFLICT (code) DO NOTHING RETURNING code")
                    .params(arrays(insert)).query(String.class).list());
            for (DossierFact f : insert) {
                if (inserted.contains(f.code())) {
                    delta.add(f, 1);
                } else {
                    lost.add(f.code());
                }
            }
        }
        delta.write();
        return lost;
    }

    /** Equal but for the mark of the last act seen. */
    static boolean sameFacts(DossierFact a, DossierFact b) {
        return a.equals(b.withLast(a.lastVersion(), a.lastIndex()));
    }

    private static final String UNNEST_FACTS = """
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]),
                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS int[]), CAST(? AS timestamptz[]),
                CAST(? AS date[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS date[]), CAST(? AS text[]),
                CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS boolean[]), CAST(? AS boolean[]), CAST(? AS boolean[]),
                CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS date[]), CAST(? AS int[]), CAST(? AS int[]),
                CAST(? AS int[]), CAST(? AS int[]), CAST(? AS boolean[]), CAST(? AS boolean[]), CAST(? AS boolean[]),
                CAST(? AS boolean[]), CAST(? AS boolean[]))""";

    private static Object[] arrays(List<DossierFact> fs) {
        int n = fs.size();
        Object[][] cols = new Object[FACT_COUNT][];
        for (int c = 0; c < FACT_COUNT; c++) {
            cols[c] = new String[n];
        }
        for (int i = 0; i < n; i++) {
            Object[] p = params(fs.get(i));
            for (int c = 0; c < FACT_COUNT; c++) {
                cols[c][i] = p[c] == null ? null : p[c] instanceof Timestamp t ? t.toInstant().toString() : p[c].toString();
            }
        }
        return cols;
    }

    /** The count tables kept in step with the facts: their key columns (the primary key), with SQL types, and counted columns. */
    private static final SumTable DAYS = new SumTable("ind_unit_day", new String[]{"unit_id", "day", "field"},
            new String[]{"bigint", "date", "text"}, DossierFact.COLUMNS);
    private static final SumTable MONTH_ENDS = new SumTable("ind_unit_month_end_open",
            new String[]{"open_at", "unit_id", "due", "month"}, new String[]{"date", "bigint", "boolean", "date"}, new String[]{"n"});
    private static final SumTable PROCEDURE_MONTHS = new SumTable("ind_unit_month_procedure",
            new String[]{"month", "unit_id", "procedure_code"}, new String[]{"date", "bigint", "text"},
            new String[]{"received", "population"});

    private record SumTable(String name, String[] keys, String[] keyTypes, String[] columns) {
    }

    /**
     * The differences a change of facts makes to the three count tables,
     * summed per key: each dossier's contributions before (sign -1) and after
     * (+1). Keys are kept in the key's natural order, the order every writer
     * takes rows in, so two writers never wait on each other crosswise; the
     * tables are written in one order too (days, months' ends, procedures).
     */
    private final class Deltas {
        private final Map<java.util.List<Object>, int[]> days = new java.util.TreeMap<>(KEY_ORDER);
        private final Map<java.util.List<Object>, int[]> monthEnds = new java.util.TreeMap<>(KEY_ORDER);
        private final Map<java.util.List<Object>, int[]> procedureMonths = new java.util.TreeMap<>(KEY_ORDER);

        void add(DossierFact f, int sign) {
            if (f == null) {
                return;
            }
            for (DossierFact.Contribution c : f.contributions()) {
                sum(days, java.util.List.of(c.unitId(), c.day(), c.field()), c.values(), sign);
            }
            for (DossierFact.MonthEndOpen o : f.openAtMonthEnds()) {
                sum(monthEnds, java.util.List.of(o.openAt(), o.unitId(), o.due(), o.month()), new int[]{1}, sign);
            }
            DossierFact.ProcedureMonth pm = f.procedureMonth();
            if (pm != null) {
                sum(procedureMonths, java.util.List.of(pm.month(), pm.unitId(), pm.procedureCode()),
                        new int[]{1, f.marks().population() ? 1 : 0}, sign);
            }
        }

        private static void sum(Map<java.util.List<Object>, int[]> m, java.util.List<Object> key, int[] values, int sign) {
            int[] d = m.computeIfAbsent(key, k -> new int[values.length]);
            for (int i = 0; i < d.length; i++) {
                d[i] += sign * values[i];
            }
        }

        void write() {
            writeSums(DAYS, days);
            writeSums(MONTH_ENDS, monthEnds);
            writeSums(PROCEDURE_MONTHS, procedureMonths);
        }
    }

    /** Keys (lists of longs, dates, strings, booleans, position by position) in their natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final java.util.Comparator<java.util.List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /**
     * Adds the summed differences to a count table in one statement (arrays
     * unnested), rows in key order; nothing when they cancel out (the usual
     * act moves one or two rows of {@code ind_unit_day} and none of the others).
     */
    private void writeSums(SumTable t, Map<java.util.List<Object>, int[]> delta) {
        delta.values().removeIf(d -> java.util.Arrays.stream(d).allMatch(v -> v == 0));
        if (delta.isEmpty()) {
            return;
        }
        int n = delta.size();
        String[][] keys = new String[t.keys().length][n];
        Integer[][] values = new Integer[t.columns().length][n];
        int i = 0;
        for (Map.Entry<java.util.List<Object>, int[]> e : delta.entrySet()) {
            for (int k = 0; k < keys.length; k++) {
                keys[k][i] = e.getKey().get(k).toString();
            }
            for (int c = 0; c < values.length; c++) {
                values[c][i] = e.getValue()[c];
            }
            i++;
        }
        StringBuilder casts = new StringBuilder();
        for (String type : t.keyTypes()) {
            casts.append(casts.isEmpty() ? "" : ", ").append("CAST(? AS ").append(type).append("[])");
        }
        StringBuilder set = new StringBuilder();
        for (String c : t.columns()) {
            casts.append(", CAST(? AS int[])");
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = ").append(t.name()).append('.').append(c)
                    .append(" + excluded.").append(c);
        }
        List<Object> params = new ArrayList<>(java.util.Arrays.asList((Object[]) keys));
        params.addAll(java.util.Arrays.asList((Object[]) values));
        String keyList = String.join(", ", t.keys());
        jdbc.sql("INSERT INTO " + t.name() + " (" + keyList + ", " + String.join(", ", t.columns()) + ") SELECT * FROM unnest("
                        + casts + ") ON CONFLICT (" + keyList + ") DO UPDATE SET " + set)
                .params(params).update();
    }

    /** Moves the count tables by the difference between the dossier's contributions before and after a change. */
    private void applyDelta(DossierFact before, DossierFact after) {
        Deltas d = new Deltas();
        d.add(before, -1);
        d.add(after, 1);
        d.write();
    }

    /**
     * What the marks and the PAKN say of these dossiers now
     * ({@code ind_dossier_mark}, {@code ind_dossier_complaint}); dossiers
     * with neither are left out (their marks are {@link DossierFact.Marks#NONE}).
     */
    Map<String, DossierFact.Marks> marks(List<String> codes) {
        Map<String, DossierFact.Marks> out = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT c.code, m.synced_at IS NOT NULL AS synced, m.paid_at IS NOT NULL AS paid,
                       m.population_at IS NOT NULL AS population,
                       coalesce(m.unsatisfied, false) OR EXISTS (SELECT 1 FROM ind_dossier_complaint k
                                                                 WHERE k.dossier_code = c.code AND NOT k.refused) AS dissatisfied
                FROM unnest(CAST(? AS text[])) AS c (code) LEFT JOIN ind_dossier_mark m ON m.code = c.code""")
                .param(codes.toArray(String[]::new))
                .query(rs -> {
                    DossierFact.Marks m = new DossierFact.Marks(rs.getBoolean("synced"), rs.getBoolean("paid"),
                            rs.getBoolean("population"), rs.getBoolean("dissatisfied"));
                    if (!m.equals(DossierFact.Marks.NONE)) {
                        out.put(rs.getString("code"), m);
                    }
                });
        return out;
    }

    DossierFact.Marks marks(String code) {
        return marks(List.of(code)).getOrDefault(code, DossierFact.Marks.NONE);
    }

    /**
     * Brings the dossier's facts in step with its marks after an event
     * changed them (its row locked); nothing when the read model does not hold
     * the dossier yet (its facts read the marks when they are made).
     */
    public void remark(String code) {
        lock(code).ifPresent(before -> {
            DossierFact.Marks now = marks(code);
            if (!now.equals(before.marks())) {
                save(before, before.withMarks(now));
            }
        });
    }
}
