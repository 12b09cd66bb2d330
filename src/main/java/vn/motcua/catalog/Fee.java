package vn.motcua.catalog;

/** One fee or charge (phí, lệ phí) in VND, with an optional note (exemptions, conditions). */
public record Fee(String name, Long amountVnd, String note) {
}
