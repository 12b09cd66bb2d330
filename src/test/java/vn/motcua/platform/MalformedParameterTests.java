package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Parameters the container cannot decode (bytes that are not UTF-8, in a form
 * body or the query string) are a client's mistake: 400, problem+json on the
 * API, never the 500 they gave when a later component first asked for a
 * parameter (found by the API fuzz). Over real HTTP: the container decodes.
 */
class MalformedParameterTests extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String contentType, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aFormBodyThatIsNotUtf8IsA400ProblemOnTheApi() throws Exception {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        String basic = "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1};
        HttpResponse<String> r = post("/api/v1/dossiers/000.00.00.H40-260101-0001/withdraw",
                "application/x-www-form-urlencoded", notUtf8, basic);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aQueryStringThatIsNotUtf8IsA400ProblemOnTheApi() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/procedures?q=%C3%28")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aPageFormThatIsNotUtf8IsA400Page() throws Exception {
        byte[] notUtf8 = {'u', '=', (byte) 0xC3, (byte) 0x28};
        HttpResponse<String> r = post("/portal/password/forgot", "application/x-www-form-urlencoded", notUtf8, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Yêu cầu không hợp lệ");
    }
}
