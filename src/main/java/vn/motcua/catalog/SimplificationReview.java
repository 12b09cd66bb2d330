package vn.motcua.catalog;

import java.util.List;

/** The review list: proposals (by procedure code, then newest first) and the totals of their annual costs and saving. */
public record SimplificationReview(List<SimplificationProposal> items, CostSaving totals) {
}
