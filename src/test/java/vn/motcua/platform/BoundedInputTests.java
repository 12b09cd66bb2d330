package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.platform.web.InputLimits;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.support.IntegrationTest;

/**
 * Inputs are bounded before they cost anything: paging that would overflow
 * the offset and search texts PostgreSQL refuses (NUL) answer 400 naming the
 * field, on every list of the API and of the pages (they answered 500); a
 * body over the endpoint's limit answers 413 without being read, whether its
 * length is declared or not.
 */
class BoundedInputTests extends IntegrationTest {

    static final String ADMIN = "admin";
    static final String DEMO_PASSWORD = "MotCua@2026";

    @Autowired
    InputLimits limits;

    /** A list as the API offers it, with the caller who may read it. */
    record ApiList(String path, RequestPostProcessor caller) {
    }

    /** A list as a page shows it, with the person who may open it. */
    record PageList(String path, RequestPostProcessor person) {
    }

    private List<ApiList> apiLists() {
        RequestPostProcessor admin = httpBasic(ADMIN, DEMO_PASSWORD);
        return List.of(new ApiList("/api/v1/procedures", r -> r), new ApiList("/api/v1/dossiers", admin),
                new ApiList("/api/v1/units", admin));
    }

    private List<PageList> pageLists() {
        StaffView adminView = fixtures.staff(Role.ADMIN, fixtures.province());
        RequestPostProcessor admin = user(new StaffPrincipal(adminView.id(), adminView.username(), adminView.fullName(), adminView.roles()));
        StaffView deskView = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.province());
        RequestPostProcessor desk = user(new StaffPrincipal(deskView.id(), deskView.username(), deskView.fullName(), deskView.roles()));
        CitizenPrincipal citizen = new CitizenPrincipal(990_000_001L, ApplicantKind.PERSON, "079099000001", "Lê Văn Biên",
                "0912345678", "bien@example.vn", "Vinh");
        RequestPostProcessor asCitizen = authentication(new UsernamePasswordAuthenticationToken(citizen, null,
                List.of(new SimpleGrantedAuthority(CitizenPrincipal.ROLE))));
        return List.of(new PageList("/public/procedures", r -> r), new PageList("/admin/procedures", admin),
                new PageList("/dossiers", desk), new PageList("/admin/staff", admin), new PageList("/portal/dossiers", asCitizen),
                new PageList("/admin/units/search", admin), new PageList("/dossiers/new/procedures", desk));
    }

    /** The pages that page (the others only search). */
    private static boolean pages(String path) {
        return !path.equals("/admin/units/search") && !path.equals("/dossiers/new/procedures");
    }

    @TestFactory
    Stream<DynamicTest> anOverflowingPageIsRefusedWithTheFieldOnEveryApiList() {
        return apiLists().stream().filter(l -> !l.path().equals("/api/v1/units")).flatMap(l -> Stream.of(
                DynamicTest.dynamicTest(l.path() + " page=2147483647", () ->
                        mvc.perform(get(l.path() + "?page=2147483647&size=100").with(l.caller()))
                                .andExpect(status().isBadRequest())
                                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                                .andExpect(jsonPath("$.errors[0].field").value("page"))
                                .andExpect(jsonPath("$.errors[0].message").value("Số trang phải từ 0 đến 100000."))),
                DynamicTest.dynamicTest(l.path() + " page=-1", () ->
                        mvc.perform(get(l.path() + "?page=-1").with(l.caller()))
                                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"))),
                DynamicTest.dynamicTest(l.path() + " size=0 and size=100000", () -> {
                    mvc.perform(get(l.path() + "?size=0").with(l.caller()))
                            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
                    mvc.perform(get(l.path() + "?size=100000").with(l.caller()))
                            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
                }),
                DynamicTest.dynamicTest(l.path() + " the last page allowed", () ->
                        mvc.perform(get(l.path() + "?page=100000&size=100").with(l.caller()))
                                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty()))));
    }

    @TestFactory
    Stream<DynamicTest> aNulOrAnOverlongSearchTextIsRefusedWithTheFieldOnEveryApiList() {
        return apiLists().stream().flatMap(l -> Stream.of(
                DynamicTest.dynamicTest(l.path() + " q=%00", () ->
                        mvc.perform(get(java.net.URI.create(l.path() + "?q=%00")).with(l.caller()))
                                .andExpect(status().isBadRequest())
                                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                                .andExpect(jsonPath("$.errors[0].field").value("q"))),
                DynamicTest.dynamicTest(l.path() + " q=ab%00cd", () ->
                        mvc.perform(get(java.net.URI.create(l.path() + "?q=ab%00cd")).with(l.caller()))
                                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"))),
                DynamicTest.dynamicTest(l.path() + " q of 201 characters", () ->
                        mvc.perform(get(l.path() + "?q=" + "a".repeat(201)).with(l.caller()))
                                .andExpect(status().isBadRequest())
                                .andExpect(jsonPath("$.errors[0].field").value("q"))
                                .andExpect(jsonPath("$.errors[0].message").value("Tối đa 200 ký tự."))),
                DynamicTest.dynamicTest(l.path() + " q with another control character", () ->
                        mvc.perform(get(java.net.URI.create(l.path() + "?q=ab%01cd")).with(l.caller()))
                                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q")))));
    }

    @TestFactory
    Stream<DynamicTest> pagesAnswer400WithAReadableMessageInsteadOf500() {
        return pageLists().stream().flatMap(l -> Stream.concat(
                Stream.of(DynamicTest.dynamicTest(l.path() + " q=%00", () ->
                        mvc.perform(get(java.net.URI.create(l.path() + "?q=%00")).with(l.person()))
                                .andExpect(status().isBadRequest())
                                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                                .andExpect(content().string(Matchers.containsString("Không được chứa ký tự NUL."))))),
                pages(l.path()) ? Stream.of(DynamicTest.dynamicTest(l.path() + " page=2147483647", () ->
                        mvc.perform(get(l.path() + "?page=2147483647&size=100").with(l.person()))
                                .andExpect(status().isBadRequest())
                                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                                .andExpect(content().string(Matchers.containsString("Số trang phải từ 0 đến 100000.")))))
                        : Stream.empty()));
    }

    @Test
    void aNulAnywhereInTheQueryStringIsRefusedBeforeTheController() throws Exception {
        mvc.perform(get(java.net.URI.create("/api/v1/tracking/HS-1?lang=vi%00")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
        mvc.perform(get(java.net.URI.create("/public/tracking?code=HS%00")))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void eachEndpointHasItsBodyLimit() {
        assertThat(limits.bodyLimit("/api/v1/units")).isEqualTo(1024 * 1024);
        assertThat(limits.bodyLimit("/portal/register")).isEqualTo(1024 * 1024);
        // the test profile's file limit (1 MB) plus the overhead (1 MB)
        long upload = 2 * 1024 * 1024;
        for (String path : List.of("/api/v1/files", "/api/v1/dossiers/HS-1/components/2/scan", "/api/v1/procedures/import",
                "/dossiers/HS-1/components/2/scan", "/admin/procedures/import", "/portal/warehouse",
                "/portal/drafts/0b7e/components/1/upload")) {
            assertThat(limits.bodyLimit(path)).as(path).isEqualTo(upload);
        }
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(post("/api/v1/units").with(httpBasic(ADMIN, DEMO_PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("Nội dung gửi lên quá lớn (tối đa 1 MB)."));
    }

    /** 700 MB announced, nothing sent: the answer comes at once, before the body (which never comes). */
    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        String answer = exchange("POST /api/v1/units HTTP/1.1\r\nHost: localhost\r\n" + basic()
                + "Content-Type: application/json\r\nIdempotency-Key: big-1\r\nContent-Length: 734003200\r\n\r\n", null);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
        answer = exchange("POST /api/v1/files HTTP/1.1\r\nHost: localhost\r\n" + basic()
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + (3 * 1024 * 1024) + "\r\n\r\n", null);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("(tối đa 2 MB)");
    }

    /** Chunked, no length: counted as read, refused once past the limit, also where the idempotency filter reads it. */
    @Test
    void aChunkedBodyIsCountedAsItIsRead() throws Exception {
        // one JSON text of 2.5 MB, valid as far as it goes, in chunks of 64 KB
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        chunk(body, "{\"name\":\"".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 40; i++) {
            chunk(body, chunk);
        }
        chunk(body, "\"}".getBytes(StandardCharsets.US_ASCII));
        body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String idempotency : List.of("", "Idempotency-Key: chunked-1\r\n")) {
            String answer = exchange("POST /api/v1/units HTTP/1.1\r\nHost: localhost\r\n" + basic() + idempotency
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", body.toByteArray());
            assertThat(answer).as(idempotency).startsWith("HTTP/1.1 413").contains("\"status\":413");
        }
    }

    private static void chunk(ByteArrayOutputStream body, byte[] chunk) throws IOException {
        body.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(chunk);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String basic() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }

    /** Sends the head (and the body, if any) over a raw connection and reads the answer until the server closes or 10 s pass. */
    private String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedWhileSending) {
                    // the server answered and closed before taking the whole body: read its answer
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    answer.write(buf, 0, n);
                    String s = answer.toString(StandardCharsets.UTF_8);
                    if (s.contains("\r\n\r\n") && s.contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // return what came
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
