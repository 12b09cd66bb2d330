package vn.motcua.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalog.CatalogService;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.indicators.internal.ReportExporter;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Form 07b from the catalogue: a department's procedures by level, the
 * commune-level ones of its field, under the one-stop mechanism and with a
 * workflow; prepared by a supervisor on the page, downloaded as XLSX and
 * read cell by cell.
 */
class CatalogueReportTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    CatalogService catalog;

    @Autowired
    ReportService reports;

    static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    /** A commune-level procedure of the field, published, with or without a workflow step for every case. */
    void communeProcedure(String field) {
        String code = String.format("8.%06d", 100_000 + SEQ.incrementAndGet() + (int) (System.nanoTime() % 800_000));
        catalog.create(new ProcedureCommand(code, "Xác nhận thử nghiệm cấp xã " + code, field, UnitLevel.COMMUNE,
                UnitRef.kind(UnitKind.COMMUNE), List.of("Công dân"), Set.of(FilingMethod.IN_PERSON), OnlineLevel.NONE,
                false, false,
                List.of(new ProcedureCase("chung", "Trường hợp chung", ProcessingTime.of("3", DurationUnit.WORKING_DAYS), null,
                        List.of(new Step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, UnitRef.kind(UnitKind.ONE_STOP_DESK), BigDecimal.ZERO),
                                new Step("Phê duyệt", Role.LEADER, UnitRef.kind(UnitKind.COMMUNE), new BigDecimal("3"))))),
                List.of(new ProcedureComponent("Tờ khai", 1, 0, null)), List.of(), List.of(new Fee("Miễn phí", 0L, null)), 0L,
                "Giấy xác nhận", List.of(), null), "test");
        catalog.publish(code, "02/QĐ-UBND", LocalDate.of(2026, 1, 5), "test");
    }

    /** Another province-level procedure of the world's agency, in the field. */
    void provinceProcedure(DossierFixtures.World w, String field) {
        String code = String.format("7.%06d", 100_000 + SEQ.incrementAndGet() + (int) (System.nanoTime() % 800_000));
        catalog.create(new ProcedureCommand(code, "Cấp phép thử nghiệm " + code, field, UnitLevel.PROVINCE,
                UnitRef.unit(w.agency().id()), List.of("Công dân"), Set.of(FilingMethod.IN_PERSON, FilingMethod.POST),
                OnlineLevel.NONE, false, false,
                List.of(new ProcedureCase("chung", "Trường hợp chung", ProcessingTime.of("5", DurationUnit.WORKING_DAYS), null,
                        List.of(new Step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, UnitRef.unit(w.desk().id()), BigDecimal.ZERO),
                                new Step("Thẩm định", Role.SPECIALIST, UnitRef.unit(w.division().id()), new BigDecimal("4")),
                                new Step("Phê duyệt", Role.LEADER, UnitRef.unit(w.agency().id()), BigDecimal.ONE)))),
                List.of(new ProcedureComponent("Tờ khai", 1, 0, null)), List.of(), List.of(new Fee("Lệ phí", 50_000L, null)),
                50_000L, "Giấy phép", List.of(), null), "test");
        catalog.publish(code, "03/QĐ-UBND", LocalDate.of(2026, 1, 5), "test");
    }

    static long[] line(Report r, String label) {
        return r.lines().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow().values();
    }

    @Test
    void form07bCountsEachDepartmentsProceduresByLevelAndTheFormIsDownloaded() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);

        // the agency implements one province-level procedure, filed in person or online, with a 4-step workflow
        Report r = reports.generateCatalogueReport(from, to, supervisor);
        assertThat(r.form()).isEqualTo("07b");
        assertThat(r.formCode()).isEqualTo("Biểu số II.07b/VPCP/KSTT");
        assertThat(line(r, w.agency().name())).containsExactly(1, 1, 0, 1, 1, 0, 1, 1, 0);

        // a commune-level procedure in a field only this agency holds at province level is the agency's;
        // one in a field no department holds is listed apart
        String field = "Lĩnh vực riêng " + System.nanoTime();
        provinceProcedure(w, field);
        communeProcedure(field);
        communeProcedure("Lĩnh vực không sở nào " + System.nanoTime());
        r = reports.generateCatalogueReport(from, to, supervisor);
        assertThat(line(r, w.agency().name())).containsExactly(3, 2, 1, 3, 2, 1, 3, 2, 1);
        long[] unassigned = line(r, "Lĩnh vực chưa gắn với sở, ngành");
        assertThat(unassigned[0]).isGreaterThanOrEqualTo(1);
        assertThat(unassigned[1]).isZero();

        // every line adds up across its levels; the total is the sum of the levels
        for (Report.Line l : r.lines()) {
            long[] v = l.values();
            assertThat(v[0]).as(l.label()).isEqualTo(v[1] + v[2]);
            assertThat(v[3]).as(l.label()).isEqualTo(v[4] + v[5]);
            assertThat(v[6]).as(l.label()).isEqualTo(v[7] + v[8]);
            assertThat(v[3]).as(l.label()).isLessThanOrEqualTo(v[0]);
        }
        long[] total = r.total().values();
        long rows = r.lines().subList(0, r.lines().size() - 1).stream().mapToLong(l -> l.values()[0]).sum();
        assertThat(total[0]).isGreaterThanOrEqualTo(rows);

        // prepared on the page by a supervisor; downloaded and read cell by cell
        String location = mvc.perform(post("/indicators/reports/07b").param("from", from.toString()).param("to", to.toString())
                        .with(csrf()).with(user(supervisor)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/indicators/reports/\\d+");
        byte[] xlsx = mvc.perform(get(location + "/xlsx").with(user(supervisor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH THỰC HIỆN THEO CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).startsWith("Biểu số II.07b/VPCP/KSTT");
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).contains("01/01/2026", "31/03/2026",
                    "Đơn vị tính: Số TTHC, số quy trình");
            Row groups = s.getRow(4);
            Row labels = s.getRow(5);
            assertThat(groups.getCell(2).getStringCellValue()).isEqualTo("Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương");
            assertThat(groups.getCell(5).getStringCellValue()).isEqualTo("TTHC được thực hiện theo cơ chế một cửa, một cửa liên thông");
            assertThat(labels.getCell(3).getStringCellValue()).isEqualTo("Cấp tỉnh");
            assertThat(labels.getCell(4).getStringCellValue()).isEqualTo("Cấp xã"); // no district column since July 2025
            assertThat(labels.getLastCellNum()).isEqualTo((short) 11);
            Row agency = null;
            for (int i = ReportExporter.FIRST_DATA_ROW; i <= s.getLastRowNum(); i++) {
                Row x = s.getRow(i);
                if (x != null && x.getCell(1) != null && w.agency().name().equals(x.getCell(1).getStringCellValue())) {
                    agency = x;
                }
            }
            assertThat(agency).isNotNull();
            for (int c = 2; c <= 10; c++) {
                assertThat(agency.getCell(c).getNumericCellValue()).as("column " + (c + 1))
                        .isEqualTo(new double[]{3, 2, 1, 3, 2, 1, 3, 2, 1}[c - 2]);
            }
        }
        byte[] pdf = mvc.perform(get(location + "/pdf").with(user(supervisor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // a department's leader does not prepare the province's form
        mvc.perform(post("/indicators/reports/07b").param("from", from.toString()).param("to", to.toString())
                        .with(csrf()).with(user(w.leaderPrincipal())))
                .andExpect(status().isForbidden());
        assertThat(reports.get(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)),
                OfficerScope.everything(null)).lines()).isNotEmpty();
    }
}
