package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import vn.motcua.catalog.ComplianceCost;
import vn.motcua.catalog.ComplianceCostView;
import vn.motcua.catalog.CostItem;
import vn.motcua.catalog.CostSaving;
import vn.motcua.catalog.SimplificationCommand;
import vn.motcua.catalog.SimplificationKind;
import vn.motcua.shared.Texts;

/**
 * The compliance cost of a procedure (Circular 02/2017/TT-VPCP Art. 27) and
 * the rules a simplification proposal must satisfy. Pure Java, no Spring.
 *
 * <p>Arithmetic:
 * <ul>
 *   <li>cost of one execution = Σ hours × hourly income + fees and other costs;</li>
 *   <li>annual cost = cost of one execution × executions per year × subjects per year;</li>
 *   <li>saving = annual cost before − annual cost after (ABOLISH: after = 0),
 *       and saving ÷ annual cost before × 100 in per cent.</li>
 * </ul>
 *
 * <p>Rounding: money is whole đồng. The cost of one execution is computed
 * exactly and rounded half up to the đồng (2.5 h × 30,001 đ/h = 75,002.5 →
 * 75,003 đ); the annual cost is computed from that rounded cost, so that the
 * figures shown can be checked by hand, and rounded half up again (only needed
 * when the executions per year have decimals). The saving is the difference
 * of the two rounded annual costs, exact. The percentage is rounded half up
 * to two decimals and is undefined (null) when the cost before is 0.
 *
 * <p>Limits keep every annual cost at most 10<sup>15</sup> đồng, so that it is
 * exact in a {@code long} and in a spreadsheet's numeric cell.
 */
public final class ComplianceCostPolicy {

    public static final BigDecimal MAX_HOURS = new BigDecimal("10000");
    public static final long MAX_HOURLY_INCOME = 100_000_000L;
    public static final long MAX_FEES = 1_000_000_000_000L;
    public static final BigDecimal MAX_EXECUTIONS = new BigDecimal("10000");
    public static final long MAX_SUBJECTS = 1_000_000_000L;
    public static final long MAX_ANNUAL_COST = 1_000_000_000_000_000L;
    public static final int MAX_ITEMS = 100;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_TEXT = 4000;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ComplianceCostPolicy() {
    }

    // --- arithmetic --------------------------------------------------------------------------------

