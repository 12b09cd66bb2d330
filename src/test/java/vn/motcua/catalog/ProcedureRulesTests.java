package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.internal.ProcedureRules;
import vn.motcua.catalog.internal.ProcedureRules.Checked;
import vn.motcua.catalog.internal.Violation;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/** The rules a procedure must satisfy, without Spring or a database. */
class ProcedureRulesTests {

    static final Map<String, UnitView> UNITS = Map.of(
            Samples.CENTRE, unit(1, Samples.CENTRE, "Trung tâm", UnitKind.SERVICE_CENTRE, UnitLevel.PROVINCE, true),
            Samples.JUSTICE, unit(2, Samples.JUSTICE, "Sở Tư pháp", UnitKind.AGENCY, UnitLevel.PROVINCE, true),
            Samples.JUSTICE_ADMIN, unit(3, Samples.JUSTICE_ADMIN, "Phòng HCTP", UnitKind.DIVISION, UnitLevel.PROVINCE, true),
            "000.00.99.H40", unit(4, "000.00.99.H40", "Sở đã giải thể", UnitKind.AGENCY, UnitLevel.PROVINCE, false),
            "000.00.31.H40", unit(5, "000.00.31.H40", "UBND phường", UnitKind.WARD, UnitLevel.COMMUNE, true));

    static final ProcedureRules.Units LOOKUP = new ProcedureRules.Units() {
        @Override
        public Optional<UnitView> byId(long id) {
            return UNITS.values().stream().filter(u -> u.id() == id).findFirst();
        }

        @Override
        public Optional<UnitView> byCode(String code) {
            return Optional.ofNullable(UNITS.get(code));
        }
    };

    static UnitView unit(long id, String code, String name, UnitKind kind, UnitLevel level, boolean active) {
        return new UnitView(id, code, name, kind, level, null, null, null, active, null, 0);
    }

    static Checked check(ProcedureCommand c) {
        return ProcedureRules.check(c, LOOKUP);
    }

    static Map<String, Violation> byField(Checked c) {
        return c.violations().stream().collect(java.util.stream.Collectors.toMap(Violation::field, v -> v, (a, b) -> a));
    }

    @Test
    void aValidProvinceProcedurePassesWithUnitsResolvedToIds() {
        Checked c = check(Samples.province("1.000001", "Thủ tục hợp lệ"));
        assertThat(c.violations()).isEmpty();
        assertThat(c.content().agency().id()).isEqualTo(2L);
        assertThat(c.content().cases().get(0).steps()).extracting(s -> s.unit().id()).containsExactly(1L, 3L, 2L, 1L);
        assertThat(c.content().feeVnd()).isEqualTo(200_000L);
    }

    @Test
    void sharesThatDoNotAddUpToTheDurationNameTheCase() {
        ProcedureCommand base = Samples.province("1.000002", "Thủ tục sai thời gian");
        ProcedureCase wrong = new ProcedureCase("TH1", "Cấp mới", ProcessingTime.of("10", DurationUnit.WORKING_DAYS), null,
                List.of(Samples.step("Xử lý", Role.SPECIALIST, UnitRef.unitCode(Samples.JUSTICE_ADMIN), "9.5")));
        Checked c = check(Samples.withCases(base, List.of(wrong)));
        Violation v = byField(c).get("cases[0].steps");
        assertThat(v.messageKey()).isEqualTo("procedure.case.sharesMismatch");
        assertThat(v.args()).containsExactly("Cấp mới", "9.5", "10");
        assertThat(c.content()).isNull();
    }

    @Test
    void sharesAreComparedAsNumbersNotAsText() {
        ProcedureCommand base = Samples.province("1.000003", "Thủ tục 0,5");
        ProcedureCase half = new ProcedureCase("TH1", "Nửa ngày", new ProcessingTime(new BigDecimal("0.50"), DurationUnit.WORKING_DAYS),
                null, List.of(Samples.step("Xử lý", Role.SPECIALIST, UnitRef.unitCode(Samples.JUSTICE_ADMIN), "0.25"),
                Samples.step("Ký", Role.LEADER, UnitRef.unitCode(Samples.JUSTICE), "0.250")));
        Checked c = check(Samples.withCases(base, List.of(half)));
        assertThat(c.violations()).isEmpty();
        assertThat(c.content().cases().get(0).duration().amount()).isEqualByComparingTo("0.5");
        assertThat(c.content().cases().get(0).duration().amount().toPlainString()).isEqualTo("0.5");
    }

    @Test
    void aProcedureNeedsACodeOfTheNationalFormAtLeastOneCaseAndOneComponent() {
        ProcedureCommand base = Samples.province("12345", "Thủ tục thiếu");
        ProcedureCommand empty = new ProcedureCommand(base.code(), base.name(), base.field(), base.level(), base.agency(),
                base.subjects(), base.methods(), base.onlineLevel(), false, false, List.of(), List.of(), List.of(), List.of(), null,
                base.resultType(), List.of(), null);
        Map<String, Violation> v = byField(check(empty));
        assertThat(v.get("code").messageKey()).isEqualTo("procedure.code.pattern");
        assertThat(v.get("cases").messageKey()).isEqualTo("procedure.cases.required");
        assertThat(v.get("components").messageKey()).isEqualTo("procedure.components.required");
    }

