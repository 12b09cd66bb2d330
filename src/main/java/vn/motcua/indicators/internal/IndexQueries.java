package vn.motcua.indicators.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.calendar.CalendarService;
import vn.motcua.indicators.DrillDown;
import vn.motcua.indicators.Indicator;
import vn.motcua.indicators.internal.Scoring.Fraction;

/**
 * The figures of a period from the read model. Everything counted by the day
 * it happened (received, processing ended) comes from the per-day aggregates
 * ({@code ind_unit_day}), whose size grows with units × days, not dossiers.
 * The two sets that depend on the period's end (DOMAIN.md §3), those due in
 * the period and unfinished at its end (late) and those received in the period
 * and not yet due (within the deadline), come for a period of whole months
 * from the counts kept per month's end plus the dossiers open now; for any
 * other period, from the facts of the dossiers unfinished at its end (an index
 * keeps that to the dossiers open at the end).
 * The drill-downs list the facts under exactly the same conditions.
 */
@Repository
public class IndexQueries {

    private static final ZoneId ZONE = CalendarService.ZONE;
    /** Received before the end and not finished before it (per unit, the btree on the unit and the end of processing finds them). */
    private static final String UNFINISHED = "received_at IS NOT NULL AND received_at < :end "
            + "AND coalesce(finished_at, 'infinity'::timestamptz) >= :end";
    /** The same over every unit: the span condition lets the GiST index (V28) find them. */
    private static final String UNFINISHED_ANYWHERE = UNFINISHED
            + " AND tstzrange(received_at, coalesce(finished_at, 'infinity'::timestamptz), '[]') @> CAST(:end AS timestamptz)";

    /** The most codes a drill-down lists in each of its two lists; the counts stay exact, the lines page through all. */
    public static final int MAX_CODES = 100_000;

    private final JdbcClient jdbc;

    public IndexQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp start(LocalDate from) {
        return Timestamp.from(from.atStartOfDay(ZONE).toInstant());
    }

    static Timestamp end(LocalDate to) {
        return Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** The raw counts of one scoring unit (or of a set of them, summed). */
    static final class Counts {
        long finished;
        long finishedGood;
        long eligible;
        long eligibleOnline;
        long completed;
        long electronic;
        long digitised;
        long reused;
        long dueOpen;
        long openInTime;
        long received;
        /** From the same per-day rows, for the indicators of the other modules' events ({@link SourceQueries.Counts#fractions}). */
        long dissatisfiedGood;
        long receivedSynced;
        long receivedPopulation;
        long receivedFee;
        long receivedFeePaid;

        void add(Counts o) {
            finished += o.finished;
            finishedGood += o.finishedGood;
            eligible += o.eligible;
            eligibleOnline += o.eligibleOnline;
            completed += o.completed;
            electronic += o.electronic;
            digitised += o.digitised;
            reused += o.reused;
            dueOpen += o.dueOpen;
            openInTime += o.openInTime;
            received += o.received;
            dissatisfiedGood += o.dissatisfiedGood;
            receivedSynced += o.receivedSynced;
            receivedPopulation += o.receivedPopulation;
            receivedFee += o.receivedFee;
            receivedFeePaid += o.receivedFeePaid;
        }

        Map<Indicator, Fraction> fractions() {
            Map<Indicator, Fraction> m = new EnumMap<>(Indicator.class);
            m.put(Indicator.ON_TIME, new Fraction(finishedGood + openInTime, finished + dueOpen + openInTime));
            m.put(Indicator.ONLINE_FULL_PROCESS, new Fraction(eligibleOnline, eligible));
            m.put(Indicator.ORIGINAL_RESULT_AVAILABLE, new Fraction(electronic, completed));
            m.put(Indicator.SO_HOA_GIAY_TO_GIAI_QUYET, new Fraction(digitised, completed));
            m.put(Indicator.REUSED_DIGITIZED_DATA, new Fraction(reused, completed));
            return m;
        }

        long dossiers() {
            return finished + dueOpen + openInTime;
        }
    }

    private static String unitFilter(Long[] units) {
        return units == null ? "" : " AND unit_id = ANY(:units)";
    }

    /** The counts of the period per scoring unit; {@code units} null for every unit. */
    Map<Long, Counts> countsByUnit(Long[] units, LocalDate from, LocalDate to) {
        return countsByUnit(units, from, to, monthAligned(from, to));
    }

    /** As above; {@code monthEnds} false reads the unfinished dossiers from the facts even for whole months (tests compare both). */
    Map<Long, Counts> countsByUnit(Long[] units, LocalDate from, LocalDate to, boolean monthEnds) {
        Map<Long, Counts> out = new HashMap<>();
        var q = jdbc.sql("""
                SELECT unit_id, sum(finished) f, sum(finished_early + finished_on_time) g, sum(eligible) e,
                       sum(eligible_online) eo, sum(completed) c, sum(electronic_result) er, sum(digitised) d, sum(reused) r,
                       sum(received) rc, sum(finished_good_dissatisfied) dg, sum(received_synced) rs,
                       sum(received_population) rp, sum(received_fee) rf, sum(received_fee_paid) rfp
                FROM ind_unit_day WHERE day BETWEEN :from AND :to""" + unitFilter(units) + " GROUP BY unit_id")
                .param("from", from).param("to", to);
        if (units != null) {
            q = q.param("units", units);
        }
        q.query(rs -> {
            Counts c = out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts());
            c.finished = rs.getLong("f");
            c.finishedGood = rs.getLong("g");
            c.eligible = rs.getLong("e");
            c.eligibleOnline = rs.getLong("eo");
            c.completed = rs.getLong("c");
            c.electronic = rs.getLong("er");
            c.digitised = rs.getLong("d");
            c.reused = rs.getLong("r");
            c.received = rs.getLong("rc");
            c.dissatisfiedGood = rs.getLong("dg");
            c.receivedSynced = rs.getLong("rs");
            c.receivedPopulation = rs.getLong("rp");
            c.receivedFee = rs.getLong("rf");
            c.receivedFeePaid = rs.getLong("rfp");
        });
        if (monthEnds) {
            unfinishedAtMonthEnd(out, units, from, to);
        } else {
            addUnfinished(out, units == null ? UNFINISHED_ANYWHERE : UNFINISHED, units, from, to);
        }
        return out;
    }

