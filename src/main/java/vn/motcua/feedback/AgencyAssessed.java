package vn.motcua.feedback;

import java.time.Instant;
import java.util.List;
import vn.motcua.organization.UnitId;

/** An applicant assessed the agency that handled a returned dossier on the nine criteria (0–2 each); {@code band} as classified then. */
public record AgencyAssessed(String dossierCode, UnitId unit, String procedureCode, List<Integer> points, int total, String band,
                             Instant at) {
}
