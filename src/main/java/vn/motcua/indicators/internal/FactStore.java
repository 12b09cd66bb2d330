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
        Map<Key, int[]> delta = new java.util.TreeMap<>(KEY_ORDER);
        Map<DossierFact.MonthEndOpen, Integer> open = new java.util.TreeMap<>(OPEN_ORDER);
        Map<DossierFact.ProcedureMonth, int[]> procedures = new java.util.TreeMap<>(PROCEDURE_ORDER);
        if (!replace.isEmpty()) {
            jdbc.sql("INSERT INTO ind_dossier (" + FACT_COLUMNS + ") " + UNNEST_FACTS
                            + " ON CONFLICT (code) DO UPDATE SET " + FACT_UPDATE)
                    .params(arrays(replace)).update();
            for (DossierFact f : replace) {
                add(delta, held.get(f.code()), -1);
                add(delta, f, 1);
                addOpen(open, held.get(f.code()), -1);
                addOpen(open, f, 1);
                addProcedure(procedures, held.get(f.code()), -1);
                addProcedure(procedures, f, 1);
            }
        }
        List<String> lost = new ArrayList<>();
        if (!insert.isEmpty()) {
            java.util.Set<String> inserted = new java.util.HashSet<>(jdbc.sql("INSERT INTO ind_dossier (" + FACT_COLUMNS + ") "
                            + UNNEST_FACTS + " ON CONFLICT (code) DO NOTHING RETURNING code")
                    .params(arrays(insert)).query(String.class).list());
            for (DossierFact f : insert) {
                if (inserted.contains(f.code())) {
                    add(delta, f, 1);
                    addOpen(open, f, 1);
                    addProcedure(procedures, f, 1);
                } else {
                    lost.add(f.code());
                }
            }
        }
        writeDeltas(delta);
        writeOpen(open);
        writeProcedures(procedures);
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

    private static final java.util.Comparator<Key> KEY_ORDER = java.util.Comparator.comparingLong(Key::unit)
            .thenComparing(Key::day).thenComparing(Key::field);

    private static void add(Map<Key, int[]> delta, DossierFact f, int sign) {
        for (DossierFact.Contribution c : f.contributions()) {
            int[] d = delta.computeIfAbsent(new Key(c.unitId(), c.day(), c.field()), k -> new int[DossierFact.COLUMNS.length]);
            for (int i = 0; i < d.length; i++) {
                d[i] += sign * c.values()[i];
            }
        }
    }

    /** The summed differences, in one statement, rows in (unit, day, field) order as every writer takes them. */
    private void writeDeltas(Map<Key, int[]> delta) {
        delta.values().removeIf(d -> java.util.Arrays.stream(d).allMatch(v -> v == 0));
        if (delta.isEmpty()) {
            return;
        }
        int n = delta.size();
        int k = DossierFact.COLUMNS.length;
        Long[] units = new Long[n];
        String[] days = new String[n];
        String[] fields = new String[n];
        Integer[][] values = new Integer[k][n];
        int i = 0;
        for (Map.Entry<Key, int[]> e : delta.entrySet()) {
            units[i] = e.getKey().unit();
            days[i] = e.getKey().day().toString();
            fields[i] = e.getKey().field();
            for (int c = 0; c < k; c++) {
                values[c][i] = e.getValue()[c];
            }
            i++;
        }
        StringBuilder set = new StringBuilder();
        StringBuilder casts = new StringBuilder();
        for (String c : DossierFact.COLUMNS) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = ind_unit_day.").append(c).append(" + excluded.").append(c);
            casts.append(", CAST(? AS int[])");
        }
        List<Object> params = new ArrayList<>();
        params.add(units);
        params.add(days);
        params.add(fields);
        params.addAll(java.util.Arrays.asList((Object[]) values));
        jdbc.sql("INSERT INTO ind_unit_day (unit_id, day, field, " + String.join(", ", DossierFact.COLUMNS) + ") "
                        + "SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS date[]), CAST(? AS text[])" + casts + ")"
                        + " ON CONFLICT (unit_id, day, field) DO UPDATE SET " + set)
                .params(params).update();
    }

    private record Key(long unit, LocalDate day, String field) {
    }

    /** Rows of {@code ind_unit_month_end_open} in the one order every writer takes them. */
    private static final java.util.Comparator<DossierFact.MonthEndOpen> OPEN_ORDER = java.util.Comparator
            .comparing(DossierFact.MonthEndOpen::openAt).thenComparingLong(DossierFact.MonthEndOpen::unitId)
            .thenComparing(DossierFact.MonthEndOpen::due).thenComparing(DossierFact.MonthEndOpen::month);

    private static void addOpen(Map<DossierFact.MonthEndOpen, Integer> delta, DossierFact f, int sign) {
        if (f != null) {
            for (DossierFact.MonthEndOpen o : f.openAtMonthEnds()) {
                delta.merge(o, sign, Integer::sum);
            }
        }
    }

    /**
     * Moves the counts of the dossiers unfinished at months' ends by the
     * summed differences, in one statement; nothing when they cancel out
     * (the usual act: a dossier still open, or finished in the month it was
     * received, is in none of them).
     */
    private void writeOpen(Map<DossierFact.MonthEndOpen, Integer> delta) {
        delta.values().removeIf(v -> v == 0);
        if (delta.isEmpty()) {
            return;
        }
        int n = delta.size();
        Long[] units = new Long[n];
        String[] openAt = new String[n];
        Boolean[] due = new Boolean[n];
        String[] months = new String[n];
        Integer[] counts = new Integer[n];
        int i = 0;
        for (Map.Entry<DossierFact.MonthEndOpen, Integer> e : delta.entrySet()) {
            units[i] = e.getKey().unitId();
            openAt[i] = e.getKey().openAt().toString();
            due[i] = e.getKey().due();
            months[i] = e.getKey().month().toString();
            counts[i] = e.getValue();
            i++;
        }
        jdbc.sql("INSERT INTO ind_unit_month_end_open (unit_id, open_at, due, month, n) "
                        + "SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS date[]), CAST(? AS boolean[]), CAST(? AS date[]), "
                        + "CAST(? AS int[])) ON CONFLICT (open_at, unit_id, due, month) "
                        + "DO UPDATE SET n = ind_unit_month_end_open.n + excluded.n")
                .params(units, openAt, due, months, counts).update();
    }

    private void applyDelta(DossierFact before, DossierFact after) {
        Map<DossierFact.MonthEndOpen, Integer> open = new java.util.TreeMap<>(OPEN_ORDER);
        addOpen(open, before, -1);
        addOpen(open, after, 1);
        Map<DossierFact.ProcedureMonth, int[]> procedures = new java.util.TreeMap<>(PROCEDURE_ORDER);
        addProcedure(procedures, before, -1);
        addProcedure(procedures, after, 1);
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
            writeOpen(open);
            writeProcedures(procedures);
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
        // after ind_unit_day, as writeAll does: the tables are taken in one order by every writer
        writeOpen(open);
        writeProcedures(procedures);
    }

    private static final java.util.Comparator<DossierFact.ProcedureMonth> PROCEDURE_ORDER = java.util.Comparator
            .comparing(DossierFact.ProcedureMonth::month).thenComparingLong(DossierFact.ProcedureMonth::unitId)
            .thenComparing(DossierFact.ProcedureMonth::procedureCode);

    private static void addProcedure(Map<DossierFact.ProcedureMonth, int[]> delta, DossierFact f, int sign) {
        DossierFact.ProcedureMonth pm = f == null ? null : f.procedureMonth();
        if (pm != null) {
            int[] d = delta.computeIfAbsent(pm, k -> new int[2]);
            d[0] += sign;
            d[1] += f.marks().population() ? sign : 0;
        }
    }

    /** Moves {@code ind_unit_month_procedure} by the summed differences, in one statement; nothing when they cancel out. */
    private void writeProcedures(Map<DossierFact.ProcedureMonth, int[]> delta) {
        delta.values().removeIf(d -> d[0] == 0 && d[1] == 0);
        if (delta.isEmpty()) {
            return;
        }
        int n = delta.size();
        Long[] units = new Long[n];
        String[] months = new String[n];
        String[] codes = new String[n];
        Integer[] received = new Integer[n];
        Integer[] population = new Integer[n];
        int i = 0;
        for (Map.Entry<DossierFact.ProcedureMonth, int[]> e : delta.entrySet()) {
            units[i] = e.getKey().unitId();
            months[i] = e.getKey().month().toString();
            codes[i] = e.getKey().procedureCode();
            received[i] = e.getValue()[0];
            population[i] = e.getValue()[1];
            i++;
        }
        jdbc.sql("INSERT INTO ind_unit_month_procedure (unit_id, month, procedure_code, received, population) "
                        + "SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS date[]), CAST(? AS text[]), CAST(? AS int[]), "
                        + "CAST(? AS int[])) ON CONFLICT (month, unit_id, procedure_code) DO UPDATE SET "
                        + "received = ind_unit_month_procedure.received + excluded.received, "
                        + "population = ind_unit_month_procedure.population + excluded.population")
                .params(units, months, codes, received, population).update();
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
