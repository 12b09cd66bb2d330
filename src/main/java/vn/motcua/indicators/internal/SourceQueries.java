package vn.motcua.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
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
    private final JdbcClient jdbc;
    private final IndicatorSources sources;

    public SourceQueries(JdbcClient jdbc, IndicatorSources sources) {
        this.jdbc = jdbc;
        this.sources = sources;
    }

    /** The counts behind this class's indicators, for one scoring unit or several summed. */
    static final class Counts {
        long answered;
        long answeredOnTime;
        long answeredGood;
        long openDue;
        long openInTime;
        /**
         * The procedures that received dossiers in the period, and those of them filed with population data:
         * sets, so that units summed count a procedure once (as the drill-down lists it), not once per unit.
         */
        final java.util.Set<String> procedures = new java.util.HashSet<>();
        final java.util.Set<String> populationProcedures = new java.util.HashSet<>();

        void add(Counts o) {
            answered += o.answered;
            answeredOnTime += o.answeredOnTime;
            answeredGood += o.answeredGood;
            openDue += o.openDue;
            openInTime += o.openInTime;
            procedures.addAll(o.procedures);
            populationProcedures.addAll(o.populationProcedures);
        }

        /**
         * @param d the dossier facts' counts of the same units and period (the per-day rows also hold the
         *          dissatisfied, and what the marks say of the dossiers received)
         */
        Map<Indicator, Fraction> fractions(IndexQueries.Counts d) {
            Map<Indicator, Fraction> m = new EnumMap<>(Indicator.class);
            m.put(Indicator.PETITION_PROCESSING_ON_TIME, new Fraction(answeredOnTime + openInTime, answered + openDue + openInTime));
            m.put(Indicator.PETITION_HANDLING_SATISFACTION, new Fraction(answeredGood, answered));
            m.put(Indicator.DOSSIER_RECEIVING_SATISFACTION, new Fraction(d.finishedGood - d.dissatisfiedGood, d.finished));
            m.put(Indicator.DOSSIER_SYNC, new Fraction(d.receivedSynced, d.received));
            m.put(Indicator.ONLINE_PAYMENT_DOSSIERS, new Fraction(d.receivedFeePaid, d.receivedFee));
            m.put(Indicator.CITIZEN_DATA_CONNECTED_DOSSIER, new Fraction(d.receivedPopulation, d.received));
            m.put(Indicator.CITIZEN_DATA_CONNECTED_FORMALITY, new Fraction(populationProcedures.size(), procedures.size()));
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
        return countsByUnit(units, from, to, IndexQueries.monthAligned(from, to));
    }

    /** As above; {@code monthly} false counts the procedures from the facts even for whole months (tests compare both). */
    Map<Long, Counts> countsByUnit(Long[] units, LocalDate from, LocalDate to, boolean monthly) {
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
        if (sources.counted(Indicator.CITIZEN_DATA_CONNECTED_FORMALITY)) {
            // procedures, not dossiers: per unit, those that received dossiers in the period, and those filed with
            // population data; whole months from the per-month counts, other periods from the facts
            String sql = monthly
                    ? "SELECT unit_id, procedure_code, sum(population) > 0 AS population FROM ind_unit_month_procedure "
                    + "WHERE month BETWEEN :from AND :to" + unitFilter("unit_id", units) + " GROUP BY 1, 2 HAVING sum(received) > 0"
                    : "SELECT unit_id, procedure_code, bool_or(population) AS population FROM ind_dossier "
                    + "WHERE received_day BETWEEN :from AND :to" + unitFilter("unit_id", units) + " GROUP BY 1, 2";
            bind(sql, units, from, to).query(rs -> {
                Counts c = out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts());
                c.procedures.add(rs.getString("procedure_code"));
                if (rs.getBoolean("population")) {
                    c.populationProcedures.add(rs.getString("procedure_code"));
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

    /** The PAKN or dossiers behind an indicator's numerator and denominator, as {@link IndexQueries#drillDown}. */
    IndexQueries.DrillDownRows drillDown(Indicator i, Long[] units, LocalDate from, LocalDate to, Boolean linesInNumerator,
                                         int lineOffset, int lineLimit) {
        if (i == Indicator.CITIZEN_DATA_CONNECTED_FORMALITY) {
            return procedures(units, from, to); // its lists are of procedures, not dossiers
        }
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
                    num = "timing IN ('EARLY', 'ON_TIME') AND NOT dissatisfied";
                }
                case DOSSIER_SYNC -> {
                    den = "received_day BETWEEN :from AND :to";
                    num = "synced";
                }
                case CITIZEN_DATA_CONNECTED_DOSSIER -> {
                    den = "received_day BETWEEN :from AND :to";
                    num = "population";
                }
                case ONLINE_PAYMENT_DOSSIERS -> {
                    den = "received_day BETWEEN :from AND :to AND fee";
                    num = "paid";
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
        DrillDownCollector c = new DrillDownCollector(linesInNumerator, lineOffset, lineLimit);
        String basis = listsFeedback(i) ? "FEEDBACK"
                : i == Indicator.DOSSIER_RECEIVING_SATISFACTION ? "FINISHED" : "RECEIVED";
        q.query(rs -> {
            String code = rs.getString("code");
            boolean inNum = rs.getBoolean("in_num");
            if (c.add(code, inNum)) {
                c.line(new DrillDown.Line(code, rs.getString("procedure_code"), rs.getString("status"),
                        ReportStore.odt(FactStore.instant(rs, "received_at")), ReportStore.odt(FactStore.instant(rs, "appointment_at")),
                        ReportStore.odt(FactStore.instant(rs, "finished_at")), rs.getString("timing"), inNum, basis));
            }
        });
        return c.rows();
    }

    /** For the procedures' indicator the lists are of procedure codes (its counts are procedures). */
    private IndexQueries.DrillDownRows procedures(Long[] units, LocalDate from, LocalDate to) {
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        bind("SELECT procedure_code, count(*) FILTER (WHERE population) population FROM ind_dossier "
                + "WHERE received_day BETWEEN :from AND :to" + unitFilter("unit_id", units)
                + " GROUP BY procedure_code ORDER BY procedure_code", units, from, to)
                .query(rs -> {
                    den.add(rs.getString(1));
                    if (rs.getLong(2) > 0) {
                        num.add(rs.getString(1));
                    }
                });
        return new IndexQueries.DrillDownRows(num, den, List.of(), 0, num.size(), den.size());
    }

}
