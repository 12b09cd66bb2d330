package vn.motcua.portal;

import java.time.Instant;
import java.util.List;
import vn.motcua.organization.UnitId;

/**
 * The applicant rated the handling of a returned dossier (once per dossier):
 * what the feedback module's statistics and the Decision 766 satisfaction
 * group ("satisfaction with dossier handling") count. Published in the
 * rating's transaction.
 *
 * @param receivingUnit the unit that received the dossier (null if unknown)
 * @param reasons       codes of the reasons for "not satisfied" (empty otherwise)
 * @param comment       the applicant's comment, or null
 */
public record DossierRated(String code, UnitId receivingUnit, String procedureCode, RatingService.Rating rating,
                           List<String> reasons, String comment, RatingService.Channel channel, Instant at) {

    public DossierRated {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
