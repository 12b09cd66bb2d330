package vn.motcua.reform;

import java.time.LocalDate;
import java.util.List;

/**
 * A regulation found wanting: its number and title, the problem and the finding,
 * the proposal, the responsible unit and deadline, and the codes of the procedures
 * of the catalogue it governs.
 */
public record LegalReviewCommand(Integer year, String documentRef, String documentTitle, LegalReviewProblem problem,
                                 String finding, LegalReviewProposal proposal, Long responsibleUnitId, LocalDate dueOn,
                                 List<String> procedureCodes) {
}
