package vn.motcua.dossier.internal;

import static vn.motcua.dossier.DossierStatus.sqlList;

import vn.motcua.dossier.DossierStatus;

/**
 * The SQL fragments over {@code dossier d} built from the status sets of
 * {@link DossierStatus}, so the queries never restate status numbers.
 * Overdue is the one reading {@link Dossier#overdue} has: an open dossier
 * whose clock runs is overdue when now is after its appointment; a paused one
 * (supplement, payment: the clock is stopped) only when the appointment had
 * already passed when it was paused; a finished one when it finished after
 * its appointment. Fragments with {@code :now} need that parameter.
 */
final class StatusSql {

    /** Received or in processing (2, 4). */
    static final String CLOCK_RUNNING = "d.status IN " + sqlList(DossierStatus.CLOCK_RUNNING);
    /** Open (2, 4, 5, 6). */
    static final String OPEN = "d.status IN " + sqlList(DossierStatus.OPEN);
    /** Work still waits at a unit (1, 2, 4, 5, 6, 9). */
    static final String PENDING = "d.status IN " + sqlList(DossierStatus.PENDING);
    /** An open dossier overdue now (the overdue inbox). */
    static final String OPEN_OVERDUE = "((" + CLOCK_RUNNING + " AND d.appointment_at < :now) OR (d.status IN "
            + sqlList(DossierStatus.PAUSED) + " AND d.paused_since > d.appointment_at))";
    /** Any dossier overdue: open and overdue now, or finished after its appointment. */
    static final String OVERDUE = "(" + OPEN_OVERDUE + " OR (d.finished_at IS NOT NULL AND d.finished_at > d.appointment_at))";

    private StatusSql() {
    }

    /** {@code d.status = <code>}. */
    static String is(DossierStatus s) {
        return "d.status = " + s.code();
    }
}
