package vn.motcua.reform;

import java.util.List;

/** The year's legal-document review records and, for the province level, the catalogue's simplification proposals. */
public record LegalReviewList(int year, List<LegalReviewView> reviews, List<LegalReviewSimplification> simplifications) {
}
