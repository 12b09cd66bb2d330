package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/**
 * A PAKN was filed. {@code dossierCode} is set when it is about a dossier
 * (a dossier "with a PAKN" for the Decision 766 satisfaction with dossier
 * handling); {@code unit} when it names a unit (or the officer's unit).
 */
public record FeedbackFiled(String code, FeedbackKind kind, FeedbackSubject subject, String procedureCode, UnitId unit,
                            String dossierCode, FeedbackChannel channel, Instant at, Instant intakeDueAt) {
}
