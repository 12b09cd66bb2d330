package vn.motcua.indicators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A periodic report (forms 06a/06b of Circular 01/2020/TT-VPCP) of one unit
 * for one period, or the province's consolidation of the submitted ones.
 * Lines carry the numbers of columns 3–13 of the form in order: received
 * (total, of which online, of which in person or by post, carried over),
 * handled (total, early, on time, late), pending (total, within the
 * deadline, overdue).
 */
public record Report(long id, String form, String formCode, String title, List<Column> columns, IndexView.UnitRef unit,
                     LocalDate from, LocalDate to, boolean consolidated, Status status, List<Line> lines,
                     OffsetDateTime generatedAt, String generatedBy, String signedBy, OffsetDateTime signedAt,
                     OffsetDateTime submittedAt, String returnedBy, OffsetDateTime returnedAt, String comment, int version) {

    /** Where a report stands. */
    public enum Status { DRAFT, SIGNED, SUBMITTED, RETURNED }

    /** A column of the template: the group it stands under (may be empty) and its label. */
    public record Column(String group, String label) {
    }

    /** A row: its section (e.g. departments, communes, empty), label (field or unit) and the numbers. */
    public record Line(String section, String label, long[] values) {
    }

    public Line total() {
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }
}
