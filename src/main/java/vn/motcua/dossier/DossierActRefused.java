package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * An officer's act the dossier's rules refused (a second supplement request,
 * an apology after the appointment, a completion with steps unfinished and
 * no reason…). The dossier is left as it was; this event is published in a
 * transaction of its own after the refusal, so supervision can see attempts
 * that never became acts.
 *
 * @param rule the rule that refused it ({@code supplement-once}, {@code illegal-transition}, …)
 */
public record DossierActRefused(String code, Action action, String rule, StaffId actor, String actorName, UnitId unit,
                                Instant at) {
}
