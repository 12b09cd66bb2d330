package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** Review and simplification proposals through the JSON API: figures, rules, lifecycle and who may use it. */
class SimplificationApiTests extends IntegrationTest {

    static final String API = "/api/v1/simplification-proposals";

    @Autowired
    CatalogService catalog;

    @Autowired
    SimplificationService simplification;

    @Autowired
    JsonMapper json;

    RequestPostProcessor admin;
    String adminName;

    @BeforeEach
    void admin() {
        StaffView a = fixtures.staff(Role.ADMIN, fixtures.province());
        adminName = a.username();
        admin = httpBasic(a.username(), Fixtures.PASSWORD);
    }

    /** A fresh procedure of the catalogue (a draft is enough to be reviewed). */
    String procedure(String name) {
        String code = Samples.code();
        catalog.create(Samples.commune(code, name), "admin");
        return code;
    }

    /** 8.5 h before (377,000 đ a time, 904,800,000 đ a year), 1.25 h after (90,000,000 đ a year). */
    static SimplificationCommand household(String code) {
        return new SimplificationCommand(code, SimplificationKind.AMEND, "Giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư",
                "Bỏ bản sao giấy tờ pháp lý; nộp trực tuyến", side(30_000L, 122_000L, "1", 2_400L, "1.5", "2", "1.5", "2", "1.5"),
                side(30_000L, 0L, "1", 2_400L, "1", "0.25"), null);
    }

    static ComplianceCost side(Long income, Long fees, String executions, Long subjects, String... hours) {
        return new ComplianceCost(Arrays.stream(hours).map(h -> new CostItem("Công việc " + h + " giờ", new BigDecimal(h)))
                .toList(), income, fees, executions == null ? null : new BigDecimal(executions), subjects);
    }

    private String body(Object o) {
        return json.writeValueAsString(o);
    }