    /** Σ hours × hourly income + fees and other costs, rounded half up to the đồng. */
    public static long costPerExecution(List<BigDecimal> hours, long hourlyIncomeVnd, long feesVnd) {
        BigDecimal total = sum(hours);
        return total.multiply(BigDecimal.valueOf(hourlyIncomeVnd)).add(BigDecimal.valueOf(feesVnd))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Cost of one execution × executions per year × subjects per year, rounded half up to the đồng. */
    public static long annualCost(long costPerExecutionVnd, BigDecimal executionsPerYear, long subjectsPerYear) {
        return exactAnnual(costPerExecutionVnd, executionsPerYear, subjectsPerYear).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Before − after, and the percentage of before it is (two decimals, half up; null when before is 0). */
    public static CostSaving saving(long annualBeforeVnd, long annualAfterVnd) {
        long saving = annualBeforeVnd - annualAfterVnd;
        BigDecimal percent = annualBeforeVnd == 0 ? null
                : BigDecimal.valueOf(saving).multiply(HUNDRED).divide(BigDecimal.valueOf(annualBeforeVnd), 2, RoundingMode.HALF_UP);
        return new CostSaving(annualBeforeVnd, annualAfterVnd, saving, percent);
    }

    /** The figures of a side that passed {@link #check}; hours shown without trailing zeros. */
    public static ComplianceCostView figures(ComplianceCost side) {
        List<BigDecimal> hours = side.items().stream().map(CostItem::hours).toList();
        long perExecution = costPerExecution(hours, side.hourlyIncomeVnd(), side.feesVnd());
        long annual = annualCost(perExecution, side.executionsPerYear(), side.subjectsPerYear());
        return new ComplianceCostView(side.items().stream().map(i -> new CostItem(i.description(), normalize(i.hours()))).toList(),
                side.hourlyIncomeVnd(), side.feesVnd(), normalize(side.executionsPerYear()), side.subjectsPerYear(),
                normalize(sum(hours)), perExecution, annual);
    }

    /** The saving of a checked proposal: the cost after of ABOLISH (or a missing side) is 0. */
    public static CostSaving saving(ComplianceCostView before, ComplianceCostView after) {
        return saving(before == null ? 0 : before.annualCostVnd(), after == null ? 0 : after.annualCostVnd());
    }

    /**
     * The figures of a side while it is being typed, if every number needed is
     * there and within the limits (items without hours are left out, items
     * without a description counted); null otherwise.
     */
    public static ComplianceCostView tryFigures(ComplianceCost side) {
        if (side == null || side.items() == null) {
            return null;
        }
        List<CostItem> items = side.items().stream().filter(i -> i != null && i.hours() != null)
                .map(i -> new CostItem(Texts.isBlank(i.description()) ? "…" : i.description(), i.hours())).toList();
        List<Violation> v = new ArrayList<>();
        ComplianceCost cleaned = new Checker(v).side("side", new ComplianceCost(items, side.hourlyIncomeVnd(),
                side.feesVnd(), side.executionsPerYear(), side.subjectsPerYear()), true);
        return v.isEmpty() ? figures(cleaned) : null;
    }

    private static BigDecimal exactAnnual(long costPerExecutionVnd, BigDecimal executionsPerYear, long subjectsPerYear) {
        return BigDecimal.valueOf(costPerExecutionVnd).multiply(executionsPerYear).multiply(BigDecimal.valueOf(subjectsPerYear));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Without trailing zeros and never in exponent notation (10, not 1E+1). */
    public static BigDecimal normalize(BigDecimal v) {
        return v == null ? null : ProcedureRules.normalize(v);
    }

    // --- rules -------------------------------------------------------------------------------------

    /** The outcome of a check: the cleaned command (after side dropped for ABOLISH) when there is no violation. */
    public record Checked(SimplificationCommand command, List<Violation> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /**
     * Checks a proposal all at once, so that every broken rule is reported with
     * its field (property paths such as {@code before.items[0].hours}):
     * <ul>
     *   <li>the procedure code is given, has the national form and is in the catalogue;</li>
     *   <li>the kind and the reasons are given; so are the proposed changes, except to abolish;</li>
     *   <li>the cost before is given, and the cost after except for ABOLISH (whose after is ignored);</li>
     *   <li>each side has at least one item, each with a description and hours above 0 (two decimals
     *       at most); hourly income, fees, executions and subjects are given and not negative;</li>
     *   <li>numbers stay within the limits of this class.</li>
     * </ul>
     */
    public static Checked check(SimplificationCommand c, Predicate<String> procedureExists) {
        List<Violation> v = new ArrayList<>();
        if (c == null) {
            v.add(new Violation("procedureCode", "validation.required", List.of()));
            return new Checked(null, v);
        }
        Checker checker = new Checker(v);
        String code = c.procedureCode() == null ? null : c.procedureCode().strip();
        if (Texts.isBlank(code)) {
            v.add(new Violation("procedureCode", "validation.required", List.of()));
            code = null;
        } else if (!ProcedureRules.isCode(code)) {
            v.add(new Violation("procedureCode", "procedure.code.pattern", List.of()));
        } else if (!procedureExists.test(code)) {
            v.add(new Violation("procedureCode", "simplification.procedure.unknown", List.of(code)));
        }
        if (c.kind() == null) {
            v.add(new Violation("kind", "validation.required", List.of()));
        }
        String reasons = text(c.reasons());
        if (reasons == null) {
            v.add(new Violation("reasons", "validation.required", List.of()));
        } else if (reasons.length() > MAX_TEXT) {
            v.add(new Violation("reasons", "validation.tooLong", List.of()));
        }
        String changes = text(c.proposedChanges());
        if (changes == null && c.kind() != null && c.kind() != SimplificationKind.ABOLISH) {
            v.add(new Violation("proposedChanges", "validation.required", List.of()));
        } else if (changes != null && changes.length() > MAX_TEXT) {
            v.add(new Violation("proposedChanges", "validation.tooLong", List.of()));
        }
        ComplianceCost before = checker.side("before", c.before(), true);
        boolean abolish = c.kind() == SimplificationKind.ABOLISH;
        ComplianceCost after = abolish ? null : checker.side("after", c.after(), c.kind() != null);
        return new Checked(new SimplificationCommand(code, c.kind(), reasons, changes, before, after, c.revision()), v);
    }

    /** Checks one side and returns it cleaned (descriptions trimmed, NFC). */
    private static final class Checker {
        private final List<Violation> v;

        Checker(List<Violation> v) {
            this.v = v;
        }

        ComplianceCost side(String name, ComplianceCost side, boolean required) {
            if (side == null) {
                if (required) {
                    v.add(new Violation(name, "simplification.cost." + name + ".required", List.of()));
                }
                return null;
            }
            int before = v.size();
            List<CostItem> items = new ArrayList<>();
            List<CostItem> given = side.items() == null ? List.of() : side.items();
            if (given.stream().allMatch(i -> i == null)) {
                v.add(new Violation(name + ".items", "simplification.items.required", List.of()));
            } else if (given.size() > MAX_ITEMS) {
                v.add(new Violation(name + ".items", "simplification.items.tooMany", List.of(MAX_ITEMS)));
            }
            for (int i = 0; i < given.size(); i++) {
                CostItem item = given.get(i);
                if (item == null) {
                    continue;
                }
                String path = name + ".items[" + i + "]";
                String description = Texts.clean(item.description());
                if (Texts.isBlank(description)) {
                    v.add(new Violation(path + ".description", "validation.required", List.of()));
                } else if (description.length() > MAX_DESCRIPTION) {
                    v.add(new Violation(path + ".description", "validation.tooLong", List.of()));
                }
                BigDecimal hours = item.hours();
                if (hours == null) {
                    v.add(new Violation(path + ".hours", "validation.required", List.of()));
                } else if (hours.signum() <= 0) {
                    v.add(new Violation(path + ".hours", "simplification.hours.positive", List.of()));
                } else if (hours.compareTo(MAX_HOURS) > 0) {
                    v.add(new Violation(path + ".hours", "simplification.number.tooLarge", List.of(MAX_HOURS.longValue())));
                } else if (normalize(hours).scale() > 2) {
                    v.add(new Violation(path + ".hours", "simplification.number.decimals", List.of()));
                }
                items.add(new CostItem(description, hours == null ? null : normalize(hours)));
            }
            money(name + ".hourlyIncomeVnd", side.hourlyIncomeVnd(), MAX_HOURLY_INCOME);
            money(name + ".feesVnd", side.feesVnd(), MAX_FEES);
            BigDecimal executions = side.executionsPerYear();
            String ePath = name + ".executionsPerYear";
            if (executions == null) {
                v.add(new Violation(ePath, "validation.required", List.of()));
            } else if (executions.signum() < 0) {
                v.add(new Violation(ePath, "simplification.number.negative", List.of()));
            } else if (executions.compareTo(MAX_EXECUTIONS) > 0) {
                v.add(new Violation(ePath, "simplification.number.tooLarge", List.of(MAX_EXECUTIONS.longValue())));
            } else if (normalize(executions).scale() > 2) {
                v.add(new Violation(ePath, "simplification.number.decimals", List.of()));
            }
            money(name + ".subjectsPerYear", side.subjectsPerYear(), MAX_SUBJECTS);
            ComplianceCost cleaned = new ComplianceCost(items, side.hourlyIncomeVnd(), side.feesVnd(),
                    executions == null ? null : normalize(executions), side.subjectsPerYear());
            if (v.size() == before) {
                // every number is within its limit; the product may still be beyond what is sensible
                long perExecution = costPerExecution(items.stream().map(CostItem::hours).toList(), side.hourlyIncomeVnd(),
                        side.feesVnd());
                if (exactAnnual(perExecution, executions, side.subjectsPerYear())
                        .compareTo(BigDecimal.valueOf(MAX_ANNUAL_COST)) > 0) {
                    v.add(new Violation(name, "simplification.cost.tooLarge", List.of(MAX_ANNUAL_COST)));
                }
            }
            return cleaned;
        }

        private void money(String path, Long value, long max) {
            if (value == null) {
                v.add(new Violation(path, "validation.required", List.of()));
            } else if (value < 0) {
                v.add(new Violation(path, "simplification.number.negative", List.of()));
            } else if (value > max) {
                v.add(new Violation(path, "simplification.number.tooLarge", List.of(max)));
            }
        }
    }

    /** Long text: NFC, line breaks kept (as \n), trimmed; blank is null. */
    static String text(String s) {
        if (Texts.isBlank(s)) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
