package vn.motcua.integration;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/**
 * A dossier was filed (at the desk or online) with the applicant's data taken
 * from the national population database, with the applicant's consent: what
 * the Decision 766 indicators on population data count. Published once per
 * dossier.
 *
 * @param code          the dossier's code
 * @param receivingUnit the unit that received the dossier
 * @param procedureCode the procedure's code
 * @param at            when the dossier was filed
 */
public record PopulationDataUsed(String code, UnitId receivingUnit, String procedureCode, Instant at) {
}
