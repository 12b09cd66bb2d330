package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** PAKN through the JSON API: anonymous filing and following, the staff acts with their guards, the sender's rating. */
class FeedbackApiTests extends IntegrationTest {

    @Autowired
    FeedbackWorld worlds;

    FeedbackWorld.World w;

    @BeforeEach
    void world() {
        w = worlds.world();
        clock.pin(FeedbackLifecycleTests.at("2026-06-22T09:00"));
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, StaffView who) {
        return b.with(httpBasic(who.username(), Fixtures.PASSWORD));
    }

    String filing(String email) {
        return """
                {"kind":"RECOMMENDATION","senderName":"Lê Thị Kiến Nghị","email":"%s","subject":"UNIT","unitId":%d,
                 "title":"Đề nghị niêm yết phí tại quầy","content":"Quầy tiếp nhận chưa niêm yết mức lệ phí của các thủ tục."}"""
                .formatted(email, w.agency().id());
    }

    @Test
    void anyoneFilesWithAContactFollowsByCodeAndSeesNoPersonalData() throws Exception {
        String email = "kien.nghi." + System.nanoTime() + "@example.vn";
        String body = mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content(filing(email)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/feedback/PAKN-260622-")))
                .andExpect(jsonPath("$.status").value("WAITING_INTAKE"))
                .andExpect(jsonPath("$.intakeDueAt").value("2026-06-24T09:00:00+07:00"))
                .andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        String key = JsonPath.read(body, "$.key");
        String pub = mvc.perform(get("/api/v1/feedback/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WAITING_INTAKE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(pub).doesNotContain(email).doesNotContain("Lê Thị Kiến Nghị").doesNotContain("niêm yết");
        mvc.perform(get("/api/v1/feedback/" + code + "/sender").header("Feedback-Key", key))
                .andExpect(jsonPath("$.title").value("Đề nghị niêm yết phí tại quầy"));
        mvc.perform(get("/api/v1/feedback/" + code + "/sender").header("Feedback-Key", "AAAAAAAAAAAA")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/feedback/PAKN-000000-0000")).andExpect(status().isNotFound());
        // without a contact: 422 naming it
        mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content(filing("")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aRetriedAnonymousFilingAnswersTheFirstCodeAgain() throws Exception {
        String json = filing("retry." + System.nanoTime() + "@example.vn");
        String first = mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
                        .content(json)).andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        // the same key from another address is another caller's key
        String other = mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
                        .with(r -> {
                            r.setRemoteAddr("198.51.100.9");
                            return r;
                        }).content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(other, "$.code")).isNotEqualTo(JsonPath.read(first, "$.code"));
    }

    @Test
    void theDeskAndTheUnitActThroughTheApiWithinTheirRoles() throws Exception {
        String code = JsonPath.read(mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON)
                .content(filing("api." + System.nanoTime() + "@example.vn"))).andReturn().getResponse().getContentAsString(), "$.code");
        String route = "{\"toUnit\":" + w.division().id() + "}";
        mvc.perform(post("/api/v1/feedback/" + code + "/receive").contentType(MediaType.APPLICATION_JSON).content(route))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/receive"), w.specialist()).contentType(MediaType.APPLICATION_JSON)
                .content(route)).andExpect(status().isNotFound());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/receive"), w.supervisor()).contentType(MediaType.APPLICATION_JSON)
                .content(route)).andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/receive"), w.desk()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnprocessableContent());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/receive"), w.desk()).contentType(MediaType.APPLICATION_JSON).content(route))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSING"))
                .andExpect(jsonPath("$.handleDueAt").value("2026-07-13T09:00:00+07:00"));
        mvc.perform(as(post("/api/v1/feedback/" + code + "/receive"), w.desk()).contentType(MediaType.APPLICATION_JSON).content(route))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("feedback-illegal-transition"));
        mvc.perform(as(get("/api/v1/feedback/inbox").param("queue", "PROCESSING").param("q", code), w.specialist()))
                .andExpect(jsonPath("$.items[0].code").value(code));
        mvc.perform(as(get("/api/v1/feedback/" + code + "/record"), w.otherSpecialist())).andExpect(status().isNotFound());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/answer"), w.desk()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Đã niêm yết.\"}")).andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/answer"), w.specialist()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Đã niêm yết đầy đủ mức phí, lệ phí.\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.answeredOnTime").value(true));
        mvc.perform(as(post("/api/v1/feedback/" + code + "/publish"), w.desk()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/feedback").param("published", "true").param("q", "niem yet phi tai quay"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").exists());
        mvc.perform(get("/api/v1/feedback").param("published", "false")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/feedback/" + code + "/frobnicate").with(httpBasic(w.desk().username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSenderRatesThePublishedAnswerOnceWithTheKey() throws Exception {
        String body = mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON)
                .content(filing("rate." + System.nanoTime() + "@example.vn"))).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        String key = JsonPath.read(body, "$.key");
        mvc.perform(post("/api/v1/feedback/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"rating\":\"SATISFIED\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("feedback-illegal-transition"));
        mvc.perform(as(post("/api/v1/feedback/" + code + "/receive"), w.desk()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"toUnit\":" + w.division().id() + "}")).andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/answer"), w.specialist()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Đã niêm yết.\"}")).andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/feedback/" + code + "/publish"), w.desk()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/feedback/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"WRONGWRONG12\",\"rating\":\"SATISFIED\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/feedback/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"rating\":\"VERY_SATISFIED\",\"comment\":\"Nhanh\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value("VERY_SATISFIED"));
        mvc.perform(post("/api/v1/feedback/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"rating\":\"NOT_SATISFIED\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("feedback-rating-once"));
    }
}
