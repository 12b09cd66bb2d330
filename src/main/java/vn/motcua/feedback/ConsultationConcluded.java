package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** A unit concluded a consultation with its published summary: how many comments it took in (approved) and set aside. */
public record ConsultationConcluded(long id, UnitId unit, ConsultationKind kind, long approvedComments, long rejectedComments,
                                    Instant at) {
}
