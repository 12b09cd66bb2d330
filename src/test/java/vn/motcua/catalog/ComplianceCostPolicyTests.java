package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.catalog.internal.ComplianceCostPolicy;
import vn.motcua.catalog.internal.ComplianceCostPolicy.Checked;
import vn.motcua.catalog.internal.Violation;

/**
 * The compliance cost arithmetic (Circular 02/2017/TT-VPCP Art. 27) and the
 * rules of a simplification proposal, without Spring or a database. Every
 * expected figure is computed by hand in the comment of its row.
 */
class ComplianceCostPolicyTests {

    static final Set<String> CATALOGUE = Set.of("1.001612", "1.004873");

    // ---- cost of one execution = Σ hours × hourly income + fees (rounded half up to the đồng) ----------

    @ParameterizedTest(name = "hours {0} × {1} đ/h + {2} đ = {3} đ")
    @CsvSource(textBlock = """
            # household registration before: (1.5+2+1.5+2+1.5) = 8.5 h × 30,000 = 255,000 + 122,000
            1.5 2 1.5 2 1.5,  30000,  122000,  377000
            # after, online and free: 1.25 h × 30,000 = 37,500
            1 0.25,           30000,  0,       37500
            # marital status certificate: 4 h × 30,000 = 120,000 + 5,000
            0.5 2 1.5,        30000,  5000,    125000
            # rounding: 2.5 h × 30,001 = 75,002.5 → 75,003 (half up)
            2.5,              30001,  0,       75003
            # 1.25 h × 30,002 = 37,502.5 → 37,503
            1.25,             30002,  0,       37503
            # 0.01 h × 30,001 = 300.01 → 300
            0.01,             30001,  0,       300
            # 0.05 h × 30,001 = 1,500.05 → 1,500
            0.05,             30001,  0,       1500
            # 0.33 h × 25,000 = 8,250 exactly; fees are added whole
            0.33,             25000,  1000,    9250
            # no income counted: only the fees
            3,                0,      50000,   50000
            """)
    void costOfOneExecution(String hours, long income, long fees, long expected) {
        List<BigDecimal> h = Arrays.stream(hours.split(" ")).map(BigDecimal::new).toList();
        assertThat(ComplianceCostPolicy.costPerExecution(h, income, fees)).isEqualTo(expected);
    }

    // ---- annual cost = cost of one execution × executions per year × subjects per year ----------------

    @ParameterizedTest(name = "{0} đ × {1} × {2} = {3} đ")
    @CsvSource(textBlock = """
            # household registration before: 377,000 × 1 × 2,400
            377000,  1,     2400,   904800000
            # after: 37,500 × 1 × 2,400
            37500,   1,     2400,   90000000
            # building permit, once every five years: 505,000 × 0.2 × 9,500
            505000,  0.2,   9500,   959500000
            # 75,003 × 0.5 × 3 = 112,504.5 → 112,505 (half up)
            75003,   0.5,   3,      112505
            # 100,001 × 0.25 × 1 = 25,000.25 → 25,000
            100001,  0.25,  1,      25000
            # nobody performs it
            125000,  1,     0,      0
            """)
    void annualCost(long perExecution, String executions, long subjects, long expected) {
        assertThat(ComplianceCostPolicy.annualCost(perExecution, new BigDecimal(executions), subjects)).isEqualTo(expected);
    }

    // ---- saving = before − after, and its share of before (two decimals, half up) ------------------------

    @ParameterizedTest(name = "{0} − {1} = {2} ({3} %)")
    @CsvSource(textBlock = """
            # household registration: 904,800,000 − 90,000,000 = 814,800,000; ÷ 904,800,000 = 90.0530… %
            904800000,   90000000,    814800000,   90.05
            # abolished: the cost after is 0
            2625000000,  0,           2625000000,  100.00
            # building permit: 959,500,000 − 826,500,000 = 133,000,000; 13.8613… %
            959500000,   826500000,   133000000,   13.86
            # the cost grows: a negative saving
            100000,      150000,      -50000,      -50.00
            # 1 ÷ 800 = 0.125 % → 0.13 (half up)
            800,         799,         1,           0.13
            # 1 ÷ 3 = 33.333… %
            3,           2,           1,           33.33
            # 2 ÷ 3 = 66.666… %
            3,           1,           2,           66.67
            # no cost before: the share is undefined
            0,           0,           0,
            """)
    void saving(long before, long after, long saving, BigDecimal percent) {
        CostSaving s = ComplianceCostPolicy.saving(before, after);
        assertThat(s.annualCostBeforeVnd()).isEqualTo(before);
        assertThat(s.annualCostAfterVnd()).isEqualTo(after);
        assertThat(s.savingVnd()).isEqualTo(saving);
        if (percent == null) {
            assertThat(s.savingPercent()).isNull();
        } else {
            assertThat(s.savingPercent()).isEqualByComparingTo(percent);
            assertThat(s.savingPercent().scale()).isEqualTo(2);
        }
    }

