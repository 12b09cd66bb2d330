package vn.motcua.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures for a scope and a period: totals, one row per
 * unit, procedure or officer (with the on-time rate), and the ageing of the
 * backlog. Every count drills down to {@code /supervision/dossiers} with
 * the same figure, grouping, key and bucket.
 */
public record DashboardView(Long unit, LocalDate from, LocalDate to, Instant now, Figure.Grouping grouping,
                            Map<Figure, Long> totals, List<Row> rows, Map<Figure.Bucket, Long> ageing) {

    /** One group: its key (unit id, procedure code, officer id; "" for none) and the count of each figure. */
    public record Row(String key, String label, Map<Figure, Long> counts) {

        public long count(Figure f) {
            return counts.getOrDefault(f, 0L);
        }

        /** Early or on time over finished, in percent; null when nothing finished. */
        public Double onTimeRate() {
            long done = count(Figure.FINISHED);
            return done == 0 ? null : Math.round(1000.0 * count(Figure.ON_TIME) / done) / 10.0;
        }
    }
}
