package vn.motcua.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One side of a proposal's compliance cost with its figures: the total hours
 * of work, the cost of one execution (hours × hourly income + fees and other
 * costs) and the annual cost (cost of one execution × executions per year ×
 * subjects per year), in whole đồng.
 */
public record ComplianceCostView(List<CostItem> items, long hourlyIncomeVnd, long feesVnd, BigDecimal executionsPerYear,
                                 long subjectsPerYear, BigDecimal hours, long costPerExecutionVnd, long annualCostVnd) {
}