    /**
     * Adds the facts' "due in the period" and "received in the period, not yet
     * due" counts of the dossiers matching {@code where}, per unit.
     */
    private void addUnfinished(Map<Long, Counts> out, String where, Long[] units, LocalDate from, LocalDate to) {
        var open = jdbc.sql("SELECT unit_id, count(*) FILTER (WHERE appointment_at >= :start AND appointment_at < :end) due, "
                        + "count(*) FILTER (WHERE received_day BETWEEN :from AND :to AND appointment_at >= :end) intime "
                        + "FROM ind_dossier WHERE " + where + unitFilter(units) + " GROUP BY unit_id")
                .param("start", start(from)).param("end", end(to)).param("from", from).param("to", to);
        if (units != null) {
            open = open.param("units", units);
        }
        open.query(rs -> {
            Counts c = out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts());
            c.dueOpen += rs.getLong("due");
            c.openInTime += rs.getLong("intime");
        });
    }

    /** A period of whole months: from a month's first day to a month's last (every period the pages offer). */
    static boolean monthAligned(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
    }

    /**
     * The two "unfinished at the period's end" counts of a period of whole
     * months, without reading the dossiers finished since: those finished
     * by now from the counts kept per month's end (V41), those still open
     * from the open dossiers' own index. Equal, by construction, to the scan
     * of {@link #UNFINISHED} that the other periods and the drill-downs use.
     */
    private void unfinishedAtMonthEnd(Map<Long, Counts> out, Long[] units, LocalDate from, LocalDate to) {
        var kept = jdbc.sql("SELECT unit_id, coalesce(sum(n) FILTER (WHERE due), 0) due, "
                        + "coalesce(sum(n) FILTER (WHERE NOT due), 0) intime FROM ind_unit_month_end_open "
                        + "WHERE open_at = :openAt AND month >= :from" + unitFilter(units) + " GROUP BY unit_id")
                .param("openAt", to.plusDays(1)).param("from", from);
        if (units != null) {
            kept = kept.param("units", units);
        }
        kept.query(rs -> {
            Counts c = out.computeIfAbsent(rs.getLong("unit_id"), k -> new Counts());
            c.dueOpen += rs.getLong("due");
            c.openInTime += rs.getLong("intime");
        });
        // the dossiers still open now (the partial index ind_dossier_open_now)
        addUnfinished(out, "finished_at IS NULL AND received_at IS NOT NULL AND received_at < :end AND appointment_at >= :start",
                units, from, to);
    }

    Counts counts(Long[] units, LocalDate from, LocalDate to) {
        Counts sum = new Counts();
        countsByUnit(units, from, to).values().forEach(sum::add);
        return sum;
    }

    /** The condition of the denominator and of the numerator of a counted indicator, over {@code ind_dossier}. */
    private static String[] conditions(Indicator i) {
        String finished = "finished_day BETWEEN :from AND :to";
        String completed = finished + " AND completed";
        return switch (i) {
            case ON_TIME -> new String[]{
                "(" + finished + ") OR (" + UNFINISHED + " AND ((appointment_at >= :start AND appointment_at < :end) "
                        + "OR (received_day BETWEEN :from AND :to AND appointment_at >= :end)))",
                "(" + finished + " AND timing IN ('EARLY', 'ON_TIME')) OR (" + UNFINISHED
                        + " AND received_day BETWEEN :from AND :to AND appointment_at >= :end)"};
            case ONLINE_FULL_PROCESS -> new String[]{"received_day BETWEEN :from AND :to AND online_eligible",
                "received_day BETWEEN :from AND :to AND online_eligible AND channel = 'ONLINE'"};
            case ORIGINAL_RESULT_AVAILABLE -> new String[]{completed, completed + " AND electronic_result"};
            case SO_HOA_GIAY_TO_GIAI_QUYET -> new String[]{completed, completed + " AND digitised"};
            case REUSED_DIGITIZED_DATA -> new String[]{completed, completed + " AND reused"};
            default -> null;
        };
    }

    /** The dossiers behind an indicator's numerator and denominator, with a line per dossier of the denominator. */
    DrillDownRows drillDown(Indicator i, Long[] units, LocalDate from, LocalDate to, Boolean linesInNumerator,
                            int lineOffset, int lineLimit) {
        String[] c = conditions(i);
        if (c == null) {
            return new DrillDownRows(List.of(), List.of(), List.of(), 0, 0, 0);
        }
        String sql = "SELECT code, procedure_code, status, received_at, appointment_at, finished_at, timing, outcome, "
                + "finished_day, (" + c[1] + ") AS in_num FROM ind_dossier WHERE (" + c[0] + ")" + unitFilter(units)
                + " ORDER BY coalesce(finished_at, appointment_at, received_at), code";
        var q = jdbc.sql(sql).param("start", start(from)).param("end", end(to)).param("from", from).param("to", to);
        if (units != null) {
            q = q.param("units", units);
        }
        DrillDownCollector rows = new DrillDownCollector(linesInNumerator, lineOffset, lineLimit);
        LocalDate f = from;
        LocalDate t = to;
        q.query(rs -> {
            String code = rs.getString("code");
            boolean inNum = rs.getBoolean("in_num");
            if (rows.add(code, inNum)) {
                java.sql.Date fd = rs.getDate("finished_day");
                String basis;
                if (i != Indicator.ON_TIME) {
                    basis = i == Indicator.ONLINE_FULL_PROCESS ? "RECEIVED" : "COMPLETED";
                } else if (fd != null && !fd.toLocalDate().isBefore(f) && !fd.toLocalDate().isAfter(t)) {
                    basis = "FINISHED";
                } else {
                    basis = inNum ? "OPEN_IN_TIME" : "OPEN_LATE";
                }
                rows.line(new DrillDown.Line(code, rs.getString("procedure_code"),
                        String.valueOf(rs.getInt("status")), ReportStore.odt(FactStore.instant(rs, "received_at")),
                        ReportStore.odt(FactStore.instant(rs, "appointment_at")), ReportStore.odt(FactStore.instant(rs, "finished_at")),
                        rs.getString("timing"), inNum, basis));
            }
        });
        return rows.rows();
    }

    record DrillDownRows(List<String> numerator, List<String> denominator, List<DrillDown.Line> lines, int lineCount,
                         long numeratorCount, long denominatorCount) {
    }

}