    @Test
    void communeStepsMayNameKindsButProvinceStepsMayNot() {
        assertThat(check(Samples.commune("1.000004", "Thủ tục cấp xã")).violations()).isEmpty();
        ProcedureCommand province = Samples.province("1.000005", "Thủ tục cấp tỉnh dùng loại đơn vị");
        ProcedureCase kinds = new ProcedureCase("TH1", "Thông thường", ProcessingTime.of("1", DurationUnit.WORKING_DAYS), null,
                List.of(Samples.step("Xử lý", Role.SPECIALIST, UnitRef.kind(UnitKind.DIVISION), "1")));
        assertThat(byField(check(Samples.withCases(province, List.of(kinds)))).get("cases[0].steps[0].unit").messageKey())
                .isEqualTo("procedure.step.unit.kindProvince");
    }

    @Test
    void theAgencyOfAProvinceProcedureIsAnActiveProvinceUnit() {
        ProcedureCommand c = Samples.province("1.000006", "Thủ tục");
        ProcedureCommand dissolved = new ProcedureCommand(c.code(), c.name(), c.field(), c.level(), UnitRef.unitCode("000.00.99.H40"),
                c.subjects(), c.methods(), c.onlineLevel(), false, false, c.cases(), c.components(), c.forms(), c.fees(), null,
                c.resultType(), c.legalBasis(), null);
        assertThat(byField(check(dissolved)).get("agency").messageKey()).isEqualTo("procedure.unit.dissolved");
        ProcedureCommand commune = new ProcedureCommand(c.code(), c.name(), c.field(), c.level(), UnitRef.unitCode("000.00.31.H40"),
                c.subjects(), c.methods(), c.onlineLevel(), false, false, c.cases(), c.components(), c.forms(), c.fees(), null,
                c.resultType(), c.legalBasis(), null);
        assertThat(byField(check(commune)).get("agency").messageKey()).isEqualTo("procedure.agency.level");
    }

    @Test
    void theFeeTotalWhenGivenIsTheSumOfTheFees() {
        ProcedureCommand c = Samples.province("1.000007", "Thủ tục phí");
        ProcedureCommand wrong = new ProcedureCommand(c.code(), c.name(), c.field(), c.level(), c.agency(), c.subjects(),
                c.methods(), c.onlineLevel(), false, false, c.cases(), c.components(), c.forms(),
                List.of(new Fee("Lệ phí", 50_000L, null), new Fee("Phí", 100_000L, null)), 100_000L, c.resultType(),
                c.legalBasis(), null);
        Violation v = byField(check(wrong)).get("feeVnd");
        assertThat(v.messageKey()).isEqualTo("procedure.feeVnd.mismatch");
        assertThat(v.args()).containsExactly(100_000L, 150_000L);
    }

    @Test
    void anOnlineLevelGoesWithTheOnlineMethod() {
        ProcedureCommand c = Samples.province("1.000008", "Thủ tục");
        ProcedureCommand noOnline = new ProcedureCommand(c.code(), c.name(), c.field(), c.level(), c.agency(), c.subjects(),
                Set.of(FilingMethod.IN_PERSON), OnlineLevel.FULL, false, false, c.cases(), c.components(), c.forms(), c.fees(),
                null, c.resultType(), c.legalBasis(), null);
        assertThat(byField(check(noOnline)).get("onlineLevel").messageKey()).isEqualTo("procedure.onlineLevel.mismatch");
    }

    @Test
    void componentsReferToKnownFormsAndCaseIdsAreFilledInAndUnique() {
        ProcedureCommand c = Samples.commune("1.000009", "Thủ tục");
        ProcedureCase a = c.cases().get(0);
        ProcedureCommand twoCases = new ProcedureCommand(c.code(), c.name(), c.field(), c.level(), null, c.subjects(), c.methods(),
                c.onlineLevel(), false, false, List.of(a, new ProcedureCase(null, "Khác", a.duration(), null, a.steps())),
                List.of(new ProcedureComponent("Tờ khai", 1, 0, "KHONG-CO")), List.of(), List.of(), null, c.resultType(),
                List.of(), null);
        Checked checked = check(twoCases);
        assertThat(byField(checked).get("components[0].form").messageKey()).isEqualTo("procedure.component.form.unknown");
        Checked ok = check(Samples.withCases(c, List.of(a, new ProcedureCase(null, "Khác", a.duration(), null, a.steps()))));
        assertThat(ok.content().cases()).extracting(ProcedureCase::id).containsExactly("TH1", "TH2");
        Checked dup = check(Samples.withCases(c, List.of(
                new ProcedureCase("A", "Một", a.duration(), null, a.steps()), new ProcedureCase("A", "Hai", a.duration(), null, a.steps()))));
        assertThat(byField(dup).get("cases[1].id").messageKey()).isEqualTo("procedure.case.id.duplicate");
    }

    @Test
    void textIsStoredNfcTrimmedAndWithoutDoubleSpaces() {
        String nfd = Normalizer.normalize("  Đăng ký   thành lập hộ kinh doanh ", Normalizer.Form.NFD);
        Checked c = check(Samples.named(Samples.commune("1.000010", "x"), nfd));
        assertThat(c.content().name()).isEqualTo("Đăng ký thành lập hộ kinh doanh");
        assertThat(Normalizer.isNormalized(c.content().name(), Normalizer.Form.NFC)).isTrue();
    }
}
