package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.catalog.internal.SimplificationWorkbook;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.IntegrationTest;

/** The review and simplification pages: the review list with its saving and totals, the form, the actions, the export. */
class SimplificationPageTests extends IntegrationTest {

    static final String PAGES = "/admin/simplification";

    @Autowired
    CatalogService catalog;

    @Autowired
    SimplificationService simplification;

    StaffPrincipal admin;

    @BeforeEach
    void admin() {
        StaffView s = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    String procedure(String name) {
        String code = Samples.code();
        catalog.create(Samples.commune(code, name), "admin");
        return code;
    }

    /**
     * The form of the household proposal, typed as people type (30.000 đồng, 1,5 hours), with one empty row;
     * {@code overrides} are name, value pairs that replace the defaults.
     */
    private MockHttpServletRequestBuilder form(String url, String code, String... overrides) {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("procedureCode", code);
        p.put("kind", "AMEND");
        p.put("reasons", "Giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư");
        p.put("proposedChanges", "Bỏ bản sao giấy tờ pháp lý");
        String[][] before = {{"Chuẩn bị hồ sơ", "1,5"}, {"Sao y, chứng thực", "2"}, {"Họp hộ gia đình", "1.5"},
            {"Đi nộp hồ sơ", "2"}, {"Đi nhận kết quả", "1,5"}, {"", ""}};
        for (int i = 0; i < before.length; i++) {
            p.put("before.items[" + i + "].description", before[i][0]);
            p.put("before.items[" + i + "].hours", before[i][1]);
        }
        p.put("before.hourlyIncomeVnd", "30.000");
        p.put("before.feesVnd", "122.000");
        p.put("before.executionsPerYear", "1");
        p.put("before.subjectsPerYear", "2.400");
        p.put("after.items[0].description", "Kê khai trực tuyến");
        p.put("after.items[0].hours", "1");
        p.put("after.items[1].description", "Tải kết quả điện tử");
        p.put("after.items[1].hours", "0,25");
        p.put("after.hourlyIncomeVnd", "30000");
        p.put("after.feesVnd", "0");
        p.put("after.executionsPerYear", "1");
        p.put("after.subjectsPerYear", "2400");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder b = post(url).with(user(admin)).with(csrf());
        p.forEach(b::param);
        return b;
    }

    @Test
    void theReviewPageShowsTheSavingOfEachProposalAndTheTotals() throws Exception {
        String code = procedure("Thủ tục trang rà soát");
        long id = simplification.create(SimplificationApiTests.household(code), "admin").id();
        Document page = Jsoup.parse(mvc.perform(get(PAGES).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        var row = page.select("#proposal-" + id);
        assertThat(row.text()).contains(code).contains("Thủ tục trang rà soát").contains("Sửa đổi, bổ sung").contains("Dự thảo");
        assertThat(row.select(".mc-annual-before").text()).isEqualTo("904.800.000");
        assertThat(row.select(".mc-annual-after").text()).isEqualTo("90.000.000");
        assertThat(row.select(".mc-saving").text()).isEqualTo("814.800.000");
        assertThat(row.select(".mc-saving-percent").text()).isEqualTo("90,05 %");
        CostSaving totals = simplification.review(null, null).totals();
        assertThat(page.select("#total-saving").text()).isEqualTo(String.format(java.util.Locale.forLanguageTag("vi"),
                "%,d", totals.savingVnd()));
        assertThat(page.select("#proposal-totals").text()).startsWith("Tổng cộng");
        // the admin menu leads here
        assertThat(page.select("a[href='/admin/simplification']").text()).contains("Rà soát, đơn giản hóa");

        // filtered (the rows only, as htmx asks for them): accepted proposals do not include this draft
        Document accepted = Jsoup.parse(mvc.perform(get(PAGES).param("status", "ACCEPTED").header("HX-Request", "true")
                .with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(accepted.select("#proposal-" + id)).isEmpty();
        assertThat(accepted.select("#export-xlsx").attr("href")).contains("status=ACCEPTED");
        Document drafts = Jsoup.parse(mvc.perform(get(PAGES).param("status", "DRAFT").param("kind", "AMEND")
                .with(user(admin))).andReturn().getResponse().getContentAsString());
        assertThat(drafts.select("#proposal-" + id)).hasSize(1);
    }

    @Test
    void aBadFormShowsTheErrorsNextToTheFieldsAndSavesNothing() throws Exception {
        String code = procedure("Thủ tục biểu mẫu sai");
        long before = simplification.count();
        String html = mvc.perform(form(PAGES + "/new", code, "reasons", " ", "before.items[1].hours", "0",
                        "after.feesVnd", "-5", "after.subjectsPerYear", "nhiều"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#form-errors").text()).contains("Vui lòng sửa các lỗi");
        assertThat(page.select("input[name='after.subjectsPerYear']").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#after-subjectsPerYear-error").text()).isEqualTo("Giá trị không hợp lệ.");
        // what was typed is kept
        assertThat(page.select("input[name='before.items[4].description']").val()).isEqualTo("Đi nhận kết quả");
        assertThat(page.select("input[name='before.items[1].hours']").val()).isEqualTo("0");
        assertThat(simplification.count()).isEqualTo(before);

        // with the number fixed, the domain's rules speak next to their fields
        page = Jsoup.parse(mvc.perform(form(PAGES + "/new", code, "reasons", " ", "before.items[1].hours", "0",
                        "after.feesVnd", "-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#reasons").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#reasons-error").text()).isEqualTo("Trường này là bắt buộc.");
        assertThat(page.select("input[name='before.items[1].hours']").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#before-items-1-hours-error").text()).isEqualTo("Số giờ phải lớn hơn 0.");
        assertThat(page.select("#after-feesVnd-error").text()).isEqualTo("Không được là số âm.");
        assertThat(page.select("#before-items-0-hours-error").text()).isEmpty();
        // the empty row is dropped, so the rows shown are the rows checked
        assertThat(page.select("input[name='before.items[5].description']")).isEmpty();
        assertThat(simplification.count()).isEqualTo(before);

        // an unknown procedure
        String unknown = Samples.code();
        page = Jsoup.parse(mvc.perform(form(PAGES + "/new", unknown)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#procedureCode-error").text()).isEqualTo("Không có thủ tục mã " + unknown + " trong danh mục.");
    }

    @Test
    void rowsAreAddedAndRemovedAndTheFiguresShownWithoutSaving() throws Exception {
        String code = procedure("Thủ tục soạn dòng công việc");
        long before = simplification.count();
        Document added = Jsoup.parse(mvc.perform(form(PAGES + "/new", code).param("op", "addItem:after"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(added.select("#after-items tbody tr")).hasSize(3);
        assertThat(added.select("#form-errors")).isEmpty();
        // the figures so far: 8.5 h × 30,000 + 122,000 = 377,000 đ; × 2,400 = 904,800,000 đ
        assertThat(added.select("#before-cost-per-execution").text()).isEqualTo("377.000 đ");
        assertThat(added.select("#before-annual-cost").text()).isEqualTo("904.800.000 đ");
        assertThat(added.select("#saving-preview-value").text()).isEqualTo("814.800.000 đ/năm");
        Document removed = Jsoup.parse(mvc.perform(form(PAGES + "/new", code).param("op", "removeItem:before:0"))
                .andReturn().getResponse().getContentAsString());
        assertThat(removed.select("#before-items tbody tr")).hasSize(5);
        assertThat(removed.select("input[name='before.items[0].description']").val()).isEqualTo("Sao y, chứng thực");
        assertThat(simplification.count()).isEqualTo(before);
    }

    @Test
    void aValidFormIsSavedThenSubmittedAndRejectedWithItsReason() throws Exception {
        String code = procedure("Thủ tục biểu mẫu hợp lệ");
        String location = mvc.perform(form(PAGES + "/new", code))
                .andExpect(redirectedUrlPattern(PAGES + "/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        SimplificationProposal saved = simplification.get(id);
        assertThat(saved.before().items()).hasSize(5);
        assertThat(saved.before().hourlyIncomeVnd()).isEqualTo(30_000);
        assertThat(saved.before().subjectsPerYear()).isEqualTo(2_400);
        assertThat(saved.saving().savingVnd()).isEqualTo(814_800_000L);

        Document detail = Jsoup.parse(mvc.perform(get(PAGES + "/" + id).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(detail.select("#saving-value").text()).isEqualTo("814.800.000 đ");
        assertThat(detail.select("#saving-percent").text()).contains("90,05 %");
        assertThat(detail.select("#before-cost-per-execution").text()).isEqualTo("377.000 đ");

        // edit as ABOLISH: the side after is ignored
        mvc.perform(form(PAGES + "/" + id + "/edit", code, "kind", "ABOLISH", "revision", String.valueOf(saved.revision())))
                .andExpect(redirectedUrl(PAGES + "/" + id));
        assertThat(simplification.get(id).after()).isNull();
        assertThat(simplification.get(id).saving().savingVnd()).isEqualTo(904_800_000L);

        mvc.perform(post(PAGES + "/" + id + "/submit").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl(PAGES + "/" + id));
        Document refused = Jsoup.parse(mvc.perform(post(PAGES + "/" + id + "/reject").with(user(admin)).with(csrf())
                .param("note", "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#rejectNote").hasClass("is-invalid")).isTrue();
        assertThat(refused.select("#rejectNote-error").text()).isEqualTo("Nêu lý do không chấp thuận.");
        mvc.perform(post(PAGES + "/" + id + "/reject").with(user(admin)).with(csrf()).param("note", "Chưa đủ căn cứ"))
                .andExpect(redirectedUrl(PAGES + "/" + id));
        assertThat(simplification.get(id).status()).isEqualTo(SimplificationStatus.REJECTED);
        // the edit page of a decided proposal sends back to it
        mvc.perform(get(PAGES + "/" + id + "/edit").with(user(admin))).andExpect(redirectedUrl(PAGES + "/" + id));
    }

    @Test
    void theExportHasEveryFigureAsANumberAndATotalsRow() throws Exception {
        String code = procedure("Thủ tục xuất Excel rà soát");
        SimplificationProposal p = simplification.create(SimplificationApiTests.household(code), "admin");
        simplification.submit(p.id(), "admin");
        byte[] xlsx = mvc.perform(get(PAGES + "/export.xlsx").param("status", "SUBMITTED").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("ra-soat-don-gian-hoa.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        SimplificationReview review = simplification.review(SimplificationStatus.SUBMITTED, null);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            int header = SimplificationWorkbook.HEADER_ROW;
            int before = SimplificationWorkbook.BEFORE_COL;
            int after = SimplificationWorkbook.AFTER_COL;
            assertThat(sh.getRow(header).getCell(1).getStringCellValue()).isEqualTo("Mã thủ tục");
            assertThat(sh.getRow(header - 1).getCell(before).getStringCellValue()).isEqualTo("Chi phí tuân thủ trước đơn giản hóa");
            assertThat(sh.getRow(1).getCell(0).getStringCellValue()).contains("Đã trình");

            Row mine = null;
            long sumBefore = 0;
            long sumAfter = 0;
            long sumSaving = 0;
            int last = sh.getLastRowNum();
            for (int r = header + 1; r < last; r++) {
                Row row = sh.getRow(r);
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Đã trình");
                sumBefore += (long) row.getCell(before + 6).getNumericCellValue();
                sumAfter += (long) row.getCell(after + 6).getNumericCellValue();
                sumSaving += (long) row.getCell(SimplificationWorkbook.SAVING_COL).getNumericCellValue();
                if (code.equals(row.getCell(1).getStringCellValue())) {
                    mine = row;
                }
            }
            assertThat(last - header - 1).isEqualTo(review.items().size());
            assertThat(mine).isNotNull();
            assertThat(mine.getCell(2).getStringCellValue()).isEqualTo("Thủ tục xuất Excel rà soát");
            assertThat(mine.getCell(3).getStringCellValue()).isEqualTo("Sửa đổi, bổ sung");
            // before: 8.5 h, 30,000 đ/h, 122,000 đ, 377,000 đ a time, once a year, 2,400 households, 904,800,000 đ
            assertThat(mine.getCell(before).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mine.getCell(before).getNumericCellValue()).isEqualTo(8.5);
            assertThat(mine.getCell(before + 1).getNumericCellValue()).isEqualTo(30_000);
            assertThat(mine.getCell(before + 2).getNumericCellValue()).isEqualTo(122_000);
            assertThat(mine.getCell(before + 3).getNumericCellValue()).isEqualTo(377_000);
            assertThat(mine.getCell(before + 4).getNumericCellValue()).isEqualTo(1);
            assertThat(mine.getCell(before + 5).getNumericCellValue()).isEqualTo(2_400);
            assertThat(mine.getCell(before + 6).getNumericCellValue()).isEqualTo(904_800_000);
            // after: 1.25 h, 37,500 đ a time, 90,000,000 đ a year
            assertThat(mine.getCell(after).getNumericCellValue()).isEqualTo(1.25);
            assertThat(mine.getCell(after + 3).getNumericCellValue()).isEqualTo(37_500);
            assertThat(mine.getCell(after + 6).getNumericCellValue()).isEqualTo(90_000_000);
            assertThat(mine.getCell(SimplificationWorkbook.SAVING_COL).getNumericCellValue()).isEqualTo(814_800_000);
            assertThat(mine.getCell(SimplificationWorkbook.PERCENT_COL).getNumericCellValue()).isEqualTo(0.9005);

            Row totals = sh.getRow(last);
            assertThat(totals.getCell(2).getStringCellValue()).startsWith("Tổng cộng");
            assertThat((long) totals.getCell(before + 6).getNumericCellValue()).isEqualTo(sumBefore)
                    .isEqualTo(review.totals().annualCostBeforeVnd());
            assertThat((long) totals.getCell(after + 6).getNumericCellValue()).isEqualTo(sumAfter)
                    .isEqualTo(review.totals().annualCostAfterVnd());
            assertThat((long) totals.getCell(SimplificationWorkbook.SAVING_COL).getNumericCellValue()).isEqualTo(sumSaving)
                    .isEqualTo(sumBefore - sumAfter);
            assertThat(totals.getCell(SimplificationWorkbook.PERCENT_COL).getNumericCellValue())
                    .isEqualTo(review.totals().savingPercent().doubleValue() / 100, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void onlyAdministratorsSeeThePages() throws Exception {
        StaffView officer = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        StaffPrincipal p = new StaffPrincipal(officer.id(), officer.username(), officer.fullName(), officer.roles());
        mvc.perform(get(PAGES).with(user(p))).andExpect(status().isForbidden());
        mvc.perform(get(PAGES + "/export.xlsx").with(user(p))).andExpect(status().isForbidden());
        mvc.perform(post(PAGES + "/new").with(user(p)).with(csrf())).andExpect(status().isForbidden());
    }
}
