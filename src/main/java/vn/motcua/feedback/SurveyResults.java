package vn.motcua.feedback;

import java.math.BigDecimal;
import java.util.List;

/**
 * A campaign's results: the mean of each factor on each dimension (1–5) over
 * every answer, the same per receiving unit, and the invitees' comments.
 */
public record SurveyResults(SurveyView survey, List<FactorScore> overall, List<UnitResult> units, List<String> comments) {

    /** A factor's means; null where nobody answered. */
    public record FactorScore(SurveyFactor factor, BigDecimal perception, BigDecimal satisfaction, BigDecimal expectation) {
    }

    /** One receiving unit: invited, answered, the mean satisfaction over the five factors, and each factor's means. */
    public record UnitResult(long unitId, String unitName, long invited, long answered, BigDecimal satisfaction,
                             List<FactorScore> factors) {
    }
}
