package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.PersonalWarehouse;

/**
 * Scanning on the pages: the upload form on the dossier page for officers
 * who may scan, errors next to it, the intake page's scans, and the real
 * server path (container multipart parsing with CSRF and Idempotency-Key).
 */
class DossierScanPageTests extends IntegrationTest {


    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    JdbcClient jdbc;

    DossierFixtures.World w;
    String citizen;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        citizen = Fixtures.identityNumber("07", 12);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    DossierView fileTwoPapers() {
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Lê Thị Quét", citizen, null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0), new ComponentItem("Bản sao căn cước", 0, 1, null, 0)),
                null, null), w.deskPrincipal());
    }

    DossierView view(String code) {
        return dossiers.get(code, OfficerScope.everything(null));
    }

    Document page(String code, StaffPrincipal who, MvcResult after) throws Exception {
        var b = get("/dossiers/" + code).with(user(who));
        if (after != null && after.getResponse().getCookies().length > 0) {
            // follow the redirect in the same (database-backed) session, where the flash attributes wait
            b = b.cookie(after.getResponse().getCookies());
        }
        return Jsoup.parse(mvc.perform(b).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    MvcResult scan(String code, int seq, byte[] content, StaffPrincipal who) throws Exception {
        return mvc.perform(multipart("/dossiers/" + code + "/components/" + seq + "/scan")
                        .file(new MockMultipartFile("file", "ban-quet.pdf", "application/pdf", content))
                        .param("version", String.valueOf(view(code).version()))
                        .with(user(who)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dossiers/" + code)).andReturn();
    }

    @Test
    void theDeskScansAPaperOnTheDossierPageAndTheRowThenLinksToTheFile() throws Exception {
        DossierView d = fileTwoPapers();
        Document before = page(d.code(), w.deskPrincipal(), null);
        assertThat(before.select("#scan-form-1").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(before.select("#scan-form-1 input[name=_csrf]")).hasSize(1);
        assertThat(before.select("#scan-form-2")).hasSize(1);

        byte[] pdf = DossierWarehouseTests.pdf();
        MvcResult done = scan(d.code(), 1, pdf, w.deskPrincipal());
        assertThat((String) done.getFlashMap().get("flash")).contains(d.code());
        Document after = page(d.code(), w.deskPrincipal(), done);
        assertThat(after.select("#scan-form-1")).isEmpty();
        assertThat(after.select("#scan-form-2")).hasSize(1);
        String link = after.select("#component-file-1").attr("href");
        assertThat(link).isEqualTo("/dossiers/" + d.code() + "/components/1/file");
        byte[] back = mvc.perform(get(link).with(user(w.deskPrincipal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(pdf);
        assertThat(view(d.code()).components().get(0).digitization()).isEqualTo(1);
        assertThat(warehouse.documents(citizen)).singleElement()
                .satisfies(doc -> assertThat(doc.kind()).isEqualTo(DocumentKind.COMPONENT));
        // a component without a file has no link
        mvc.perform(get("/dossiers/" + d.code() + "/components/2/file").with(user(w.deskPrincipal())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBadFileIsShownNextToItsFormAndChangesNothing() throws Exception {
        DossierView d = fileTwoPapers();
        MvcResult refused = scan(d.code(), 2, DossierWarehouseTests.EXE, w.deskPrincipal());
        assertThat(refused.getFlashMap().get("scanErrorSeq")).isEqualTo(2);
        Document html = page(d.code(), w.deskPrincipal(), refused);
        assertThat(html.select("#scan-file-2").hasClass("is-invalid")).isTrue();
        assertThat(html.select("#scan-error-2").text()).contains("PDF");
        assertThat(html.select("#scan-file-1").hasClass("is-invalid")).isFalse();
        DossierView after = view(d.code());
        assertThat(after.version()).isEqualTo(d.version());
        assertThat(after.components()).allSatisfy(c -> assertThat(c.fileId()).isNull());
        assertThat(warehouse.documents(citizen)).isEmpty();
    }

    @Test
    void onlyOfficersWhoMayScanSeeTheFormAndAReturnedDossierSaysWhyNot() throws Exception {
        DossierView d = fileTwoPapers();
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        assertThat(page(d.code(), w.specialistPrincipal(), null).select("#scan-form-1")).hasSize(1);
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        // the division had the dossier and still sees it, but the agency holds it now
        assertThat(page(d.code(), w.specialistPrincipal(), null).select("form[id^=scan-form]")).isEmpty();
        MvcResult denied = scan(d.code(), 1, DossierWarehouseTests.pdf(), w.specialistPrincipal());
        assertThat(denied.getFlashMap().get("scanErrorSeq")).isEqualTo(1);

        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "7/GP", null, null, null),
                w.leaderPrincipal());
        dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal());
        assertThat(page(d.code(), w.deskPrincipal(), null).select("form[id^=scan-form]")).isEmpty();
        MvcResult finished = scan(d.code(), 1, DossierWarehouseTests.pdf(), w.deskPrincipal());
        assertThat((String) finished.getFlashMap().get("flashError")).contains("đã kết thúc");
        assertThat(view(d.code()).components().get(0).fileId()).isNull();
    }

    @Test
    void theIntakePageTakesAScanPerTickedComponent() throws Exception {
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        byte[] pdf = DossierWarehouseTests.pdf();
        MvcResult filed = mvc.perform(intake(pdf))
                .andExpect(status().is3xxRedirection()).andReturn();
        String code = filed.getResponse().getRedirectedUrl().substring("/dossiers/".length());
        DossierView d = view(code);
        assertThat(d.components()).extracting(ComponentItem::name).containsExactly("Tờ khai đề nghị", "Bản sao căn cước");
        assertThat(d.components()).extracting(ComponentItem::digitization).containsExactly(0, 1);
        assertThat(warehouse.documents(citizen)).singleElement().satisfies(doc -> {
            assertThat(doc.title()).isEqualTo("Bản sao căn cước");
            assertThat(doc.sourceDossierCode()).isEqualTo(code);
            assertThat(doc.fileId().toString()).isEqualTo(d.components().get(1).fileId());
        });

        // a bad scan keeps the officer on the page with the error on that line, and nothing is filed
        long before = jdbc.sql("SELECT count(*) FROM dossier WHERE applicant_id_number = ?").param(citizen).query(Long.class).single();
        String html = mvc.perform(intake(DossierWarehouseTests.EXE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#comp-file-2").hasClass("is-invalid")).isTrue();
        assertThat(doc.select("#comp-file-error-2").text()).contains("PDF");
        assertThat(jdbc.sql("SELECT count(*) FROM dossier WHERE applicant_id_number = ?").param(citizen).query(Long.class).single())
                .isEqualTo(before);
    }

    /** The intake form with three lines; the second is not ticked, the third carries the scan. */
    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder intake(byte[] scan) {
        var b = multipart("/dossiers/new")
                .file(new MockMultipartFile("components[2].file", "cccd.pdf", "application/pdf", scan))
                .file(new MockMultipartFile("components[0].file", "", "application/octet-stream", new byte[0]));
        b.param("procedureCode", w.procedure().code()).param("caseId", "chung").param("kind", "PERSON")
                .param("fullName", "Lê Thị Quét").param("idNumber", citizen)
                .param("components[0].name", "Tờ khai đề nghị").param("components[0].checked", "true")
                .param("components[0].originals", "1").param("components[0].copies", "0")
                .param("components[1].name", "Ảnh không nộp").param("components[1].originals", "1").param("components[1].copies", "0")
                .param("components[2].name", "Bản sao căn cước").param("components[2].checked", "true")
                .param("components[2].originals", "0").param("components[2].copies", "1");
        b.with(user(w.deskPrincipal())).with(csrf());
        return b;
    }

    // --- through the real server -------------------------------------------------------------------

    @Test
    void throughTheServerTheApiScanIsIdempotentAndThePageFormPassesCsrf() throws Exception {
        DossierView d = fileTwoPapers();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String boundary = "----mc" + UUID.randomUUID();
        byte[] pdf = DossierWarehouseTests.pdf();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (w.deskOfficer().username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String key = UUID.randomUUID().toString();
        HttpRequest api = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/dossiers/" + d.code() + "/components/1/scan"))
                .header("Authorization", basic).header("Idempotency-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, null, pdf))).build();
        HttpResponse<String> first = http.send(api, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> again = http.send(api, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(view(d.code()).version()).isEqualTo(d.version() + 1);

        // the page: log in, take the form's CSRF token, post the multipart form
        String login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + w.deskOfficer().username() + "&password=" + Fixtures.PASSWORD + "&_csrf=" + csrfOf(login);
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        String detail = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dossiers/" + d.code())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Document page = Jsoup.parse(detail);
        String token = page.select("#scan-form-2 input[name=_csrf]").attr("value");
        assertThat(token).isNotBlank();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/dossiers/" + d.code() + "/components/2/scan"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, token, DossierWarehouseTests.pdf())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dossiers/" + d.code()));
        assertThat(view(d.code()).components()).extracting(ComponentItem::digitization).containsExactly(1, 1);
        assertThat(warehouse.documents(citizen)).hasSize(2);
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        return Jsoup.parse(html).select("input[name=_csrf]").attr("value");
    }

    private static byte[] multipartBody(String boundary, String csrf, byte[] pdf) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (csrf != null) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ban-quet.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(pdf);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
