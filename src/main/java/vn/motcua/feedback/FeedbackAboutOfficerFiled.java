package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * A PAKN about an officer was received and the desk identified the officer's
 * account: a signal source for the supervision of public duty (complaints
 * concentrated on an officer or a desk). Published at the receipt, when the
 * officer is known; {@code dossierCode} when the PAKN also names a dossier.
 */
public record FeedbackAboutOfficerFiled(String code, StaffId officer, UnitId unit, String dossierCode, Instant filedAt,
                                        Instant at) {
}
