package vn.motcua.catalog;

import java.math.BigDecimal;
import vn.motcua.organization.Role;

/**
 * One step of a case's workflow (bước xử lý): who acts (a role in a unit or a
 * kind of unit) and its share of the case's duration, in the same unit as the
 * duration. The shares of a case add up exactly to its duration.
 */
public record Step(String name, Role role, UnitRef unit, BigDecimal share) {
}
