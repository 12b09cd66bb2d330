package vn.motcua.feedback;

import java.time.OffsetDateTime;
import java.util.List;

/** One applicant's nine-criteria assessment of the agency that handled a dossier, with its band. */
public record AssessmentView(String dossierCode, Long unitId, String unitName, String procedureCode, List<Integer> points, int total,
                             String band, String channel, String comment, OffsetDateTime submittedAt) {
}
