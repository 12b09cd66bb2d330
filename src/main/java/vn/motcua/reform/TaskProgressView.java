package vn.motcua.reform;

import java.time.Instant;
import java.util.UUID;

/** A progress report: the percentage reached, the note, the evidence file (if any), who and when. */
public record TaskProgressView(long id, long taskId, int percent, String note, UUID fileId, String fileName,
                               Instant reportedAt, String reportedBy) {
}
