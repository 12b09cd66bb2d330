package vn.motcua.catalog;

import java.math.BigDecimal;

/**
 * One piece of the work a subject does to obtain the result of a procedure
 * (prepare the form, get copies certified, travel to the desk…) and the hours
 * it takes, at most two decimals.
 */
public record CostItem(String description, BigDecimal hours) {
}