    // ---- whole proposals ---------------------------------------------------------------------------

    @Test
    void theFiguresOfAProposalAddUpAsTheCircularSays() {
        Checked c = check(household());
        assertThat(c.violations()).isEmpty();
        ComplianceCostView before = ComplianceCostPolicy.figures(c.command().before());
        ComplianceCostView after = ComplianceCostPolicy.figures(c.command().after());
        assertThat(before.hours()).isEqualByComparingTo("8.5");
        assertThat(before.costPerExecutionVnd()).isEqualTo(377_000);
        assertThat(before.annualCostVnd()).isEqualTo(904_800_000);
        assertThat(after.hours()).isEqualByComparingTo("1.25");
        assertThat(after.annualCostVnd()).isEqualTo(90_000_000);
        CostSaving s = ComplianceCostPolicy.saving(before, after);
        assertThat(s.savingVnd()).isEqualTo(814_800_000);
        assertThat(s.savingPercent()).isEqualByComparingTo("90.05");
    }

    @Test
    void abolishingNeedsNoSideAfterAndIgnoresOneGiven() {
        // 4 h × 30,000 + 5,000 = 125,000 đ; × 1 × 21,000 = 2,625,000,000 đ, all of it saved
        SimplificationCommand abolish = new SimplificationCommand("1.004873", SimplificationKind.ABOLISH,
                "Dữ liệu đã có trong cơ sở dữ liệu hộ tịch", null,
                side(30_000L, 5_000L, "1", 21_000L, "0.5", "2", "1.5"), null, null);
        Checked c = check(abolish);
        assertThat(c.violations()).isEmpty();
        assertThat(c.command().after()).isNull();
        ComplianceCostView before = ComplianceCostPolicy.figures(c.command().before());
        CostSaving s = ComplianceCostPolicy.saving(before, null);
        assertThat(s.annualCostBeforeVnd()).isEqualTo(2_625_000_000L);
        assertThat(s.annualCostAfterVnd()).isZero();
        assertThat(s.savingVnd()).isEqualTo(2_625_000_000L);
        assertThat(s.savingPercent()).isEqualByComparingTo("100");

        // an after side sent with ABOLISH (even an invalid one) is dropped, not checked
        Checked withAfter = check(new SimplificationCommand("1.004873", SimplificationKind.ABOLISH, "Lý do", null,
                abolish.before(), side(-1L, null, "1", 1L), null));
        assertThat(withAfter.violations()).isEmpty();
        assertThat(withAfter.command().after()).isNull();
    }

