package vn.motcua.supervision;

import vn.motcua.dossier.DossierStatus;

/**
 * The dashboard's figures, each one SQL condition over the read model
 * ({@code sv_dossier d}), the unit column it belongs to and the officer
 * column it is counted for. A figure and the list it drills down to use the
 * same condition, so the count on the list always equals the figure.
 */
public enum Figure {
    /** Received in the period (at the receiving unit, by the officer who received). */
    RECEIVED("d.received_at >= :from AND d.received_at < :to", "d.receiving_unit", "d.received_by"),
    /** Received or in processing now (the clock runs). */
    IN_PROGRESS("d.status IN " + DossierStatus.sqlList(DossierStatus.CLOCK_RUNNING), "d.handling_unit", "d.assignee"),
    /** Open and past the appointment (a paused one only if paused after it), as the dossier module counts it. */
    OVERDUE("((d.status IN " + DossierStatus.sqlList(DossierStatus.CLOCK_RUNNING) + " AND d.appointment_at < :now) OR (d.status IN "
            + DossierStatus.sqlList(DossierStatus.PAUSED) + " AND d.paused_since > d.appointment_at))", "d.handling_unit", "d.assignee"),
    /** The clock runs and the appointment falls within two working days. */
    DUE_SOON("(d.status IN " + DossierStatus.sqlList(DossierStatus.CLOCK_RUNNING)
            + " AND d.appointment_at >= :now AND d.appointment_at < :soon)", "d.handling_unit", "d.assignee"),
    /** Waiting for the applicant's supplement or payment (the clock is stopped). */
    PAUSED("d.status IN " + DossierStatus.sqlList(DossierStatus.PAUSED), "d.handling_unit", "d.assignee"),
    /** Result ready in the period (status 9 or 10 now), counted at the receiving unit and for the signing officer. */
    FINISHED("(d.finished_at >= :from AND d.finished_at < :to AND d.status IN (9, 10))", "d.receiving_unit", "d.finished_by"),
    /** Of those, early or on time (Decision 766; more than one supplement request counts as late). */
    ON_TIME("(d.finished_at >= :from AND d.finished_at < :to AND d.status IN (9, 10) AND d.timing IN ('EARLY', 'ON_TIME'))",
            "d.receiving_unit", "d.finished_by");

    private final String condition;
    private final String unitColumn;
    private final String officerColumn;

    Figure(String condition, String unitColumn, String officerColumn) {
        this.condition = condition;
        this.unitColumn = unitColumn;
        this.officerColumn = officerColumn;
    }

    public String condition() {
        return condition;
    }

    public String unitColumn() {
        return unitColumn;
    }

    public String officerColumn() {
        return officerColumn;
    }

    /** The column a grouping puts this figure's dossiers under. */
    public String column(Grouping g) {
        return switch (g) {
            case UNIT -> unitColumn;
            case PROCEDURE -> "d.procedure_code";
            case OFFICER -> officerColumn;
        };
    }

    /** What the dashboard groups its figures by. */
    public enum Grouping {
        UNIT, PROCEDURE, OFFICER
    }

    /** Ageing of the backlog: overdue dossiers by working days past the appointment, {@code [from, to)}. */
    public enum Bucket {
        UNDER_1(0, 1), FROM_1_TO_3(1, 3), FROM_3_TO_5(3, 5), FROM_5_TO_10(5, 10), OVER_10(10, -1);

        private final int from;
        private final int to;

        Bucket(int from, int to) {
            this.from = from;
            this.to = to;
        }

        public int from() {
            return from;
        }

        /** -1: no upper bound. */
        public int to() {
            return to;
        }
    }
}
