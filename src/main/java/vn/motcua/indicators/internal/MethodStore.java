package vn.motcua.indicators.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.indicators.Band;
import vn.motcua.indicators.Weight;

/** The method as data: weights and thresholds, bands, each by effective date. */
@Repository
public class MethodStore {

    private final JdbcClient jdbc;

    public MethodStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each indicator's weight in force on the day (the latest version effective on or before it). */
    public Map<String, Weight> weightsOn(LocalDate day) {
        Map<String, Weight> m = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (indicator_id) indicator_id, effective_from, max_points, threshold, changed_by
                FROM ind_weight WHERE effective_from <= ? ORDER BY indicator_id, effective_from DESC""")
                .param(day)
                .query((rs, n) -> new Weight(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5)))
                .list().forEach(w -> m.put(w.indicatorId(), w));
        return m;
    }

    public List<Weight> weightHistory() {
        return jdbc.sql("SELECT indicator_id, effective_from, max_points, threshold, changed_by FROM ind_weight "
                        + "ORDER BY effective_from DESC, indicator_id")
                .query((rs, n) -> new Weight(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5)))
                .list();
    }

    /** The bands of the latest set effective on or before the day. */
    public List<Band> bandsOn(LocalDate day) {
        return jdbc.sql("""
                SELECT effective_from, code, min_score FROM ind_band
                WHERE effective_from = (SELECT max(effective_from) FROM ind_band WHERE effective_from <= ?)
                ORDER BY min_score DESC""")
                .param(day)
                .query((rs, n) -> new Band(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    public List<Band> bandHistory() {
        return jdbc.sql("SELECT effective_from, code, min_score FROM ind_band ORDER BY effective_from DESC, min_score DESC")
                .query((rs, n) -> new Band(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    public void putWeight(String indicator, LocalDate from, BigDecimal max, BigDecimal threshold, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO ind_weight (indicator_id, effective_from, max_points, threshold, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (indicator_id, effective_from) DO UPDATE SET max_points = excluded.max_points,
                    threshold = excluded.threshold, changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                .params(indicator, from, max, threshold, actor, java.sql.Timestamp.from(at))
                .update();
    }

    /** Replaces the band set effective from the day. */
    public void putBands(LocalDate from, Map<String, BigDecimal> minScores, String actor, Instant at) {
        jdbc.sql("DELETE FROM ind_band WHERE effective_from = ?").param(from).update();
        minScores.forEach((code, min) -> jdbc.sql(
                        "INSERT INTO ind_band (effective_from, code, min_score, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(from, code, min, actor, java.sql.Timestamp.from(at)).update());
    }
}
