package vn.motcua.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.SmsService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The administrators' webhook and SMS pages and API: the secret shown once,
 * readable Vietnamese messages for bad input on the pages and problem+json on
 * the API, the test button's answer, the paused notice, template edits.
 */
class WebhookPageTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SmsService sms;

    StaffView adminView;
    StaffPrincipal admin;
    String path;

    @BeforeEach
    void setUp() {
        FarSides.PARTNER.reset();
        adminView = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(adminView.id(), adminView.username(), adminView.fullName(), adminView.roles());
        path = "/hooks/" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("UPDATE webhook_subscription SET active = FALSE, disabled_reason = 'ADMIN' WHERE active").update();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void aSubscriptionMadeOnThePageShowsItsSecretOnceAndTheTestButtonTellsTheAnswer() throws Exception {
        Document bad = Jsoup.parse(mvc.perform(post("/admin/integration/webhooks").with(user(admin)).with(csrf())
                        .param("partner", "Trung tâm IOC").param("url", "ftp://ioc.nghean.gov.vn/hooks"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#webhook-new .invalid-feedback").eachText())
                .contains("Chỉ chấp nhận địa chỉ http hoặc https.");
        assertThat(bad.select("#webhook-new").text()).contains("Chọn ít nhất một loại sự kiện.");

        Document created = Jsoup.parse(mvc.perform(post("/admin/integration/webhooks").with(user(admin)).with(csrf())
                        .param("partner", "Trung tâm IOC tỉnh Nghệ An").param("url", FarSides.PARTNER.baseUrl() + path)
                        .param("eventType", "dossier.completed").param("eventType", "feedback.filed"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String secret = created.select("#webhook-secret").text();
        assertThat(secret).startsWith("whsec_");
        long id = jdbc.sql("SELECT id FROM webhook_subscription WHERE url = ?").param(FarSides.PARTNER.baseUrl() + path)
                .query(Long.class).single();
        assertThat(page("/admin/integration/webhooks").select("#webhook-subscriptions").text()).contains("Trung tâm IOC tỉnh Nghệ An");
        Document detail = page("/admin/integration/webhooks/" + id);
        assertThat(detail.html()).doesNotContain(secret);

        FarSides.PARTNER.on("POST", path, r -> FarSide.Reply.json(202, "{}"));
        mvc.perform(post("/admin/integration/webhooks/" + id + "/test").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String location = mvc.perform(post("/admin/integration/webhooks/" + id + "/test").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/integration/webhooks/" + id + "?tested=");
        Document after = page(location);
        assertThat(after.select("#webhook-test-result").text()).as(after.select("section").html()).isEqualTo("Gửi thử thành công: đối tác trả lời HTTP 202.");
        assertThat(after.select("#webhook-deliveries tbody tr")).hasSize(2);
        assertThat(FarSides.PARTNER.received(path)).hasSize(2);
    }

    @Test
    void aPausedSubscriptionSaysWhyOnItsPage() throws Exception {
        long id = jdbc.sql("""
                INSERT INTO webhook_subscription (partner, url, event_types, secret, active, consecutive_failures, disabled_at,
                  disabled_reason, created_at, created_by)
                VALUES ('Hệ thống iGate', 'https://igate.example.vn/hooks', ARRAY['dossier.completed'], 'whsec_x', FALSE, 20,
                  '2026-12-05T01:00:00Z', 'FAILURES', now(), 'admin') RETURNING id""").query(Long.class).single();
        assertThat(page("/admin/integration/webhooks/" + id).select("#webhook-paused").text())
                .startsWith("Đăng ký đã tạm dừng lúc 08:00:00 05/12/2026 vì đối tác không nhận được bản tin sau nhiều lần thử (20 lần lỗi liên tiếp).");
        assertThat(page("/admin/integration/webhooks/" + id).select("#webhook-enable")).hasSize(1);
    }

    @Test
    void theApiGivesTheSecretOnceRefusesBadInputWithProblemDetailsAndOthersGet403() throws Exception {
        String body = "{\"partner\":\"Cổng dịch vụ công\",\"url\":\"" + FarSides.PARTNER.baseUrl() + path
                + "\",\"eventTypes\":[\"dossier.received\"]}";
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/integration/webhooks")
                        .with(httpBasic(adminView.username(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(created.get("secret").asString()).startsWith("whsec_");
        long id = created.get("subscription").get("id").asLong();
        mvc.perform(get("/api/v1/integration/webhooks/" + id).with(httpBasic(adminView.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.eventTypes[0]").value("dossier.received"));

        mvc.perform(post("/api/v1/integration/webhooks").with(httpBasic(adminView.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partner\":\"X\",\"url\":\"http://169.254.169.254/latest\",\"eventTypes\":[\"x\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'url')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'eventTypes')]").exists());
        long count = jdbc.sql("SELECT count(*) FROM webhook_subscription").query(Long.class).single();

        StaffView leader = fixtures.staff(Role.LEADER, fixtures.province());
        mvc.perform(post("/api/v1/integration/webhooks").with(httpBasic(leader.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_subscription").query(Long.class).single()).isEqualTo(count);

        mvc.perform(post("/api/v1/integration/webhooks/" + id + "/disable").param("version", "0")
                .with(httpBasic(adminView.username(), Fixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(post("/api/v1/integration/webhooks/" + id + "/test").with(httpBasic(adminView.username(), Fixtures.PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("webhook-inactive"));
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedOnThePageAndTheApiAndNothingChanges() throws Exception {
        int version = sms.templates(admin).stream().filter(t -> t.kind().equals("REFUSED")).findFirst().orElseThrow().version();
        String before = sms.templates(admin).stream().filter(t -> t.kind().equals("REFUSED")).findFirst().orElseThrow().body();
        Document page = Jsoup.parse(mvc.perform(post("/admin/integration/sms/templates/REFUSED").with(user(admin)).with(csrf())
                        .param("body", "Hồ sơ {ma} bị từ chối").param("version", String.valueOf(version)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#sms-template-REFUSED .invalid-feedback").text())
                .isEqualTo("Mẫu có chỗ điền không được hỗ trợ: {ma}");
        mvc.perform(put("/api/v1/integration/sms/templates/REFUSED").with(httpBasic(adminView.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"\",\"version\":" + version + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(sms.templates(admin).stream().filter(t -> t.kind().equals("REFUSED")).findFirst().orElseThrow().body())
                .isEqualTo(before);
        assertThat(page("/admin/integration/sms").select("#sms-template-RECEIVED").text()).contains("Xem trước");
    }
}
