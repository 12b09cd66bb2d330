package vn.motcua.reform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An inspection of a unit, its findings (with their fixes) and the count of fixes still open. */
public record InspectionView(long id, long unitId, String unitName, String title, LocalDate plannedOn, InspectionStatus status,
                             Instant createdAt, String createdBy, List<InspectionFindingView> findings, int openFixes) {
}
