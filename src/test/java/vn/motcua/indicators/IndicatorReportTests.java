package vn.motcua.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.indicators.internal.ReportDraftJob;
import vn.motcua.indicators.internal.ReportExporter;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Form 06a of a department from the read model, worked out by hand; the
 * leader signs and submits, the supervisor returns it with comments and
 * consolidates the province's report; the XLSX is checked cell by cell; the
 * job prepares the drafts of the quarter that just ended.
 */
class IndicatorReportTests extends IntegrationTest {

    static final LocalDate Q1_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2026, 3, 31);

    @Autowired
    IndicatorFixtures data;

    @Autowired
    ReportService reports;

    @Autowired
    ReportDraftJob job;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /**
     * The quarter of {@link IndicatorFixtures#quarter()}: received 6 (D1–D5, D8; D6 was refused), of which 1 online
     * and 5 at the desk, none carried over; handled 3 (D1 and D5 early, D2 late); pending at the end 3 (D4 within the
     * deadline, D3 and D8 overdue). Columns 3–13.
     */
    static final long[] Q1 = {6, 1, 5, 0, 3, 2, 0, 1, 3, 1, 2};

    @Test
    void aDepartmentReportsItsQuarterAndTheProvinceConsolidatesIt() throws Exception {
        IndicatorFixtures.Quarter q = data.quarter();
        DossierFixtures.World w = q.w();
        StaffPrincipal leader = w.leaderPrincipal();
        Report r = reports.generate(w.agency().id(), Q1_FROM, Q1_TO, OfficerScope.everything(null), leader.username());
        assertThat(r.form()).isEqualTo("06a");
        assertThat(r.status()).isEqualTo(Report.Status.DRAFT);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0).label()).isEqualTo(w.procedure().field());
        assertThat(r.lines().get(0).values()).containsExactly(Q1);
        assertThat(r.total().values()).containsExactly(Q1);

        // April: D8 finished late; D3 and D4 carried over, both overdue at the end of the month
        Report apr = reports.generate(w.agency().id(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30),
                OfficerScope.everything(null), leader.username());
        assertThat(apr.total().values()).containsExactly(3, 0, 0, 3, 1, 0, 0, 1, 2, 0, 2);

        Report signed = reports.sign(r.id(), r.version(), leader);
        assertThat(signed.status()).isEqualTo(Report.Status.SIGNED);
        assertThat(signed.signedBy()).isEqualTo(leader.fullName());
        assertThatThrownBy(() -> reports.generate(w.agency().id(), Q1_FROM, Q1_TO, OfficerScope.everything(null), "x"))
                .isInstanceOf(DomainRuleViolation.class);
        Report submitted = reports.submit(r.id(), signed.version(), leader);
        assertThat(submitted.status()).isEqualTo(Report.Status.SUBMITTED);

        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        assertThat(reports.overview(Q1_FROM, Q1_TO, OfficerScope.everything(null)))
                .filteredOn(o -> o.unit().id() == w.agency().id()).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(Report.Status.SUBMITTED));
        // a comment beyond the bound is refused and the report stays submitted
        assertThatThrownBy(() -> reports.returnReport(r.id(), submitted.version(), "x".repeat(ReportService.MAX_COMMENT + 1),
                supervisor)).isInstanceOf(vn.motcua.shared.InvalidInput.class);
        Report returned = reports.returnReport(r.id(), submitted.version(), "Kiểm tra lại số liệu quá hạn", supervisor);
        assertThat(returned.status()).isEqualTo(Report.Status.RETURNED);
        assertThat(returned.comment()).isEqualTo("Kiểm tra lại số liệu quá hạn");
        // a leader cannot return, a supervisor cannot sign
        assertThatThrownBy(() -> reports.returnReport(r.id(), returned.version(), "x", leader))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> reports.sign(r.id(), returned.version(), supervisor))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        Report again = reports.submit(r.id(), reports.sign(r.id(), returned.version(), leader).version(), leader);

        Report province = reports.consolidate(Q1_FROM, Q1_TO, supervisor);
        assertThat(province.consolidated()).isTrue();
        assertThat(province.lines()).filteredOn(l -> l.label().equals(w.agency().name())).singleElement()
                .satisfies(l -> {
                    assertThat(l.section()).isEqualTo("Sở, ban, ngành");
                    assertThat(l.values()).containsExactly(Q1);
                });
        long[] sum = new long[11];
        province.lines().subList(0, province.lines().size() - 1).forEach(l -> {
            for (int i = 0; i < 11; i++) {
                sum[i] += l.values()[i];
            }
        });
        assertThat(province.total().values()).containsExactly(sum);

        // the unit's XLSX, cell by cell
        byte[] xlsx = reports.xlsx(again.id(), OfficerScope.everything(null));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).startsWith("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).startsWith("Biểu số II.06a/VPCP/KSTT");
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).contains("01/01/2026", "31/03/2026");
            assertThat(s.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Số hồ sơ nhận giải quyết");
            assertThat(s.getRow(5).getCell(5).getStringCellValue()).isEqualTo("Từ kỳ trước");
            assertThat(s.getRow(5).getCell(12).getStringCellValue()).isEqualTo("Quá hạn");
            int first = ReportExporter.FIRST_DATA_ROW;
            assertThat(s.getRow(first).getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(s.getRow(first).getCell(1).getStringCellValue()).isEqualTo(w.procedure().field());
            for (int c = 0; c < 11; c++) {
                assertThat(s.getRow(first).getCell(c + 2).getNumericCellValue()).as("column %d", c + 3).isEqualTo(Q1[c]);
                assertThat(s.getRow(first + 1).getCell(c + 2).getNumericCellValue()).as("total, column %d", c + 3)
                        .isEqualTo(Q1[c]);
            }
            assertThat(s.getRow(first + 1).getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
        }
        byte[] pdf = reports.pdf(province.id(), OfficerScope.everything(null));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("DejaVuSans");

        // pages: the leader downloads the XLSX; someone else's leader does not see the report
        mvc.perform(get("/indicators/reports/" + again.id() + "/xlsx").with(user(leader))).andExpect(status().isOk());
        StaffPrincipal otherLeader = DossierFixtures.World.principal(fixtures.staff(Role.LEADER, fixtures.commune("Xã Khác")));
        mvc.perform(get("/indicators/reports/" + again.id()).with(user(otherLeader))).andExpect(status().isNotFound());
        mvc.perform(post("/indicators/reports/consolidate").param("from", "2026-01-01").param("to", "2026-03-31")
                .with(csrf()).with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/indicators/reports").param("from", "2026-01-01").param("to", "2026-03-31").with(user(supervisor)))
                .andExpect(status().isOk());
    }

    @Test
    void theJobPreparesTheDraftsOfTheQuarterThatEnded() {
        DossierFixtures.World w = data.quarter().w();
        clock.pin(Instant.parse("2026-05-14T19:00:00Z")); // 15 May, no quarter ended yesterday
        assertThat(job.run()).isZero();
        LocalDate from = LocalDate.of(2026, 4, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        clock.pin(Instant.parse("2026-06-30T19:00:00Z")); // 1 July 02:00 in Vietnam
        job.run();
        assertThat(reports.overview(from, to, OfficerScope.everything(null)))
                .allSatisfy(o -> assertThat(o.status()).isNotNull());
        Report draft = reports.get(reports.overview(from, to, OfficerScope.everything(null)).stream()
                .filter(o -> o.unit().id() == w.agency().id()).findFirst().orElseThrow().reportId(), OfficerScope.everything(null));
        assertThat(draft.status()).isEqualTo(Report.Status.DRAFT);
        assertThat(draft.generatedBy()).isEqualTo("system");
        // Q2: D8 finished late in April; D3 and D4 carried over and still open, overdue
        assertThat(draft.total().values()).containsExactly(3, 0, 0, 3, 1, 0, 0, 1, 2, 0, 2);
        var run = reports.runs(1).get(0);
        assertThat(run.done()).isEqualTo(run.units());
        assertThat(run.finishedAt()).isNotNull();
        assertThat(job.run()).isZero(); // run again the same night: nothing new
        List<ReportOverview> again = reports.overview(from, to, OfficerScope.everything(null));
        assertThat(again).isNotEmpty();
    }
}
