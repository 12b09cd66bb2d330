package vn.motcua.reform;

import java.time.Instant;
import java.util.List;

/** A finding with its target and the fixes it requires. */
public record InspectionFindingView(long id, long inspectionId, String description, InspectionTargetKind targetKind,
                                    String targetRef, Instant createdAt, String createdBy, List<InspectionFixView> fixes) {
}
