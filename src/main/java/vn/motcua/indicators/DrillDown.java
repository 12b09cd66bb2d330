package vn.motcua.indicators;

import java.util.List;

/**
 * The dossiers behind one indicator's figures (API.md: {@code numerator},
 * {@code denominator} as codes, with their counts, which equal the index's
 * numerator and denominator). {@code lines} describes, a page at a time, the
 * dossiers of the denominator (all, those in the numerator or those outside it);
 * {@code lineCount} is how many such lines there are in all. The two code
 * lists stop at 100,000 codes each (the counts stay exact; page through the
 * lines beyond).
 */
public record DrillDown(String indicator, IndexView.UnitRef unit, java.time.LocalDate from, java.time.LocalDate to,
                        long numeratorCount, long denominatorCount, List<String> numerator, List<String> denominator,
                        List<Line> lines, long lineCount) {

    /** One dossier of the denominator: whether it is in the numerator, and why it counts. */
    public record Line(String code, String procedureCode, String status, java.time.OffsetDateTime receivedAt,
                       java.time.OffsetDateTime appointmentAt, java.time.OffsetDateTime finishedAt, String timing,
                       boolean inNumerator, String basis) {
    }
}
