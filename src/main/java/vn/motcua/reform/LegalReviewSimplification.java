package vn.motcua.reform;

/**
 * A simplification proposal of the catalogue (its own review, docs/catalog.md) shown with
 * the year's legal review as part of the same plan: the procedure, the kind, the status and
 * the yearly saving in đồng.
 */
public record LegalReviewSimplification(long id, String procedureCode, String procedureName, String kind, String status,
                                        long annualSavingVnd) {
}
