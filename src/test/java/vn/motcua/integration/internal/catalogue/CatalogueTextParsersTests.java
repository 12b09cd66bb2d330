package vn.motcua.integration.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.UnitRef;
import vn.motcua.integration.Finding;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/**
 * The texts of the national procedure database as its records and public
 * pages write them, and what the import reads from each: table-driven, one
 * row per text, no Spring.
 */
class CatalogueTextParsersTests {

    // --- durations ----------------------------------------------------------------------------------------

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("15 ngày làm việc", "15", DurationUnit.WORKING_DAYS, Finding.PARSED),
                Arguments.of("Trong ngày", "1", DurationUnit.WORKING_DAYS, Finding.GUESSED),
                Arguments.of("Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "3", DurationUnit.WORKING_DAYS, Finding.PARSED),
                Arguments.of("10 ngày", "10", DurationUnit.CALENDAR_DAYS, Finding.GUESSED),
                Arguments.of("Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo",
                        "1", DurationUnit.WORKING_DAYS, Finding.GUESSED),
                Arguments.of("Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo, nếu tiếp nhận yêu cầu sau 15 giờ",
                        "1", DurationUnit.WORKING_DAYS, Finding.GUESSED),
                Arguments.of("04 giờ làm việc", "4", DurationUnit.WORKING_HOURS, Finding.PARSED),
                Arguments.of("24 giờ", "24", DurationUnit.WORKING_HOURS, Finding.GUESSED),
                Arguments.of("02 buổi làm việc", "2", DurationUnit.HALF_DAYS, Finding.PARSED),
                Arguments.of("01 tháng kể từ ngày nhận đủ hồ sơ", "30", DurationUnit.CALENDAR_DAYS, Finding.GUESSED),
                Arguments.of("1,5 ngày làm việc", "1.5", DurationUnit.WORKING_DAYS, Finding.PARSED),
                Arguments.of("2,3 ngày làm việc", "2.5", DurationUnit.WORKING_DAYS, Finding.GUESSED),
                Arguments.of("TRONG THỜI HẠN 20 NGÀY LÀM VIỆC", "20", DurationUnit.WORKING_DAYS, Finding.PARSED),
                Arguments.of("Không quy định", null, null, Finding.NEEDS_PERSON),
                Arguments.of("", null, null, Finding.NEEDS_PERSON),
                Arguments.of("0 ngày làm việc", null, null, Finding.NEEDS_PERSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void readsADurationAsTheNationalDatabaseWritesIt(String text, String amount, DurationUnit unit, Finding finding) {
        Parsed<ProcessingTime> p = DurationParser.time(text);
        assertThat(p.finding()).isEqualTo(finding);
        if (amount == null) {
            assertThat(p.value()).isNull();
        } else {
            assertThat(p.value().amount()).isEqualByComparingTo(amount);
            assertThat(p.value().unit()).isEqualTo(unit);
        }
    }

    @Test
    void readsSeveralCasesInOneText() {
        List<DurationParser.Case> cases = DurationParser.cases(
                "Trường hợp thông thường: 03 ngày làm việc; Trường hợp phải xác minh: không quá 10 ngày làm việc");
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).name()).isEqualTo("Trường hợp thông thường");
        assertThat(cases.get(0).time().value()).isEqualTo(new ProcessingTime(new BigDecimal("3"), DurationUnit.WORKING_DAYS));
        assertThat(cases.get(1).name()).isEqualTo("Trường hợp phải xác minh");
        assertThat(cases.get(1).time().value()).isEqualTo(new ProcessingTime(new BigDecimal("10"), DurationUnit.WORKING_DAYS));
    }

