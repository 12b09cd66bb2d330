package vn.motcua.indicators.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One dossier as the indicators count it (table {@code ind_dossier}). */
public record DossierFact(String code, long unitId, long receivingUnitId, String procedureCode, String field, String channel,
                          boolean onlineEligible, int status, Instant receivedAt, LocalDate receivedDay,
                          Instant appointmentAt, Instant finishedAt, LocalDate finishedDay, String outcome, String timing,
                          boolean completed, boolean electronicResult, boolean digitised, boolean reused,
                          Instant returnedAt, Instant refusedAt, LocalDate refusedDay, int supplementRequests, int apologies,
                          int lastVersion, int lastIndex, boolean fee, Marks marks) {

    /**
     * What the other modules' events said of the dossier (kept as they come in
     * {@code ind_dossier_mark} and {@code ind_dossier_complaint}, mirrored
     * here so the aggregates can count them).
     *
     * @param dissatisfied rated "not satisfied", or named by a PAKN the desk did not refuse
     */
    record Marks(boolean synced, boolean paid, boolean population, boolean dissatisfied) {
        static final Marks NONE = new Marks(false, false, false, false);
    }

    /** The same facts with these marks. */
    DossierFact withMarks(Marks m) {
        return new DossierFact(code, unitId, receivingUnitId, procedureCode, field, channel, onlineEligible, status, receivedAt,
                receivedDay, appointmentAt, finishedAt, finishedDay, outcome, timing, completed, electronicResult, digitised,
                reused, returnedAt, refusedAt, refusedDay, supplementRequests, apologies, lastVersion, lastIndex, fee, m);
    }

    /** The same facts with another mark of the last act seen. */
    DossierFact withLast(int version, int index) {
        return new DossierFact(code, unitId, receivingUnitId, procedureCode, field, channel, onlineEligible, status, receivedAt,
                receivedDay, appointmentAt, finishedAt, finishedDay, outcome, timing, completed, electronicResult, digitised,
                reused, returnedAt, refusedAt, refusedDay, supplementRequests, apologies, version, index, fee, marks);
    }

    /** The aggregate columns of {@code ind_unit_day}, in order. */
    static final String[] COLUMNS = {"received", "received_online", "eligible", "eligible_online", "finished",
        "finished_early", "finished_on_time", "finished_late", "completed", "electronic_result", "digitised", "reused",
        "refused", "received_fee", "received_fee_paid", "received_synced", "received_population",
        "finished_good_dissatisfied"};

    /** What this dossier adds to one row of {@code ind_unit_day}. */
    record Contribution(long unitId, LocalDate day, String field, int[] values) {
    }

    /** Its contributions to the per-day aggregates: by day received, day processing ended, day refused. */
    java.util.List<Contribution> contributions() {
        java.util.List<Contribution> out = new java.util.ArrayList<>(3);
        if (receivedDay != null) {
            int[] v = new int[COLUMNS.length];
            v[0] = 1;
            v[1] = "ONLINE".equals(channel) ? 1 : 0;
            v[2] = onlineEligible ? 1 : 0;
            v[3] = onlineEligible && "ONLINE".equals(channel) ? 1 : 0;
            v[13] = fee ? 1 : 0;
            v[14] = fee && marks.paid() ? 1 : 0;
            v[15] = marks.synced() ? 1 : 0;
            v[16] = marks.population() ? 1 : 0;
            out.add(new Contribution(unitId, receivedDay, field, v));
        }
        if (finishedDay != null) {
            int[] v = new int[COLUMNS.length];
            v[4] = 1;
            v[5] = "EARLY".equals(timing) ? 1 : 0;
            v[6] = "ON_TIME".equals(timing) ? 1 : 0;
            v[7] = "LATE".equals(timing) ? 1 : 0;
            v[8] = completed ? 1 : 0;
            v[9] = completed && electronicResult ? 1 : 0;
            v[10] = completed && digitised ? 1 : 0;
            v[11] = completed && reused ? 1 : 0;
            v[17] = ("EARLY".equals(timing) || "ON_TIME".equals(timing)) && marks.dissatisfied() ? 1 : 0;
            out.add(new Contribution(unitId, finishedDay, field, v));
        }
        if (refusedDay != null) {
            int[] v = new int[COLUMNS.length];
            v[12] = 1;
            out.add(new Contribution(unitId, refusedDay, field, v));
        }
        return out;
    }

    /**
     * A month's end at which this dossier, finished since, was still
     * unfinished (table {@code ind_unit_month_end_open}): {@code openAt} is the
     * local midnight that ends the month (a month's first day); {@code due}
     * whether the appointment was before it; {@code month} the appointment's
     * month if due, else the month received.
     */
    record MonthEndOpen(long unitId, LocalDate openAt, boolean due, LocalDate month) {
    }

    /**
     * Every month's end E with received &lt; E &le; end of processing: the
     * dossier counts as unfinished at E (DOMAIN.md §3), whatever it does
     * later. None while it is open (those are counted live) or without an
     * appointment (it counts in neither set).
     */
    java.util.List<MonthEndOpen> openAtMonthEnds() {
        if (receivedAt == null || finishedAt == null || appointmentAt == null) {
            return java.util.List.of();
        }
        java.time.ZoneId zone = vn.motcua.calendar.CalendarService.ZONE;
        LocalDate received = receivedDay != null ? receivedDay : receivedAt.atZone(zone).toLocalDate();
        LocalDate appointmentMonth = appointmentAt.atZone(zone).toLocalDate().withDayOfMonth(1);
        java.util.List<MonthEndOpen> out = new java.util.ArrayList<>(1);
        LocalDate e = receivedAt.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1);
        for (Instant at = e.atStartOfDay(zone).toInstant(); !at.isAfter(finishedAt); e = e.plusMonths(1),
                at = e.atStartOfDay(zone).toInstant()) {
            boolean due = appointmentAt.isBefore(at);
            out.add(new MonthEndOpen(unitId, e, due, due ? appointmentMonth : received.withDayOfMonth(1)));
        }
        return out;
    }

    /** What the dossier adds to {@code ind_unit_month_procedure}: by the month received, its procedure, filed with population data. */
    record ProcedureMonth(long unitId, LocalDate month, String procedureCode) {
    }

    /** Its row of {@code ind_unit_month_procedure}, or null before it is received. */
    ProcedureMonth procedureMonth() {
        return receivedDay == null ? null : new ProcedureMonth(unitId, receivedDay.withDayOfMonth(1), procedureCode);
    }
}
