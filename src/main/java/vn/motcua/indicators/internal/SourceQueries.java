package vn.motcua.indicators.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.catalog.CatalogService;
import vn.motcua.indicators.DrillDown;
import vn.motcua.indicators.Indicator;
import vn.motcua.indicators.internal.Scoring.Fraction;

/**
 * The figures of the indicators whose sources are other modules' events
 * ({@link VoiceReadModel}): feedback handling, satisfaction with dossier
 * handling, national sync, online payment, population data. Counted per
 * scoring unit like {@link IndexQueries}, and listed in drill-downs under
 * exactly the same conditions (PAKN codes for the two feedback indicators,
 * dossier codes for the others).
 */
@Repository
public class SourceQueries {

    /** The feedback indicators list PAKN, not dossiers. */
    public static boolean listsFeedback(Indicator i) {
        return i == Indicator.PETITION_PROCESSING_ON_TIME || i == Indicator.PETITION_HANDLING_SATISFACTION;
    }

    /** The indicators this class counts. */
    public static boolean handles(Indicator i) {
        return listsFeedback(i) || i == Indicator.DOSSIER_RECEIVING_SATISFACTION || i == Indicator.DOSSIER_SYNC
                || i == Indicator.ONLINE_PAYMENT_DOSSIERS || i == Indicator.CITIZEN_DATA_CONNECTED_DOSSIER
                || i == Indicator.CITIZEN_DATA_CONNECTED_FORMALITY;
    }

    /** PAKN open at the period's end: received before it, not answered before it. */
    private static final String FEEDBACK_OPEN = "received_at < :end AND coalesce(answered_at, 'infinity'::timestamptz) >= :end";
    private static final String FEEDBACK_ANSWERED = "answered_day BETWEEN :from AND :to";
    private static final String FEEDBACK_OPEN_DUE = FEEDBACK_OPEN + " AND due_at >= :start AND due_at < :end";
    private static final String FEEDBACK_OPEN_IN_TIME = FEEDBACK_OPEN
            + " AND received_day BETWEEN :from AND :to AND (due_at IS NULL OR due_at >= :end)";
    /** Dossiers rated "not satisfied" or named by a PAKN the desk did not refuse. */
    private static final String DISSATISFIED = "code IN (SELECT code FROM ind_dossier_mark WHERE unsatisfied "
            + "UNION SELECT dossier_code FROM ind_dossier_complaint WHERE NOT refused)";

    private static final Duration FEE_CACHE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final IndicatorSources sources;
    private final Map<String, Boolean> fees = new ConcurrentHashMap<>();
    private volatile Instant feesSince = Instant.EPOCH;

