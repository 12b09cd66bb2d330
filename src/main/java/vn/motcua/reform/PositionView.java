package vn.motcua.reform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Job positions (vị trí việc làm), their holders, the workload per position, training records (docs/reform.md §7). */
public final class PositionView {

    private PositionView() {
    }

    public record Holder(long staffId, String name, LocalDate since) {
    }

    /** A unit's job position: the competences it requires, the planned headcount and who holds it. */
    public record Position(long id, long unitId, String unitName, String code, String name, String competences, int planned,
                           List<Holder> holders, int version) {
    }

    /**
     * One position's work in a period: steps its holders handled, per holder,
     * against the unit's mean per holder; the mean of the holders' confirmed
     * assessment totals; and the verdict: VACANT (no holder), SHORT (fewer
     * holders than planned, or more than 1.5 × the mean load), IDLE (under
     * half the mean load) or BALANCED.
     */
    public record Workload(long positionId, String code, String name, int planned, int holders, long handled, BigDecimal perHolder,
                           BigDecimal unitMean, BigDecimal assessmentMean, String status) {
    }

    public record Training(long id, long staffId, String staffName, String title, String provider, LocalDate startedOn,
                           LocalDate endedOn, int hours, String certificate, String recordedBy, Instant recordedAt) {
    }
}
