package vn.motcua.supervision;

import java.time.Instant;
import java.util.List;

/** A bulk clean-up run: its progress and the items that failed, with why. */
public record CleanupJobView(long id, String kind, String status, String actor, Long toUnit, Long toOfficer, String reason,
                             String evidence, int total, int done, int failed, Instant createdAt, Instant finishedAt,
                             List<Item> items) {

    /** One dossier of the run. */
    public record Item(int seq, String code, String status, String error) {
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public int percent() {
        return total == 0 ? 100 : (int) Math.round(100.0 * (done + failed) / total);
    }
}
