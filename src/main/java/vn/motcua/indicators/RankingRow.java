package vn.motcua.indicators;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One unit's place in a ranking, with its total, band and group scores (by group id). A unit with no
 * dossier in the period is not ranked: rank 0, no total, no band, no groups ("no data"), listed last.
 */
public record RankingRow(int rank, IndexView.UnitRef unit, BigDecimal total, String band, Map<String, BigDecimal> groups,
                         long dossiers) {
}
