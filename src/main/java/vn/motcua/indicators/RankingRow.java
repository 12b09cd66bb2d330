package vn.motcua.indicators;

import java.math.BigDecimal;
import java.util.Map;

/** One unit's place in a ranking, with its total, band and group scores (by group id). */
public record RankingRow(int rank, IndexView.UnitRef unit, BigDecimal total, String band, Map<String, BigDecimal> groups,
                         long dossiers) {
}