    @Test
    void aConditionAfterTheTimeIsNotASecondCase() {
        List<DurationParser.Case> cases = DurationParser.cases("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; "
                + "trường hợp phải xác minh thì thời hạn kéo dài thêm không quá 05 ngày làm việc");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).time().value().amount()).isEqualByComparingTo("5");
    }

    static Stream<Arguments> nationalDurations() {
        return Stream.of(
                Arguments.of("15", "Ngày làm việc", "", "15", DurationUnit.WORKING_DAYS, Finding.PARSED),
                Arguments.of("20", "Ngày", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "20", DurationUnit.CALENDAR_DAYS, Finding.PARSED),
                Arguments.of("10", "Ngày", "10 ngày làm việc, kể từ ngày nhận đủ hồ sơ", "10", DurationUnit.WORKING_DAYS, Finding.GUESSED),
                Arguments.of("8", "Giờ làm việc", null, "8", DurationUnit.WORKING_HOURS, Finding.PARSED),
                Arguments.of("0", "", "Trong ngày", "1", DurationUnit.WORKING_DAYS, Finding.GUESSED),
                Arguments.of("", "", "Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "3", DurationUnit.WORKING_DAYS, Finding.PARSED),
                Arguments.of("", "", "Không quy định", null, null, Finding.NEEDS_PERSON));
    }

    @ParameterizedTest(name = "{0} {1} / {2}")
    @MethodSource("nationalDurations")
    void readsTheNationalFieldsOfATime(String amountText, String unitText, String description, String amount,
                                        DurationUnit unit, Finding finding) {
        Parsed<ProcessingTime> p = DurationParser.fields(amountText, unitText, description);
        assertThat(p.finding()).isEqualTo(finding);
        if (amount == null) {
            assertThat(p.value()).isNull();
        } else {
            assertThat(p.value()).isEqualTo(new ProcessingTime(new BigDecimal(amount), unit));
        }
    }

    // --- fees --------------------------------------------------------------------------------------------------

    static Stream<Arguments> fees() {
        return Stream.of(
                Arguments.of("Miễn phí", List.of(0L), Finding.PARSED),
                Arguments.of("Miễn lệ phí", List.of(0L), Finding.PARSED),
                Arguments.of("Không", List.of(), Finding.PARSED),
                Arguments.of("Không có", List.of(), Finding.PARSED),
                Arguments.of("50.000 đồng/hồ sơ", List.of(50_000L), Finding.PARSED),
                Arguments.of("Lệ phí: 100.000 đồng; Phí: 50.000 đồng", List.of(100_000L, 50_000L), Finding.PARSED),
                Arguments.of("Lệ phí: 100.000 đồng; Phí: …", List.of(100_000L), Finding.NEEDS_PERSON),
                Arguments.of("Lệ phí: 1.500.000 đồng/trường hợp", List.of(1_500_000L), Finding.PARSED),
                Arguments.of("1,5 triệu đồng", List.of(1_500_000L), Finding.PARSED),
                Arguments.of("100.000đ", List.of(100_000L), Finding.PARSED),
                Arguments.of("8.000 đồng/bản sao trích lục", List.of(8_000L), Finding.GUESSED),
                Arguments.of("2.000 đồng/trang, từ trang thứ ba trở lên thu 1.000 đồng/trang, nhưng mức thu tối đa không quá 200.000 đồng/bản",
                        List.of(2_000L), Finding.GUESSED),
                Arguments.of("Lệ phí: theo quy định của Hội đồng nhân dân cấp tỉnh", List.of(), Finding.NEEDS_PERSON),
                Arguments.of("0,1% giá trị tài sản", List.of(), Finding.NEEDS_PERSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fees")
    void readsFeesAsPublished(String text, List<Long> amounts, Finding worst) {
        FeeParser.Result r = FeeParser.parse(text);
        assertThat(r.fees()).extracting(Fee::amountVnd).containsExactlyElementsOf(amounts);
        assertThat(r.parts().stream().map(Parsed::finding).reduce(Finding.PARSED, Finding::worst)).isEqualTo(worst);
    }

    @Test
    void aFeeIsNamedByItsLabelAndKeepsItsTextAsNote() {
        FeeParser.Result r = FeeParser.parse("Lệ phí: 100.000 đồng; Phí thẩm định: 50.000 đồng/hồ sơ");
        assertThat(r.fees()).containsExactly(new Fee("Lệ phí", 100_000L, "Lệ phí: 100.000 đồng"),
                new Fee("Phí thẩm định", 50_000L, "Phí thẩm định: 50.000 đồng/hồ sơ"));
    }

    // --- components ------------------------------------------------------------------------------------------

    static Stream<Arguments> components() {
        return Stream.of(
                Arguments.of("Tờ khai đăng ký khai sinh theo mẫu (1 bản chính)", "Tờ khai đăng ký khai sinh theo mẫu", 1, 0, Finding.PARSED),
                Arguments.of("Giấy chứng sinh (Bản sao: 1, Bản chính: 0)", "Giấy chứng sinh", 0, 1, Finding.PARSED),
                Arguments.of("Hộ chiếu (Bản chính: 1, Bản sao: 2)", "Hộ chiếu", 1, 2, Finding.PARSED),
                Arguments.of("Tờ khai đăng ký kết hôn theo mẫu (02 bản chính)", "Tờ khai đăng ký kết hôn theo mẫu", 2, 0, Finding.PARSED),
                Arguments.of("Giấy tờ chứng minh nơi cư trú: 01 bản chính và 01 bản sao", "Giấy tờ chứng minh nơi cư trú: 01 bản chính và 01 bản sao", 1, 1, Finding.PARSED),
                Arguments.of("Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân", "Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân", 0, 1, Finding.GUESSED),
                Arguments.of("Bản sao hộ chiếu", "Bản sao hộ chiếu", 0, 1, Finding.GUESSED),
                Arguments.of("- Đơn đề nghị", "Đơn đề nghị", 1, 0, Finding.GUESSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void readsAComponentAndItsCountsFromText(String text, String name, int originals, int copies, Finding finding) {
        Parsed<ProcedureComponent> p = ComponentParser.text(text);
        assertThat(p.finding()).isEqualTo(finding);
        assertThat(p.value()).isEqualTo(new ProcedureComponent(name, originals, copies, null));
    }

    @Test
    void nationalCountsWinOverTheTextAndZeroCountsFallBackToIt() {
        assertThat(ComponentParser.fields("Tờ khai", "1", "0").value()).isEqualTo(new ProcedureComponent("Tờ khai", 1, 0, null));
        assertThat(ComponentParser.fields("Tờ khai (02 bản chính)", "0", "0"))
                .isEqualTo(Parsed.parsed(new ProcedureComponent("Tờ khai", 2, 0, null), "component.fromText"));
        assertThat(ComponentParser.fields("Ảnh 4x6", "0", "0").finding()).isEqualTo(Finding.GUESSED);
        assertThat(ComponentParser.fields("Ảnh 4x6", "0", "0").value()).isEqualTo(new ProcedureComponent("Ảnh 4x6", 1, 0, null));
        assertThat(ComponentParser.fields(" ", "1", "0").finding()).isEqualTo(Finding.NEEDS_PERSON);
    }

    // --- levels ------------------------------------------------------------------------------------------------

    static Stream<Arguments> levels() {
        return Stream.of(
                Arguments.of("Cấp tỉnh", UnitLevel.PROVINCE, Finding.PARSED),
                Arguments.of("Cấp xã", UnitLevel.COMMUNE, Finding.PARSED),
                Arguments.of("Cấp Tỉnh", UnitLevel.PROVINCE, Finding.PARSED),
                Arguments.of("1", UnitLevel.PROVINCE, Finding.PARSED),
                Arguments.of("3", UnitLevel.COMMUNE, Finding.PARSED),
                Arguments.of("Cấp huyện", UnitLevel.COMMUNE, Finding.GUESSED),
                Arguments.of("Cấp Tỉnh, Cấp Xã", UnitLevel.PROVINCE, Finding.GUESSED),
                Arguments.of("Cấp Huyện, Cấp Xã", UnitLevel.COMMUNE, Finding.GUESSED),
                Arguments.of("Cấp Bộ", null, Finding.NEEDS_PERSON),
                Arguments.of("", null, Finding.NEEDS_PERSON),
                Arguments.of("Cơ quan khác", null, Finding.NEEDS_PERSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void readsTheLevel(String text, UnitLevel level, Finding finding) {
        Parsed<UnitLevel> p = LevelParser.parse(text);
        assertThat(p.value()).isEqualTo(level);
        assertThat(p.finding()).isEqualTo(finding);
    }

    // --- agencies ----------------------------------------------------------------------------------------------

    private static final List<UnitView> UNITS = List.of(
            unit(1, "Ủy ban nhân dân tỉnh Nghệ An", UnitKind.PEOPLES_COMMITTEE, UnitLevel.PROVINCE, true),
            unit(2, "Sở Tư pháp", UnitKind.AGENCY, UnitLevel.PROVINCE, true),
            unit(3, "Sở Tài chính", UnitKind.AGENCY, UnitLevel.PROVINCE, true),
            unit(4, "Sở Nông nghiệp và Môi trường", UnitKind.AGENCY, UnitLevel.PROVINCE, true),
            unit(5, "Sở Giao thông vận tải", UnitKind.AGENCY, UnitLevel.PROVINCE, false),
            unit(6, "Trung tâm Phục vụ hành chính công tỉnh Nghệ An", UnitKind.SERVICE_CENTRE, UnitLevel.PROVINCE, true),
            unit(7, "Phòng Hành chính tư pháp", UnitKind.DIVISION, UnitLevel.PROVINCE, true),
            unit(8, "Ủy ban nhân dân xã Diễn Châu", UnitKind.COMMUNE, UnitLevel.COMMUNE, true));

    static Stream<Arguments> agencies() {
        return Stream.of(
                Arguments.of(List.of("Ủy ban nhân dân cấp tỉnh"), UnitLevel.PROVINCE, 1L, Finding.PARSED),
                Arguments.of(List.of("UBND tỉnh"), UnitLevel.PROVINCE, 1L, Finding.PARSED),
                Arguments.of(List.of("Chủ tịch Ủy ban nhân dân cấp tỉnh"), UnitLevel.PROVINCE, 1L, Finding.PARSED),
                Arguments.of(List.of("Sở Tư pháp"), UnitLevel.PROVINCE, 2L, Finding.PARSED),
                Arguments.of(List.of("Sở Tư pháp tỉnh Nghệ An"), UnitLevel.PROVINCE, 2L, Finding.PARSED),
                Arguments.of(List.of("SỞ TƯ PHÁP"), UnitLevel.PROVINCE, 2L, Finding.PARSED),
                Arguments.of(List.of("Sở Kế hoạch và Đầu tư"), UnitLevel.PROVINCE, 3L, Finding.GUESSED),
                Arguments.of(List.of("Sở Tài nguyên và Môi trường"), UnitLevel.PROVINCE, 4L, Finding.GUESSED),
                Arguments.of(List.of("Công an tỉnh", "Sở Tư pháp"), UnitLevel.PROVINCE, 2L, Finding.PARSED),
                Arguments.of(List.of("Sở Giao thông vận tải"), UnitLevel.PROVINCE, null, Finding.NEEDS_PERSON),
                Arguments.of(List.of("Phòng Hành chính tư pháp"), UnitLevel.PROVINCE, null, Finding.NEEDS_PERSON),
                Arguments.of(List.of("Công an tỉnh"), UnitLevel.PROVINCE, null, Finding.NEEDS_PERSON),
                Arguments.of(List.of(), UnitLevel.PROVINCE, null, Finding.NEEDS_PERSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agencies")
    void resolvesAProvincialAgencyToAUnit(List<String> names, UnitLevel level, Long unitId, Finding finding) {
        Parsed<UnitRef> p = new AgencyResolver(UNITS).resolve(names, level);
        assertThat(p.finding()).isEqualTo(finding);
        assertThat(p.value() == null ? null : p.value().id()).isEqualTo(unitId);
    }

    @Test
    void aCommuneLevelProcedureIsDoneByEveryCommune() {
        AgencyResolver resolver = new AgencyResolver(UNITS);
        Parsed<UnitRef> named = resolver.resolve(List.of("Ủy ban nhân dân cấp xã"), UnitLevel.COMMUNE);
        assertThat(named).isEqualTo(Parsed.parsed(UnitRef.kind(UnitKind.COMMUNE), "agency.commune"));
        Parsed<UnitRef> other = resolver.resolve(List.of("Phòng Tài chính - Kế hoạch"), UnitLevel.COMMUNE);
        assertThat(other).isEqualTo(Parsed.guessed(UnitRef.kind(UnitKind.COMMUNE), "agency.communeDefault"));
        assertThat(resolver.serviceCentre().id()).isEqualTo(6L);
    }

    private static UnitView unit(long id, String name, UnitKind kind, UnitLevel level, boolean active) {
        return new UnitView(id, "000.00." + id + ".H40", name, kind, level, null, null, null, active, null, 0);
    }
}
