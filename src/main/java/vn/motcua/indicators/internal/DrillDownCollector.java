package vn.motcua.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.indicators.DrillDown;

/**
 * Gathers a drill-down from the rows of an indicator's denominator, each
 * marked in the numerator or not: exact counts, the two code lists (capped at
 * {@link IndexQueries#MAX_CODES}) and the page of lines asked for. Shared by
 * the dossier facts' indicators ({@link IndexQueries}) and those fed by the
 * other modules' events ({@link SourceQueries}).
 */
final class DrillDownCollector {

    private final Boolean linesInNumerator;
    private final int lineOffset;
    private final int lineLimit;
    private final List<String> numerator = new ArrayList<>();
    private final List<String> denominator = new ArrayList<>();
    private final List<DrillDown.Line> lines = new ArrayList<>();
    private int listed;
    private long numeratorCount;
    private long denominatorCount;

    /**
     * @param linesInNumerator lines of the numerator only (true), outside it (false), or all (null)
     */
    DrillDownCollector(Boolean linesInNumerator, int lineOffset, int lineLimit) {
        this.linesInNumerator = linesInNumerator;
        this.lineOffset = lineOffset;
        this.lineLimit = lineLimit;
    }

    /** Counts one row of the denominator; true when its line falls on the page asked for (then {@link #line}). */
    boolean add(String code, boolean inNumerator) {
        denominatorCount++;
        if (denominator.size() < IndexQueries.MAX_CODES) {
            denominator.add(code);
        }
        if (inNumerator) {
            numeratorCount++;
            if (numerator.size() < IndexQueries.MAX_CODES) {
                numerator.add(code);
            }
        }
        if (linesInNumerator != null && linesInNumerator != inNumerator) {
            return false;
        }
        int n = listed++;
        return n >= lineOffset && n < lineOffset + lineLimit;
    }

    void line(DrillDown.Line line) {
        lines.add(line);
    }

    IndexQueries.DrillDownRows rows() {
        return new IndexQueries.DrillDownRows(numerator, denominator, lines, listed, numeratorCount, denominatorCount);
    }
}
