package vn.motcua.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The compliance cost of a procedure on one side of a simplification, as
 * entered (Circular 02/2017/TT-VPCP Art. 27): the work needed to obtain the
 * result (items with hours), the hourly income that values that time (VND per
 * hour), the fees, charges and other legal costs of one execution (VND), how
 * many times one subject performs it per year (two decimals at most: 0.2 is
 * once every five years) and how many subjects perform it per year. Unknown
 * members (the computed figures of {@link ComplianceCostView}) are ignored, so
 * a client can send back what it read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceCost(List<CostItem> items, Long hourlyIncomeVnd, Long feesVnd, BigDecimal executionsPerYear,
                             Long subjectsPerYear) {
}
