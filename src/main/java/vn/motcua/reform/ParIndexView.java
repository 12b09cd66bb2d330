package vn.motcua.reform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the PAR INDEX self-assessment shows: the year's criteria tree (as a
 * document for import and export), a unit's score sheet with the figures
 * MotCua proposes, and the ranking.
 */
public final class ParIndexView {

    private ParIndexView() {
    }

    /** A year's tree as listed. */
    public record TreeSummary(long id, int year, String title, String decision, BigDecimal maxPoints, int areas, int criteria,
                              int subCriteria, boolean scored) {
    }

    /**
     * A year's tree as a document (the import and export format): the areas
     * (lĩnh vực), their criteria (tiêu chí) and sub-criteria (tiêu chí thành
     * phần), nested under {@code children}.
     */
    public record TreeDocument(Integer year, String title, String decision, List<NodeDocument> nodes) {
    }

    /**
     * One node: {@code kind} AREA, CRITERION or SUB_CRITERION; {@code source}
     * SELF (the unit scores, the Department appraises), APPRAISAL (the
     * Department alone scores) or SURVEY (the sociological survey's result);
     * {@code metric} a {@link ParMetric} when MotCua can propose the score.
     */
    public record NodeDocument(String code, String kind, String name, BigDecimal maxPoints, String evidence, String source,
                               String metric, List<NodeDocument> children) {
    }

    /** The score MotCua proposes for a criterion and the figures behind it (null numbers: no data). */
    public record Proposal(ParMetric metric, Long numerator, Long denominator, BigDecimal rate, BigDecimal points, String basis) {
    }

    /** One line of a unit's sheet: a node, and for a scored leaf its scores. */
    public record Line(long nodeId, String code, String kind, int depth, String name, BigDecimal maxPoints, String evidenceRequired,
                       String source, boolean leaf, BigDecimal selfScore, String selfNote, String evidence, String scoredBy,
                       Instant scoredAt, BigDecimal appraisedScore, String appraisalNote, String appraisedBy, Instant appraisedAt,
                       Proposal proposal, BigDecimal selfTotal, BigDecimal finalTotal) {
    }

    /** A unit's sheet for a year: lines in tree order, totals, the period the figures cover. */
    public record Sheet(int year, String title, long unitId, String unitName, LocalDate from, LocalDate to, BigDecimal maxPoints,
                        BigDecimal selfTotal, BigDecimal appraisedTotal, BigDecimal finalTotal, int leaves, int selfScored,
                        int appraised, List<Line> lines) {
    }

    /** A unit in the year's ranking: final = the appraised score where given, else the self-score. */
    public record RankingRow(int rank, long unitId, String unitName, BigDecimal selfTotal, BigDecimal appraisedTotal,
                             BigDecimal finalTotal, int selfScored, int appraised, int leaves) {
    }

    /** A scored criterion (a leaf of the tree) as the export lists it. */
    public record Criterion(long id, String code, String name, BigDecimal maxPoints) {
    }
}
