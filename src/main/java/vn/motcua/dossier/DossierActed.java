package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * One act on a dossier, as its history row records it, with the dossier's
 * state right after the act: what the modules that hold units and officers
 * to account (supervision, indicators, national sync, reports) listen to.
 * Published for every history row (filing, receipt, each hand-over, pause,
 * resumption, apology, end, scan, transfer), in the act's transaction.
 *
 * <p>{@code (code, version, index)} names the act once: {@code version} is
 * the dossier's version after the save that wrote it, {@code index} its place
 * among the acts of that save (a desk filing writes two: file, receive), so a
 * listener that sees an event twice can tell.
 *
 * @param actor        the officer who acted; null for the applicant or the system
 * @param unit         the unit the act was done for
 * @param handlingUnit the unit holding the dossier after the act
 * @param assignee     the officer holding it after the act, if one was named
 * @param stepDueAt    the due time of the step the dossier is at after the act
 * @param details      the history row's details (e.g. {@code timing} of a completion,
 *                     {@code backDated}, {@code skippedSteps}, {@code stepTiming} of a hand-over)
 */
public record DossierActed(
        String code,
        int version,
        int index,
        Action action,
        DossierStatus from,
        DossierStatus to,
        StaffId actor,
        String actorName,
        UnitId unit,
        String procedureCode,
        UnitId receivingUnit,
        UnitId handlingUnit,
        StaffId assignee,
        Channel channel,
        Instant at,
        Instant receivedAt,
        Instant appointmentAt,
        Instant stepDueAt,
        String reason,
        Map<String, Object> details,
        int supplementRequests,
        int apologies) {

    /** Whether the act changed the national status (codes 1–10), which the national portal is told of. */
    public boolean changedStatus() {
        return from != to;
    }
}
