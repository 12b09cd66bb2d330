package vn.motcua.indicators;

import java.util.List;

/**
 * The dossiers behind one indicator's figures (API.md: {@code numerator},
 * {@code denominator} as codes, with their counts, which equal the index's
 * numerator and denominator). {@code lines} describes each dossier of the
 * denominator for the pages.
 */
public record DrillDown(String indicator, IndexView.UnitRef unit, java.time.LocalDate from, java.time.LocalDate to,
                        long numeratorCount, long denominatorCount, List<String> numerator, List<String> denominator,
                        List<Line> lines) {

    /** One dossier of the denominator: whether it is in the numerator, and why it counts. */
    public record Line(String code, String procedureCode, String status, java.time.OffsetDateTime receivedAt,
                       java.time.OffsetDateTime appointmentAt, java.time.OffsetDateTime finishedAt, String timing,
                       boolean inNumerator, String basis) {
    }
}
