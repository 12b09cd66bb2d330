package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Samples;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.VersionStatus;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.InvalidInput;
import vn.motcua.support.IntegrationTest;

/**
 * The catalogue import in the national database's shapes, against the real
 * catalogue: every record gets a row, drafts are made and never published,
 * re-imports update drafts and propose versions of published procedures, one
 * bad record does not stop the others.
 */
class CatalogueImportTests extends IntegrationTest {

    @Autowired
    CatalogueImports imports;
    @Autowired
    CatalogService catalog;
    @Autowired
    AuditTrail audit;

    @Test
    void importsTheFileOfRealNationalRecordsAndReportsEveryRow() throws Exception {
        byte[] file = read("integration/national-procedures.json");

        CatalogueImportReport report = imports.importFile("national-procedures.json", file, "admin");

        assertThat(report.format()).isEqualTo("NATIONAL_JSON");
        assertThat(report.total()).isEqualTo(32);
        assertThat(report.rows()).hasSize(32).allSatisfy(r -> {
            assertThat(r.code()).matches("\\d\\.\\d{6}");
            assertThat(r.notes()).isNotEmpty();
        });
        assertThat(report.parsed() + report.guessed() + report.needsPerson()).isEqualTo(32);
        Map<String, CatalogueImportRow> rows = report.rows().stream()
                .collect(Collectors.toMap(CatalogueImportRow::code, Function.identity()));

        // written plainly: a commune-level civil status procedure, every value parsed
        CatalogueImportRow death = rows.get("1.000419");
        assertThat(death.outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(death.status()).isEqualTo(Finding.PARSED);
        ProcedureDetail d = catalog.latest("1.000419");
        assertThat(d.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(d.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(d.agency().kind()).isEqualTo(UnitKind.COMMUNE);
        assertThat(d.duration()).isEqualTo(ProcessingTime.of("5", DurationUnit.WORKING_DAYS));
        assertThat(d.fees()).extracting(Fee::amountVnd).containsExactly(0L);
        assertThat(d.components()).hasSize(2);
        assertThat(d.legalBasis()).hasSize(3);
        // the default workflow of the commune template: desk → division → committee → desk, adding up to the time
        assertThat(d.cases().get(0).steps()).extracting(Step::role)
                .containsExactly(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER, Role.ONE_STOP_OFFICER);
        assertThat(d.cases().get(0).steps()).extracting(s -> s.unit().kind())
                .containsExactly(UnitKind.ONE_STOP_DESK, UnitKind.DIVISION, UnitKind.COMMUNE, UnitKind.ONE_STOP_DESK);
        assertThat(d.cases().get(0).steps().stream().map(Step::share).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("5");

        // "Ngay trong ngày…": the same working day, guessed; the district level of old records: the commune, guessed
        CatalogueImportRow birth = rows.get("2.000528");
        assertThat(birth.status()).isEqualTo(Finding.GUESSED);
        assertThat(birth.notes(Finding.GUESSED)).extracting(ImportNote::key)
                .contains("catimport.note.duration.sameDay", "catimport.note.level.district");
        assertThat(catalog.latest("2.000528").duration()).isEqualTo(ProcessingTime.of("1", DurationUnit.WORKING_DAYS));

        // a department merged in 2025 is resolved to its successor, as a guess; "10 Ngày" described as working days
        CatalogueImportRow workPermit = rows.get("1.014197");
        assertThat(workPermit.notes(Finding.GUESSED)).extracting(ImportNote::key).contains("catimport.note.agency.merged");
        assertThat(catalog.latest("1.014197").agency().name()).isEqualTo("Sở Nội vụ");
        assertThat(catalog.latest("2.000806").duration()).isEqualTo(ProcessingTime.of("10", DurationUnit.WORKING_DAYS));

        // a province-level procedure: the agency by name, the desk at the service centre, fees per permit
        ProcedureDetail permit = catalog.latest("1.013228");
        assertThat(permit.level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(permit.agency().name()).isEqualTo("Sở Xây dựng");
        assertThat(permit.cases().get(0).steps().get(0).unit().name()).isEqualTo("Trung tâm Phục vụ hành chính công tỉnh Nghệ An");
        assertThat(permit.fees()).extracting(Fee::amountVnd).containsExactly(15_000L);

        // two times in the record, or two cases in one description: two cases
        assertThat(catalog.latest("2.002307").cases()).extracting(c -> c.duration().amount().intValue()).containsExactly(10, 15);
        assertThat(catalog.latest("2.002308").cases()).extracting(c -> c.duration().amount().intValue()).containsExactly(10, 20);

        // fees read from text: a range per page is guessed; a fee "as the council decides" needs a person but the draft is saved
        assertThat(rows.get("2.000942").notes(Finding.GUESSED)).extracting(ImportNote::key).contains("catimport.note.fee.several");
        CatalogueImportRow reDeath = rows.get("1.005461");
        assertThat(reDeath.status()).isEqualTo(Finding.NEEDS_PERSON);
        assertThat(reDeath.outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(reDeath.notes(Finding.NEEDS_PERSON)).extracting(ImportNote::key).containsExactly("catimport.note.fee.noAmount");
        assertThat(catalog.latest("1.004194").fees()).extracting(Fee::amountVnd).containsExactly(15_000L, 7_000L);

        // no time at all ("Không quy định"): nothing saved, a person must supply it
        for (String code : List.of("2.000950", "2.000930", "1.011607", "3.000182")) {
            assertThat(rows.get(code).outcome()).as(code).isEqualTo(ImportOutcome.NOT_SAVED);
            assertThat(rows.get(code).notes(Finding.NEEDS_PERSON)).as(code).extracting(ImportNote::field).contains("duration");
            assertThat(catalog.exists(code)).as(code).isFalse();
        }
        // nothing is published by the import
        for (CatalogueImportRow r : report.rows()) {
            assertThat(catalog.findPublished(r.code())).as(r.code()).isEmpty();
        }
        assertThat(audit.about("catalogue-import", String.valueOf(report.id()), 5))
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo("integration.catalogue.imported"));
    }

    @Test
    void reimportingUpdatesTheDraftThenProposesANewVersionOfThePublishedProcedure() {
        String code = Samples.code();
        String first = national(code, "Cấp Tỉnh", "Sở Tư pháp", "10", "Ngày làm việc", "Lệ phí: 100.000 đồng/hồ sơ");

        CatalogueImportRow created = only(imports.importFile("a.json", bytes("[" + first + "]"), "admin"));
        assertThat(created.outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(created.status()).isEqualTo(Finding.PARSED);
        assertThat(created.version()).isEqualTo(1);

        assertThat(only(imports.importFile("a.json", bytes("[" + first + "]"), "admin")).outcome())
                .isEqualTo(ImportOutcome.UNCHANGED);

        String longer = national(code, "Cấp Tỉnh", "Sở Tư pháp", "12", "Ngày làm việc", "Lệ phí: 100.000 đồng/hồ sơ");
        CatalogueImportRow updated = only(imports.importFile("b.json", bytes("[" + longer + "]"), "admin"));
        assertThat(updated.outcome()).isEqualTo(ImportOutcome.DRAFT_UPDATED);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(catalog.latest(code).duration().amount()).isEqualByComparingTo("12");

        catalog.publish(code, "1234/QĐ-UBND", LocalDate.now(clock), "admin");
        String again = national(code, "Cấp Tỉnh", "Sở Tư pháp", "12", "Ngày làm việc", "Lệ phí: 150.000 đồng/hồ sơ");
        CatalogueImportRow proposed = only(imports.importFile("c.json", bytes("[" + again + "]"), "admin"));
        assertThat(proposed.outcome()).isEqualTo(ImportOutcome.VERSION_PROPOSED);
        assertThat(proposed.version()).isEqualTo(2);
        // the published version stays as it was; the new one waits as a draft, with the workflow a person may have tuned
        assertThat(catalog.published(code).version()).isEqualTo(1);
        assertThat(catalog.published(code).feeVnd()).isEqualTo(100_000L);
        assertThat(catalog.latest(code).status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(catalog.latest(code).feeVnd()).isEqualTo(150_000L);
        assertThat(proposed.notes()).extracting(ImportNote::key).contains("catimport.note.workflow.kept");
    }

    @Test
    void oneBadRecordDoesNotStopTheOthers() {
        String good = Samples.code();
        String unknownAgency = Samples.code();
        String json = "{\"error_code\":0,\"result\":[" + national(good, "Cấp Xã", "UBND cấp xã", "3", "Ngày làm việc", "Miễn phí")
                + ", \"not a record\""
                + ", " + national("12345", "Cấp Xã", "UBND cấp xã", "3", "Ngày làm việc", "Không")
                + ", " + national(unknownAgency, "Cấp Tỉnh", "Cục Hải quan", "3", "Ngày làm việc", "Không")
                + ", " + national(good, "Cấp Xã", "UBND cấp xã", "4", "Ngày làm việc", "Không")
                + ", " + national(Samples.code(), "Cấp Bộ", "Bộ Tư pháp", "3", "Ngày làm việc", "Không") + "]}";

        CatalogueImportReport report = imports.importFile("mixed.json", bytes(json), "admin");

        assertThat(report.rows()).extracting(CatalogueImportRow::outcome).containsExactly(ImportOutcome.CREATED,
                ImportOutcome.NOT_SAVED, ImportOutcome.NOT_SAVED, ImportOutcome.NOT_SAVED, ImportOutcome.NOT_SAVED,
                ImportOutcome.NOT_SAVED);
        assertThat(report.rows()).extracting(r -> r.notes().get(0).key()).containsExactly(
                report.rows().get(0).notes().get(0).key(), "catimport.note.record.notObject", "catimport.note.code.pattern",
                report.rows().get(3).notes().get(0).key(), "catimport.note.record.duplicate",
                "catimport.note.level.central");
        assertThat(report.rows().get(3).notes(Finding.NEEDS_PERSON)).extracting(ImportNote::key)
                .containsExactly("catimport.note.agency.unknown");
        assertThat(report.needsPerson()).isEqualTo(5);
        assertThat(catalog.latest(good).duration().amount()).isEqualByComparingTo("3");
        assertThat(catalog.exists(unknownAgency)).isFalse();
    }

    @Test
    void importsSheetsAndPublicPageJsonWithVietnameseHeaders() throws Exception {
        String csvCode = Samples.code();
        String csv = "Mã thủ tục;Tên thủ tục;Cấp thực hiện;Cơ quan thực hiện;Lĩnh vực;Cách thức thực hiện;Thời hạn giải quyết;"
                + "Phí, lệ phí;Thành phần hồ sơ;Kết quả thực hiện;Căn cứ pháp lý\n"
                + csvCode + ";Cấp bản sao trích lục hộ tịch;Cấp xã;Ủy ban nhân dân cấp xã;Hộ tịch;\"Trực tiếp\nTrực tuyến toàn trình\";"
                + "Trong ngày;8.000 đồng/bản sao;\"Tờ khai cấp bản sao trích lục (1 bản chính)\nGiấy ủy quyền (Bản sao: 1, Bản chính: 0)\";"
                + "Bản sao trích lục hộ tịch;\"Luật Hộ tịch số 60/2014/QH13\"\n";
        CatalogueImportReport fromCsv = imports.importFile("thu-tuc.csv", csv.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(fromCsv.format()).isEqualTo("CSV");
        assertThat(only(fromCsv).outcome()).isEqualTo(ImportOutcome.CREATED);
        ProcedureDetail copy = catalog.latest(csvCode);
        assertThat(copy.onlineLevel()).isEqualTo(vn.motcua.catalog.OnlineLevel.FULL);
        assertThat(copy.components()).extracting(c -> c.name() + " " + c.originals() + "/" + c.copies())
                .containsExactly("Tờ khai cấp bản sao trích lục 1/0", "Giấy ủy quyền 0/1");
        assertThat(copy.fees()).extracting(Fee::amountVnd).containsExactly(8_000L);
        assertThat(copy.legalBasis().get(0).number()).isEqualTo("60/2014/QH13");

        String xlsxCode = Samples.code();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("TTHC");
            String[] header = {"Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Cơ quan thực hiện", "Lĩnh vực",
                "Thời hạn giải quyết", "Phí, lệ phí", "Thành phần hồ sơ", "Kết quả thực hiện"};
            String[] row = {xlsxCode, "Đăng ký hoạt động Văn phòng công chứng", "Cấp tỉnh", "Sở Tư pháp tỉnh Nghệ An",
                "Công chứng", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "1.000.000 đồng/hồ sơ",
                "Đơn đề nghị đăng ký hoạt động (1 bản chính)", "Giấy đăng ký hoạt động"};
            var h = sheet.createRow(0);
            var r = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                r.createCell(i).setCellValue(row[i]);
            }
            wb.write(out);
        }
        CatalogueImportReport fromXlsx = imports.importFile("thu-tuc.xlsx", out.toByteArray(), "admin");
        assertThat(fromXlsx.format()).isEqualTo("XLSX");
        assertThat(only(fromXlsx).status()).isEqualTo(Finding.GUESSED); // no filing method given: in person
        assertThat(catalog.latest(xlsxCode).agency().name()).isEqualTo("Sở Tư pháp");
        assertThat(catalog.latest(xlsxCode).feeVnd()).isEqualTo(1_000_000L);

        String pageCode = Samples.code();
        String page = "[{\"maThuTuc\":\"" + pageCode + "\",\"tenThuTuc\":\"Đăng ký lại kết hôn\",\"capThucHien\":\"Cấp Xã\","
                + "\"coQuanThucHien\":\"Ủy ban nhân dân cấp xã\",\"linhVuc\":\"Hộ tịch\",\"thoiHanGiaiQuyet\":\"05 ngày làm việc\","
                + "\"phiLePhi\":\"Lệ phí: 30.000 đồng; Phí: …\",\"thanhPhanHoSo\":[\"Tờ khai đăng ký lại kết hôn (1 bản chính)\"],"
                + "\"ketQuaThucHien\":[\"Giấy chứng nhận kết hôn\"]}]";
        CatalogueImportReport fromPage = imports.importFile("trang.json", bytes(page), "admin");
        assertThat(fromPage.format()).isEqualTo("PUBLIC_JSON");
        assertThat(only(fromPage).notes(Finding.NEEDS_PERSON)).extracting(ImportNote::key).containsExactly("catimport.note.fee.noAmount");
        assertThat(catalog.latest(pageCode).fees()).extracting(Fee::amountVnd).containsExactly(30_000L);
    }

    @Test
    void aFileThatIsNoneOfTheShapesIsRefusedWhole() {
        long before = imports.recent(200).size();
        assertThatThrownBy(() -> imports.importFile("x.json", bytes("{\"hello\": 1}"), "admin"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("file", "catimport.file.shape"));
        assertThatThrownBy(() -> imports.importFile("x.csv", bytes("a;b\n1;2\n"), "admin"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("file", "catimport.file.headers"));
        assertThatThrownBy(() -> imports.importFile("x.json", bytes("[{"), "admin"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("file", "catimport.file.unreadable"));
        assertThat(imports.recent(200)).hasSize((int) Math.min(200, before));
    }

    @Test
    void theDemoShowsOneFinishedImportWithEveryKindOfRow() {
        CatalogueImportReport demo = imports.recent(200).stream()
                .filter(r -> "thu-tuc-cong-bo-2025.json".equals(r.fileName())).findFirst().orElseThrow();
        CatalogueImportReport full = imports.report(demo.id());
        assertThat(full.format()).isEqualTo("PUBLIC_JSON");
        assertThat(full.rows()).hasSize(7);
        assertThat(full.rows()).extracting(CatalogueImportRow::status)
                .contains(Finding.PARSED, Finding.GUESSED, Finding.NEEDS_PERSON);
        assertThat(full.rows()).extracting(CatalogueImportRow::outcome).contains(ImportOutcome.NOT_SAVED);
        // the department under its old name is resolved to its successor, as a guess
        assertThat(catalog.latest("1.014198").agency().name()).isEqualTo("Sở Nội vụ");
        assertThat(catalog.findPublished("1.014199")).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** One record in the national database's shape. */
    static String national(String code, String level, String agency, String amount, String unit, String fee) {
        return """
                {"MATTHC":"%s","TENTTHC":"Thủ tục thử %s","CAPTHUCHIEN":[{"CAPTHUCHIEN":"%s"}],
                 "COQUANTHUCHIEN":[{"MADONVI":"","TENDONVI":"%s"}],"LINHVUCTHUCHIEN":[{"MALINHVUC":"","TENLINHVUC":"Hộ tịch"}],
                 "CACHTHUCTHUCHIEN":[{"KENH":"Trực tiếp","THOIGIAN":[{"THOIGIANGIAIQUYET":"%s","DONVITINH":"%s","MOTA":"",
                   "PHILEPHI":[{"MAPHILEPHI":"","SOTIEN":"","DONVI":"Đồng","MOTA":"%s"}]}]}],
                 "THANHPHANHOSO":[{"TRUONGHOP":"","GIAYTO":[{"TENGIAYTO":"Tờ khai","SOBANCHINH":"1","SOBANSAO":"0"}]}],
                 "KETQUATHUCHIEN":[{"TENKETQUA":"Giấy chứng nhận"}],"CANCUPHAPLY":[]}
                """.formatted(code, code, level, agency, amount, unit, fee);
    }

    private static CatalogueImportRow only(CatalogueImportReport report) {
        assertThat(report.rows()).hasSize(1);
        return report.rows().get(0);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(String resource) throws Exception {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
