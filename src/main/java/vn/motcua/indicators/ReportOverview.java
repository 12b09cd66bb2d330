package vn.motcua.indicators;

import java.time.OffsetDateTime;

/** A reporting unit's report for a period, as the supervisor's overview shows it (no report: id and status null). */
public record ReportOverview(IndexView.UnitRef unit, String form, Long reportId, Report.Status status,
                             OffsetDateTime submittedAt, String signedBy) {
}