    private long create(SimplificationCommand c) throws Exception {
        String out = mvc.perform(post(API).with(admin).contentType(MediaType.APPLICATION_JSON).content(body(c)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out).path("id").asLong();
    }

    @Test
    void aProposalIsCreatedWithItsFiguresEditedSubmittedAndAccepted() throws Exception {
        String code = procedure("Đăng ký hộ kinh doanh thử rà soát");
        String created = mvc.perform(post(API).with(admin).contentType(MediaType.APPLICATION_JSON).content(body(household(code))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.procedureCode").value(code))
                .andExpect(jsonPath("$.procedureName").value("Đăng ký hộ kinh doanh thử rà soát"))
                .andExpect(jsonPath("$.kind").value("AMEND"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.before.items.length()").value(5))
                .andExpect(jsonPath("$.before.items[0].hours").value(1.5))
                .andExpect(jsonPath("$.before.hours").value(8.5))
                .andExpect(jsonPath("$.before.costPerExecutionVnd").value(377_000))
                .andExpect(jsonPath("$.before.annualCostVnd").value(904_800_000))
                .andExpect(jsonPath("$.after.hours").value(1.25))
                .andExpect(jsonPath("$.after.costPerExecutionVnd").value(37_500))
                .andExpect(jsonPath("$.after.annualCostVnd").value(90_000_000))
                .andExpect(jsonPath("$.saving.annualCostBeforeVnd").value(904_800_000))
                .andExpect(jsonPath("$.saving.annualCostAfterVnd").value(90_000_000))
                .andExpect(jsonPath("$.saving.savingVnd").value(814_800_000))
                .andExpect(jsonPath("$.saving.savingPercent").value(90.05))
                .andExpect(jsonPath("$.createdBy").value(adminName))
                .andExpect(jsonPath("$.submittedAt").value(nullValue()))
                .andReturn().getResponse().getContentAsString();
        JsonNode read = json.readTree(created);
        long id = read.path("id").asLong();
        assertThat(mvc.perform(get(API + "/" + id).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("Content-Type")).contains("json");

        // what GET returned, with one more hour after and a rounding fee, goes back as a PUT
        ObjectNode edited = (ObjectNode) json.readTree(mvc.perform(get(API + "/" + id).with(admin))
                .andReturn().getResponse().getContentAsString());
        ((ObjectNode) edited.path("after")).put("hourlyIncomeVnd", 30_001);
        ((tools.jackson.databind.node.ArrayNode) edited.path("after").path("items"))
                .add(json.readTree("{\"description\":\"Chờ xác nhận qua thư điện tử\",\"hours\":1.25}"));
        // after: 2.5 h × 30,001 = 75,002.5 → 75,003 đ; × 2,400 = 180,007,200 đ
        mvc.perform(put(API + "/" + id).with(admin).contentType(MediaType.APPLICATION_JSON).content(edited.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.after.items.length()").value(3))
                .andExpect(jsonPath("$.after.costPerExecutionVnd").value(75_003))
                .andExpect(jsonPath("$.after.annualCostVnd").value(180_007_200))
                .andExpect(jsonPath("$.saving.savingVnd").value(724_792_800))
                .andExpect(jsonPath("$.revision").value(read.path("revision").asInt() + 1));
        // the same body again carries a revision no longer current
        mvc.perform(put(API + "/" + id).with(admin).contentType(MediaType.APPLICATION_JSON).content(edited.toString()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("stale-version"));

        // a draft cannot be accepted
        mvc.perform(post(API + "/" + id + "/accept").with(admin))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("illegal-transition"));
        mvc.perform(post(API + "/" + id + "/submit").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedBy").value(adminName))
                .andExpect(jsonPath("$.submittedAt").exists());
        mvc.perform(post(API + "/" + id + "/submit").with(admin))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("illegal-transition"));
        // once submitted it is no longer edited
        edited.remove("revision");
        mvc.perform(put(API + "/" + id).with(admin).contentType(MediaType.APPLICATION_JSON).content(edited.toString()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("not-editable"));
        // a rejection needs its reason
        mvc.perform(post(API + "/" + id + "/reject").with(admin).contentType(MediaType.APPLICATION_JSON).content("{\"note\":\" \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("Nêu lý do không chấp thuận."));
        mvc.perform(post(API + "/" + id + "/accept").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"Đồng ý, giao dự thảo quyết định công bố\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decidedBy").value(adminName))
                .andExpect(jsonPath("$.decisionNote").value("Đồng ý, giao dự thảo quyết định công bố"));
        // accepted is final
        mvc.perform(post(API + "/" + id + "/reject").with(admin).contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Muộn\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("illegal-transition"))
                .andExpect(jsonPath("$.detail").value(
                        "Phương án số " + id + " chưa được trình hoặc đã có kết quả nên không chấp thuận hay từ chối được nữa."));

        // the review list filters by status and kind and adds up what it lists
        String list = mvc.perform(get(API).param("status", "ACCEPTED").param("kind", "AMEND").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)))
                .andReturn().getResponse().getContentAsString();
        JsonNode review = json.readTree(list);
        long before = 0;
        long after = 0;
        for (JsonNode item : review.path("items")) {
            assertThat(item.path("status").asString()).isEqualTo("ACCEPTED");
            assertThat(item.path("kind").asString()).isEqualTo("AMEND");
            before += item.path("saving").path("annualCostBeforeVnd").asLong();
            after += item.path("saving").path("annualCostAfterVnd").asLong();
        }
        assertThat(review.path("totals").path("annualCostBeforeVnd").asLong()).isEqualTo(before);
        assertThat(review.path("totals").path("annualCostAfterVnd").asLong()).isEqualTo(after);
        assertThat(review.path("totals").path("savingVnd").asLong()).isEqualTo(before - after);
    }

    @Test
    void aRejectedProposalKeepsItsReason() throws Exception {
        long id = create(household(procedure("Thủ tục rà soát bị từ chối")));
        mvc.perform(post(API + "/" + id + "/submit").with(admin)).andExpect(status().isOk());
        mvc.perform(post(API + "/" + id + "/reject").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"Chưa đủ căn cứ pháp lý\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionNote").value("Chưa đủ căn cứ pháp lý"));
        mvc.perform(post(API + "/" + id + "/accept").with(admin))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("illegal-transition"));
        assertThat(simplification.get(id).status()).isEqualTo(SimplificationStatus.REJECTED);
    }

    @Test
    void abolishingNeedsNoCostAfterAndSavesTheWholeCost() throws Exception {
        String code = procedure("Cấp giấy xác nhận thử bãi bỏ");
        // 4 h × 30,000 + 5,000 = 125,000 đ a time; × 1 × 21,000 = 2,625,000,000 đ a year, all saved
        SimplificationCommand abolish = new SimplificationCommand(code, SimplificationKind.ABOLISH,
                "Dữ liệu đã có trong Cơ sở dữ liệu hộ tịch điện tử", null, side(30_000L, 5_000L, "1", 21_000L, "0.5", "2", "1.5"),
                null, null);
        mvc.perform(post(API).with(admin).contentType(MediaType.APPLICATION_JSON).content(body(abolish)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.kind").value("ABOLISH"))
                .andExpect(jsonPath("$.proposedChanges").value(nullValue()))
                .andExpect(jsonPath("$.after").value(nullValue()))
                .andExpect(jsonPath("$.before.annualCostVnd").value(2_625_000_000L))
                .andExpect(jsonPath("$.saving.annualCostAfterVnd").value(0))
                .andExpect(jsonPath("$.saving.savingVnd").value(2_625_000_000L))
                .andExpect(jsonPath("$.saving.savingPercent").value(100.0));
    }

    @Test
    void brokenRulesAre422WithTheirFields() throws Exception {
        String unknown = Samples.code();
        SimplificationCommand bad = new SimplificationCommand(unknown, SimplificationKind.REPLACE, "Lý do", " ",
                side(30_000L, -1L, "1", 100L, "0"), null, null);
        mvc.perform(post(API).with(admin).contentType(MediaType.APPLICATION_JSON).content(body(bad)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("procedureCode"))
                .andExpect(jsonPath("$.errors[0].message").value("Không có thủ tục mã " + unknown + " trong danh mục."))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("procedureCode", "proposedChanges",
                        "before.items[0].hours", "before.feesVnd", "after")))
                .andExpect(jsonPath("$.errors[2].message").value("Số giờ phải lớn hơn 0."))
                .andExpect(jsonPath("$.errors[3].message").value("Không được là số âm."));
        // in English when asked; a missing kind and side
        mvc.perform(post(API).with(admin).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureCode\":\"1.001612\",\"reasons\":\"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[1].field").value("before"))
                .andExpect(jsonPath("$.errors[1].message").value("Enter the compliance cost before simplification."));
        // a kind that does not exist is a malformed request
        mvc.perform(post(API).with(admin).contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"MERGE\"}"))
                .andExpect(status().isBadRequest());
        assertThat(simplification.review(null, null).items()).noneMatch(p -> p.procedureCode().equals(unknown));
    }

    @Test
    void onlyAdministratorsUseIt() throws Exception {
        long id = create(household(procedure("Thủ tục rà soát chỉ quản trị")));
        String body = body(household("1.001612"));
        mvc.perform(get(API)).andExpect(status().isUnauthorized());
        mvc.perform(post(API).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        for (Role role : List.of(Role.SUPERVISOR, Role.ONE_STOP_OFFICER, Role.LEADER)) {
            RequestPostProcessor other = httpBasic(fixtures.staff(role, fixtures.province()).username(), Fixtures.PASSWORD);
            mvc.perform(get(API).with(other)).andExpect(status().isForbidden());
            mvc.perform(get(API + "/" + id).with(other)).andExpect(status().isForbidden());
            mvc.perform(post(API).with(other).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
            mvc.perform(put(API + "/" + id).with(other).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
            mvc.perform(post(API + "/" + id + "/submit").with(other)).andExpect(status().isForbidden());
        }
        assertThat(simplification.get(id).status()).isEqualTo(SimplificationStatus.DRAFT);
        mvc.perform(get(API + "/99999999").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void theDemoProposalsAreThere() throws Exception {
        SimplificationReview all = simplification.review(null, null);
        assertThat(all.items()).extracting(SimplificationProposal::procedureCode)
                .contains("1.001612", "2.000488", "1.004873", "1.001193", "1.009972");
        SimplificationProposal household = all.items().stream().filter(p -> p.procedureCode().equals("1.001612")
                && p.createdBy().equals("admin")).findFirst().orElseThrow();
        // 8.5 h × 30,000 + 122,000 = 377,000 đ; × 2,400 = 904,800,000 đ; after 1.25 h × 30,000 × 2,400 = 90,000,000 đ
        assertThat(household.status()).isEqualTo(SimplificationStatus.ACCEPTED);
        assertThat(household.saving().savingVnd()).isEqualTo(814_800_000L);
        assertThat(all.items()).anyMatch(p -> p.kind() == SimplificationKind.ABOLISH && p.after() == null);
        assertThat(all.items()).anyMatch(p -> p.status() == SimplificationStatus.REJECTED && p.decisionNote() != null);
        mvc.perform(get(API).param("kind", "ABOLISH").with(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].procedureCode").value(hasItem("1.004873")));
    }
}
