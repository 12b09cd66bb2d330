package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Every answer of the API is problem details in the house shape
 * ({@code application/problem+json}: title and detail in the caller's language,
 * status, the path as instance; no {@code timestamp}, {@code error} or {@code
 * path} of Spring's default error body), also for what never reaches a
 * controller: an unknown path, a wrong method, an Accept or Content-Type the
 * path does not serve, a missing body. Over a real HTTP connection, since
 * several of these go through the servlet container's error page. And the
 * operations endpoints take the API keys of administrators and supervisors.
 */
class ApiProblemTests extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    OrganizationService org;

    private final HttpClient http = HttpClient.newHttpClient();
    private String basic;

    @BeforeEach
    void admin() {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        basic = "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body,
                                      String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic);
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Asserts the house shape and returns the body. */
    private JsonNode problem(HttpResponse<String> r, int status, String path) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("instance").asText()).isEqualTo(path);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.has("timestamp") || p.has("error") || p.has("path") || p.has("trace")).as(r.body()).isFalse();
        return p;
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        JsonNode p = problem(send("GET", "/api/v1/khong-co-gi", null, null, null, null), 404, "/api/v1/khong-co-gi");
        assertThat(p.get("title").asText()).isEqualTo("Không tìm thấy");
        assertThat(p.get("detail").asText()).isEqualTo("Không tìm thấy nội dung yêu cầu.");
        // also under a public prefix, and in English when asked
        p = problem(send("GET", "/api/v1/procedures/a/b/c", null, null, null, "en"), 404, "/api/v1/procedures/a/b/c");
        assertThat(p.get("title").asText()).isEqualTo("Not found");
    }

    @Test
    void aWrongMethodIsA405ProblemWithAllow() throws Exception {
        HttpResponse<String> r = send("DELETE", "/api/v1/units", null, null, null, "en");
        JsonNode p = problem(r, 405, "/api/v1/units");
        assertThat(p.get("title").asText()).isEqualTo("Method not allowed");
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET");
    }

    @Test
    void anUnservableAcceptIsAnsweredInJson() throws Exception {
        // the API speaks JSON whatever Accept asks for (HTTP allows it): a 406 came only after a write had committed
        var r = send("GET", "/api/v1/units", "application/xml", null, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void anUnsupportedContentTypeIsA415Problem() throws Exception {
        JsonNode p = problem(send("POST", "/api/v1/units", null, "text/plain", "xin chào", "en"), 415, "/api/v1/units");
        assertThat(p.get("title").asText()).isEqualTo("Unsupported media type");
    }

    @Test
    void aMissingOrBrokenBodyIsA400Problem() throws Exception {
        JsonNode p = problem(send("POST", "/api/v1/units", null, "application/json", "", null), 400, "/api/v1/units");
        assertThat(p.get("title").asText()).isEqualTo("Yêu cầu không hợp lệ");
        assertThat(p.get("detail").asText()).isEqualTo("Thiếu nội dung yêu cầu hoặc nội dung không phải JSON hợp lệ.");
        problem(send("POST", "/api/v1/units", null, "application/json", "{\"name\": ", null), 400, "/api/v1/units");
    }

    @Test
    void aMissingParameterIsA400ProblemNamingIt() throws Exception {
        // PUT /api/v1/units/{id} needs ?version=
        JsonNode p = problem(send("PUT", "/api/v1/units/1", null, "application/json", "{}", "en"), 400, "/api/v1/units/1");
        assertThat(p.get("detail").asText()).isEqualTo("The parameter 'version' is required.");
    }

    @Test
    void pagesStillGetTheErrorPage() throws Exception {
        HttpResponse<String> r = send("GET", "/khong-co-trang-nay", "text/html", null, null, null);
        assertThat(r.statusCode()).isIn(302, 404);
        assertThat(r.headers().firstValue("Content-Type").orElse("text/html")).doesNotContain("problem");
    }

    // --- operations endpoints --------------------------------------------------------------------

    @Test
    void prometheusTakesTheApiKeyOfASupervisorButNotOfASpecialist() throws Exception {
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        String good = org.issueApiKey(supervisor.staffId(), "prometheus").token();
        StaffView specialist = fixtures.staff(Role.SPECIALIST, fixtures.agency("Sở Đo đếm"));
        String weak = org.issueApiKey(specialist.staffId(), "không đủ quyền").token();

        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + good))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + weak))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer mc_khong_phai_khoa"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        // an administrator's password works too (a scraper configured with Basic)
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic)).andExpect(status().isOk());
        // health stays public
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