    @Test
    void textsAreCleanedAndHoursShownWithoutTrailingZeros() {
        SimplificationCommand c = new SimplificationCommand(" 1.001612 ", SimplificationKind.AMEND, "  Dòng một\r\nDòng hai  ",
                " Bỏ bản sao ", new ComplianceCost(List.of(new CostItem("  Nộp   hồ sơ ", new BigDecimal("2.50"))), 30_000L, 0L,
                new BigDecimal("1.0"), 10L), side(30_000L, 0L, "1", 10L, "1"), 3);
        Checked checked = check(c);
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.command().procedureCode()).isEqualTo("1.001612");
        assertThat(checked.command().reasons()).isEqualTo("Dòng một\nDòng hai");
        assertThat(checked.command().proposedChanges()).isEqualTo("Bỏ bản sao");
        assertThat(checked.command().before().items().get(0).description()).isEqualTo("Nộp hồ sơ");
        assertThat(checked.command().before().items().get(0).hours().toPlainString()).isEqualTo("2.5");
        assertThat(checked.command().before().executionsPerYear().toPlainString()).isEqualTo("1");
        assertThat(checked.command().revision()).isEqualTo(3);
    }

    @Test
    void figuresWhileTypingNeedEveryNumber() {
        // 1.5 h (the row without hours is left out) × 30,000 + 10,000 = 55,000 đ; × 2 × 10 = 1,100,000 đ
        ComplianceCost typing = new ComplianceCost(java.util.Arrays.asList(new CostItem("", new BigDecimal("1.5")),
                new CostItem("Chưa nhập số giờ", null), null), 30_000L, 10_000L, new BigDecimal("2"), 10L);
        ComplianceCostView v = ComplianceCostPolicy.tryFigures(typing);
        assertThat(v.costPerExecutionVnd()).isEqualTo(55_000);
        assertThat(v.annualCostVnd()).isEqualTo(1_100_000);
        assertThat(ComplianceCostPolicy.tryFigures(new ComplianceCost(typing.items(), null, 0L, BigDecimal.ONE, 1L))).isNull();
        assertThat(ComplianceCostPolicy.tryFigures(new ComplianceCost(typing.items(), 30_000L, -1L, BigDecimal.ONE, 1L))).isNull();
        assertThat(ComplianceCostPolicy.tryFigures(new ComplianceCost(List.of(), 30_000L, 0L, BigDecimal.ONE, 1L))).isNull();
        assertThat(ComplianceCostPolicy.tryFigures(null)).isNull();
    }

    // ---- rules: each broken rule is reported on its field -----------------------------------------------

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("no procedure", c -> with(c, "", c.kind(), c.reasons(), c.proposedChanges(), c.before(), c.after()),
                        "procedureCode", "validation.required"),
                broken("malformed code", c -> with(c, "12-34", c.kind(), c.reasons(), c.proposedChanges(), c.before(), c.after()),
                        "procedureCode", "procedure.code.pattern"),
                broken("code not in the catalogue", c -> with(c, "9.999999", c.kind(), c.reasons(), c.proposedChanges(),
                        c.before(), c.after()), "procedureCode", "simplification.procedure.unknown"),
                broken("no kind", c -> with(c, c.procedureCode(), null, c.reasons(), c.proposedChanges(), c.before(), c.after()),
                        "kind", "validation.required"),
                broken("no reasons", c -> with(c, c.procedureCode(), c.kind(), "  ", c.proposedChanges(), c.before(), c.after()),
                        "reasons", "validation.required"),
                broken("reasons too long", c -> with(c, c.procedureCode(), c.kind(), "x".repeat(4001), c.proposedChanges(),
                        c.before(), c.after()), "reasons", "validation.tooLong"),
                broken("amendment without changes", c -> with(c, c.procedureCode(), c.kind(), c.reasons(), null, c.before(),
                        c.after()), "proposedChanges", "validation.required"),
                broken("no side before", c -> with(c, c.procedureCode(), c.kind(), c.reasons(), c.proposedChanges(), null,
                        c.after()), "before", "simplification.cost.before.required"),
                broken("no side after", c -> with(c, c.procedureCode(), c.kind(), c.reasons(), c.proposedChanges(), c.before(),
                        null), "after", "simplification.cost.after.required"),
                broken("no item", c -> withBefore(c, new ComplianceCost(List.of(), 30_000L, 0L, BigDecimal.ONE, 10L)),
                        "before.items", "simplification.items.required"),
                broken("zero hours", c -> withBefore(c, side(30_000L, 0L, "1", 10L, "1", "0")),
                        "before.items[1].hours", "simplification.hours.positive"),
                broken("negative hours", c -> withAfter(c, side(30_000L, 0L, "1", 10L, "-1")),
                        "after.items[0].hours", "simplification.hours.positive"),
                broken("three decimals of hours", c -> withBefore(c, side(30_000L, 0L, "1", 10L, "1.125")),
                        "before.items[0].hours", "simplification.number.decimals"),
                broken("too many hours", c -> withBefore(c, side(30_000L, 0L, "1", 10L, "10000.5")),
                        "before.items[0].hours", "simplification.number.tooLarge"),
                broken("item without hours", c -> withBefore(c, new ComplianceCost(List.of(new CostItem("Nộp", null)), 30_000L,
                        0L, BigDecimal.ONE, 10L)), "before.items[0].hours", "validation.required"),
                broken("item without description", c -> withBefore(c, new ComplianceCost(
                        List.of(new CostItem(" ", BigDecimal.ONE)), 30_000L, 0L, BigDecimal.ONE, 10L)),
                        "before.items[0].description", "validation.required"),
                broken("negative income", c -> withBefore(c, side(-1L, 0L, "1", 10L, "1")),
                        "before.hourlyIncomeVnd", "simplification.number.negative"),
                broken("no fees", c -> withAfter(c, side(30_000L, null, "1", 10L, "1")),
                        "after.feesVnd", "validation.required"),
                broken("negative fees", c -> withBefore(c, side(30_000L, -5L, "1", 10L, "1")),
                        "before.feesVnd", "simplification.number.negative"),
                broken("negative executions", c -> withBefore(c, side(30_000L, 0L, "-0.5", 10L, "1")),
                        "before.executionsPerYear", "simplification.number.negative"),
                broken("three decimals of executions", c -> withBefore(c, side(30_000L, 0L, "0.125", 10L, "1")),
                        "before.executionsPerYear", "simplification.number.decimals"),
                broken("no subjects", c -> withBefore(c, side(30_000L, 0L, "1", null, "1")),
                        "before.subjectsPerYear", "validation.required"),
                broken("negative subjects", c -> withAfter(c, side(30_000L, 0L, "1", -1L, "1")),
                        "after.subjectsPerYear", "simplification.number.negative"),
                // 10,000 h × 100,000,000 đ/h × 10,000 × 1,000,000 is far beyond 10^15 đ a year
                broken("an absurd annual cost", c -> withBefore(c, side(100_000_000L, 0L, "10000", 1_000_000L, "10000")),
                        "before", "simplification.cost.tooLarge"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsReportedOnItsField(String name, UnaryOperator<SimplificationCommand> change, String field, String key) {
        Checked c = check(change.apply(household()));
        assertThat(c.violations()).extracting(Violation::field).contains(field);
        assertThat(c.violations().stream().filter(v -> v.field().equals(field)).findFirst().orElseThrow().messageKey())
                .isEqualTo(key);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndTheUnknownCodeIsNamed() {
        Checked c = check(new SimplificationCommand("9.999999", null, null, null,
                new ComplianceCost(List.of(), -1L, null, null, 1L), null, null));
        assertThat(c.violations()).extracting(Violation::field).containsExactly("procedureCode", "kind", "reasons",
                "before.items", "before.hourlyIncomeVnd", "before.feesVnd", "before.executionsPerYear");
        assertThat(c.violations().get(0).args()).containsExactly("9.999999");
        assertThat(check(null).violations()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(textBlock = """
            DRAFT,      SUBMITTED,  true
            DRAFT,      ACCEPTED,   false
            DRAFT,      REJECTED,   false
            SUBMITTED,  ACCEPTED,   true
            SUBMITTED,  REJECTED,   true
            SUBMITTED,  DRAFT,      false
            SUBMITTED,  SUBMITTED,  false
            ACCEPTED,   REJECTED,   false
            ACCEPTED,   SUBMITTED,  false
            REJECTED,   ACCEPTED,   false
            REJECTED,   DRAFT,      false
            """)
    void statusTransitions(SimplificationStatus from, SimplificationStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    // ---- samples -----------------------------------------------------------------------------------

    /** The demo's business household registration proposal: 8.5 h before, 1.25 h after, 2,400 households a year. */
    static SimplificationCommand household() {
        return new SimplificationCommand("1.001612", SimplificationKind.AMEND, "Giấy tờ đã có trong CSDL dân cư",
                "Bỏ bản sao giấy tờ pháp lý", side(30_000L, 122_000L, "1", 2_400L, "1.5", "2", "1.5", "2", "1.5"),
                side(30_000L, 0L, "1", 2_400L, "1", "0.25"), null);
    }

    static ComplianceCost side(Long income, Long fees, String executions, Long subjects, String... hours) {
        return new ComplianceCost(Arrays.stream(hours).map(h -> new CostItem("Công việc " + h, new BigDecimal(h))).toList(),
                income, fees, executions == null ? null : new BigDecimal(executions), subjects);
    }

    static Checked check(SimplificationCommand c) {
        return ComplianceCostPolicy.check(c, CATALOGUE::contains);
    }

    static Arguments broken(String name, UnaryOperator<SimplificationCommand> change, String field, String key) {
        return Arguments.of(name, change, field, key);
    }

    static SimplificationCommand with(SimplificationCommand c, String code, SimplificationKind kind, String reasons,
                                      String changes, ComplianceCost before, ComplianceCost after) {
        return new SimplificationCommand(code, kind, reasons, changes, before, after, c.revision());
    }

    static SimplificationCommand withBefore(SimplificationCommand c, ComplianceCost before) {
        return with(c, c.procedureCode(), c.kind(), c.reasons(), c.proposedChanges(), before, c.after());
    }

    static SimplificationCommand withAfter(SimplificationCommand c, ComplianceCost after) {
        return with(c, c.procedureCode(), c.kind(), c.reasons(), c.proposedChanges(), c.before(), after);
    }
}