    public SourceQueries(JdbcClient jdbc, CatalogService catalog, IndicatorSources sources) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.sources = sources;
    }

    /** The counts behind this class's indicators, for one scoring unit or several summed. */
    static final class Counts {
        long answered;
        long answeredOnTime;
        long answeredGood;
        long openDue;
        long openInTime;
        long dissatisfiedGood;
        long received;
        long synced;
        long feeReceived;
        long paid;
        long population;
        long procedures;
        long populationProcedures;

        void add(Counts o) {
            answered += o.answered;
            answeredOnTime += o.answeredOnTime;
            answeredGood += o.answeredGood;
            openDue += o.openDue;
            openInTime += o.openInTime;
            dissatisfiedGood += o.dissatisfiedGood;
            received += o.received;
            synced += o.synced;
            feeReceived += o.feeReceived;
            paid += o.paid;
            population += o.population;
            procedures += o.procedures;
            populationProcedures += o.populationProcedures;
        }

        /**
         * @param finished     dossiers whose processing ended in the period (the dossier facts' count)
         * @param finishedGood of them, early or on time
         */
        Map<Indicator, Fraction> fractions(long finished, long finishedGood) {
            Map<Indicator, Fraction> m = new EnumMap<>(Indicator.class);
            m.put(Indicator.PETITION_PROCESSING_ON_TIME, new Fraction(answeredOnTime + openInTime, answered + openDue + openInTime));
            m.put(Indicator.PETITION_HANDLING_SATISFACTION, new Fraction(answeredGood, answered));
            m.put(Indicator.DOSSIER_RECEIVING_SATISFACTION, new Fraction(finishedGood - dissatisfiedGood, finished));
            m.put(Indicator.DOSSIER_SYNC, new Fraction(synced, received));
            m.put(Indicator.ONLINE_PAYMENT_DOSSIERS, new Fraction(paid, feeReceived));
            m.put(Indicator.CITIZEN_DATA_CONNECTED_DOSSIER, new Fraction(population, received));
            m.put(Indicator.CITIZEN_DATA_CONNECTED_FORMALITY, new Fraction(populationProcedures, procedures));
            return m;
        }
    }

    private static String unitFilter(String column, Long[] units) {
        return units == null ? "" : " AND " + column + " = ANY(:units)";
    }

    private JdbcClient.StatementSpec bind(String sql, Long[] units, LocalDate from, LocalDate to) {
        var q = jdbc.sql(sql).param("start", IndexQueries.start(from)).param("end", IndexQueries.end(to))
                .param("from", from).param("to", to);
        return units == null ? q : q.param("units", units);
    }

    /** The counts of the period per scoring unit; {@code units} null for every unit. */
    Map<Long, Counts> countsByUnit(Long[] units, LocalDate from, LocalDate to) {
        Map<Long, Counts> out = new HashMap<>();
        bind("SELECT unit_id, count(*) FILTER (WHERE " + FEEDBACK_ANSWERED + ") answered, "
                + "count(*) FILTER (WHERE " + FEEDBACK_ANSWERED + " AND on_time) on_time, "
                + "count(*) FILTER (WHERE " + FEEDBACK_ANSWERED + " AND on_time AND NOT unsatisfied) good, "
                + "count(*) FILTER (WHERE " + FEEDBACK_OPEN_DUE + ") open_due, "
                + "count(*) FILTER (WHERE " + FEEDBACK_OPEN_IN_TIME + ") open_in_time "
                + "FROM ind_feedback WHERE (" + FEEDBACK_ANSWERED + " OR " + FEEDBACK_OPEN + ")" + unitFilter("unit_id", units)
                + " GROUP BY unit_id", units, from, to)
                .query(rs -> {
                    Counts c = out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts());
                    c.answered = rs.getLong("answered");
                    c.answeredOnTime = rs.getLong("on_time");
                    c.answeredGood = rs.getLong("good");
                    c.openDue = rs.getLong("open_due");
                    c.openInTime = rs.getLong("open_in_time");
                });
        bind("SELECT unit_id, count(*) n FROM ind_dossier WHERE finished_day BETWEEN :from AND :to "
                + "AND timing IN ('EARLY', 'ON_TIME') AND " + DISSATISFIED + unitFilter("unit_id", units)
                + " GROUP BY unit_id", units, from, to)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts()).dissatisfiedGood = rs.getLong("n");
                });
        if (sources.counted(Indicator.DOSSIER_SYNC) || sources.counted(Indicator.ONLINE_PAYMENT_DOSSIERS)
                || sources.counted(Indicator.CITIZEN_DATA_CONNECTED_DOSSIER)) {
            // one pass over the period's received dossiers, by procedure (for the fee and the procedures counted)
            bind("SELECT d.unit_id, d.procedure_code, count(*) n, count(m.synced_at) synced, count(m.paid_at) paid, "
                    + "count(m.population_at) population FROM ind_dossier d LEFT JOIN ind_dossier_mark m ON m.code = d.code "
                    + "WHERE d.received_day BETWEEN :from AND :to" + unitFilter("d.unit_id", units)
                    + " GROUP BY d.unit_id, d.procedure_code", units, from, to)
                    .query(rs -> {
                        Counts c = out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts());
                        long n = rs.getLong("n");
                        c.received += n;
                        c.synced += rs.getLong("synced");
                        c.population += rs.getLong("population");
                        c.procedures++;
                        if (rs.getLong("population") > 0) {
                            c.populationProcedures++;
                        }
                        if (hasFee(rs.getString("procedure_code"))) {
                            c.feeReceived += n;
                            c.paid += rs.getLong("paid");
                        }
                    });
        }
        return out;
    }

    Counts counts(Long[] units, LocalDate from, LocalDate to) {
        Counts sum = new Counts();
        countsByUnit(units, from, to).values().forEach(sum::add);
        return sum;
    }

    /** Whether the procedure's published version takes a fee (kept 5 minutes). */
    boolean hasFee(String procedureCode) {
        if (Instant.now().isAfter(feesSince.plus(FEE_CACHE))) {
            fees.clear();
            feesSince = Instant.now();
        }
        return fees.computeIfAbsent(procedureCode,
                c -> catalog.findPublished(c).map(p -> p.feeVnd() > 0).orElse(false));
    }

    /** The PAKN or dossiers behind an indicator's numerator and denominator, as {@link IndexQueries#drillDown}. */
    IndexQueries.DrillDownRows drillDown(Indicator i, Long[] units, LocalDate from, LocalDate to, Boolean linesInNumerator,
                                         int lineOffset, int lineLimit) {
        String sql;
        if (listsFeedback(i)) {
            String den = i == Indicator.PETITION_HANDLING_SATISFACTION ? FEEDBACK_ANSWERED
                    : "(" + FEEDBACK_ANSWERED + ") OR (" + FEEDBACK_OPEN_DUE + ") OR (" + FEEDBACK_OPEN_IN_TIME + ")";
            String num = i == Indicator.PETITION_HANDLING_SATISFACTION ? "on_time AND NOT unsatisfied"
                    : "(" + FEEDBACK_ANSWERED + " AND on_time) OR (" + FEEDBACK_OPEN_IN_TIME + ")";
            sql = "SELECT code, NULL AS procedure_code, CASE WHEN answered_at IS NULL THEN 'OPEN' ELSE 'ANSWERED' END AS status, "
                    + "received_at, due_at AS appointment_at, answered_at AS finished_at, "
                    + "CASE WHEN on_time THEN 'ON_TIME' WHEN on_time = false THEN 'LATE' END AS timing, (" + num + ") AS in_num "
                    + "FROM ind_feedback WHERE (" + den + ")" + unitFilter("unit_id", units)
                    + " ORDER BY coalesce(answered_at, due_at, received_at), code";
        } else {
            String den;
            String num;
            switch (i) {
                case DOSSIER_RECEIVING_SATISFACTION -> {
                    den = "finished_day BETWEEN :from AND :to";
                    num = "timing IN ('EARLY', 'ON_TIME') AND NOT " + DISSATISFIED;
                }
                case DOSSIER_SYNC -> {
                    den = "received_day BETWEEN :from AND :to";
                    num = "code IN (SELECT code FROM ind_dossier_mark WHERE synced_at IS NOT NULL)";
                }
                case CITIZEN_DATA_CONNECTED_DOSSIER, CITIZEN_DATA_CONNECTED_FORMALITY -> {
                    den = "received_day BETWEEN :from AND :to";
                    num = "code IN (SELECT code FROM ind_dossier_mark WHERE population_at IS NOT NULL)";
                }
                case ONLINE_PAYMENT_DOSSIERS -> {
                    den = "received_day BETWEEN :from AND :to AND procedure_code = ANY(:fees)";
                    num = "code IN (SELECT code FROM ind_dossier_mark WHERE paid_at IS NOT NULL)";
                }
                default -> {
                    return new IndexQueries.DrillDownRows(List.of(), List.of(), List.of(), 0, 0, 0);
                }
            }
            sql = "SELECT code, procedure_code, status::text AS status, received_at, appointment_at, finished_at, timing, (" + num
                    + ") AS in_num FROM ind_dossier WHERE (" + den + ")" + unitFilter("unit_id", units)
                    + " ORDER BY coalesce(finished_at, appointment_at, received_at), code";
        }
        var q = bind(sql, units, from, to);
        if (i == Indicator.ONLINE_PAYMENT_DOSSIERS) {
            q = q.param("fees", feeProcedures(units, from, to));
        }
        DrillDownCollector c = new DrillDownCollector(linesInNumerator, lineOffset, lineLimit);
        String basis = listsFeedback(i) ? "FEEDBACK"
                : i == Indicator.DOSSIER_RECEIVING_SATISFACTION ? "FINISHED" : "RECEIVED";
        q.query(rs -> {
            String code = rs.getString("code");
            boolean inNum = rs.getBoolean("in_num");
            if (c.add(code, inNum)) {
                c.line(new DrillDown.Line(code, rs.getString("procedure_code"), rs.getString("status"),
                        odt(rs.getTimestamp("received_at")), odt(rs.getTimestamp("appointment_at")),
                        odt(rs.getTimestamp("finished_at")), rs.getString("timing"), inNum, basis));
            }
        });
        if (i == Indicator.CITIZEN_DATA_CONNECTED_FORMALITY) {
            return procedures(units, from, to);
        }
        return c.rows();
    }

    /** For the procedures' indicator the lists are of procedure codes (its counts are procedures). */
    private IndexQueries.DrillDownRows procedures(Long[] units, LocalDate from, LocalDate to) {
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        bind("SELECT d.procedure_code, count(m.population_at) population FROM ind_dossier d "
                + "LEFT JOIN ind_dossier_mark m ON m.code = d.code WHERE d.received_day BETWEEN :from AND :to"
                + unitFilter("d.unit_id", units) + " GROUP BY d.procedure_code ORDER BY d.procedure_code", units, from, to)
                .query(rs -> {
                    den.add(rs.getString(1));
                    if (rs.getLong(2) > 0) {
                        num.add(rs.getString(1));
                    }
                });
        return new IndexQueries.DrillDownRows(num, den, List.of(), 0, num.size(), den.size());
    }

    private String[] feeProcedures(Long[] units, LocalDate from, LocalDate to) {
        return bind("SELECT DISTINCT procedure_code FROM ind_dossier WHERE received_day BETWEEN :from AND :to"
                + unitFilter("unit_id", units), units, from, to)
                .query((rs, n) -> rs.getString(1)).list().stream().filter(this::hasFee).toArray(String[]::new);
    }

    private static java.time.OffsetDateTime odt(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(vn.motcua.calendar.CalendarService.ZONE).toOffsetDateTime();
    }
}
