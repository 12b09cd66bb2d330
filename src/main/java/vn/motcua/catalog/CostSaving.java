package vn.motcua.catalog;

import java.math.BigDecimal;

/**
 * The annual compliance cost before and after simplification, in whole đồng,
 * and the saving (before − after; negative when the cost grows), also as a
 * percentage of the cost before (two decimals; null when the cost before is 0).
 */
public record CostSaving(long annualCostBeforeVnd, long annualCostAfterVnd, long savingVnd, BigDecimal savingPercent) {
}
