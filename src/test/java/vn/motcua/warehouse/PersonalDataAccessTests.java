package vn.motcua.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * A citizen's private warehouse documents are read by supervisors,
 * administrators and API clients only through the explicit "view personal
 * data" act with a reason, each view audited; without it they are 404, while
 * the files of dossiers stay readable in those wide scopes as before.
 */
class PersonalDataAccessTests extends IntegrationTest {

    static final String DEMO_PASSWORD = "MotCua@2026";
    static final String DEMO_API_KEY = "mc_demo_key_local_only_9f3a2c7e";
    static final String KIND = "warehouse.personal-data.viewed";

    @Autowired
    FileService files;

    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    AuditTrail audit;

    @Autowired
    OrganizationService org;

    @Autowired
    DossierService dossiers;

    @Autowired
    DossierFixtures dossierFixtures;

    String citizen;
    StoredFile privateFile;
    WarehouseDocument privateDoc;

    @BeforeEach
    void citizensPrivateDocument() throws Exception {
        citizen = Fixtures.identityNumber("04", 12);
        privateFile = files.upload("so-ho-khau.pdf", new ByteArrayInputStream(FileApiTests.PDF),
                PersonalWarehouse.CITIZEN_OWNER_PREFIX + citizen);
        privateDoc = warehouse.add(citizen, DocumentKind.OTHER, "Sổ hộ khẩu", privateFile.id(), null, null);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    static RequestPostProcessor supervisor() {
        return httpBasic("giamsat", DEMO_PASSWORD);
    }

    static MockHttpServletRequestBuilder apiKey(MockHttpServletRequestBuilder b) {
        return b.header("Authorization", "Bearer " + DEMO_API_KEY);
    }

    String accessUrl(String owner, Object documentId) {
        return "/api/v1/warehouse/" + owner + "/documents/" + documentId + "/access";
    }

    List<AuditEntry> views() {
        return audit.about("warehouse-owner", citizen, 100).stream().filter(e -> e.kind().equals(KIND)).toList();
    }

    @Test
    void withoutTheActTheWideScopesCannotReadAPrivateDocument() throws Exception {
        mvc.perform(get("/api/v1/files/" + privateFile.id()).with(supervisor())).andExpect(status().isNotFound());
        mvc.perform(apiKey(get("/api/v1/files/" + privateFile.id()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/files/" + privateFile.id()).with(httpBasic("admin", DEMO_PASSWORD))).andExpect(status().isNotFound());
        assertThat(views()).isEmpty();
    }

    @Test
    void theFilesOfDossiersStayReadableInTheWideScopes() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        StoredFile scan = files.upload("to-khai.pdf", new ByteArrayInputStream(FileApiTests.PDF),
                "staff:" + w.deskOfficer().username());
        dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Phan Thị Hồ Sơ", citizen, null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, scan.id().toString(), 1)), null, null), w.deskPrincipal());
        mvc.perform(get("/api/v1/files/" + scan.id()).with(supervisor())).andExpect(status().isOk());
        mvc.perform(apiKey(get("/api/v1/files/" + scan.id()))).andExpect(status().isOk());
    }

    @Test
    void theActWithAReasonOpensAShortLivedGrantAndIsAudited() throws Exception {
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        // without a reason: refused, nothing recorded
        mvc.perform(post(accessUrl(citizen, privateDoc.id())).with(supervisor()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post(accessUrl(citizen, privateDoc.id())).with(supervisor()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"   \"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(views()).isEmpty();

        String grant = mvc.perform(post(accessUrl(citizen, privateDoc.id())).with(supervisor()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Xác minh khiếu nại số 12/KN của công dân\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentId").value(privateDoc.id().toString()))
                .andExpect(jsonPath("$.title").value("Sổ hộ khẩu"))
                .andExpect(jsonPath("$.expiresAt").value("2026-03-02T09:05:00+07:00"))
                .andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(grant, "$.contentUrl");
        byte[] content = mvc.perform(get(url).with(supervisor())).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
        assertThat(content).isEqualTo(FileApiTests.PDF);
        assertThat(views()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("giamsat");
            assertThat(e.reason()).isEqualTo("Xác minh khiếu nại số 12/KN của công dân");
            assertThat(e.subjectId()).isEqualTo(citizen);
            assertThat(e.detail()).contains(privateDoc.id().toString());
        });

        // the grant is the caller's alone, and short-lived; the file itself stays closed
        mvc.perform(apiKey(get(url))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/files/" + privateFile.id()).with(supervisor())).andExpect(status().isNotFound());
        clock.pin(Instant.parse("2026-03-02T02:05:01Z"));
        mvc.perform(get(url).with(supervisor())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warehouse/grants/not-a-grant").with(supervisor())).andExpect(status().isNotFound());
    }

    @Test
    void anApiKeyTakesTheSameActAndEachViewIsOneAuditLine() throws Exception {
        for (String reason : List.of("Đối soát dữ liệu với Cổng DVCQG", "Đối soát lần hai")) {
            String grant = mvc.perform(apiKey(post(accessUrl(citizen, privateDoc.id()))).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"" + reason + "\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            mvc.perform(apiKey(get((String) JsonPath.read(grant, "$.contentUrl")))).andExpect(status().isOk());
        }
        assertThat(views()).extracting(AuditEntry::actor).containsOnly("hethong.dvcqg");
        assertThat(views()).extracting(AuditEntry::reason).containsExactly("Đối soát lần hai", "Đối soát dữ liệu với Cổng DVCQG");
        mvc.perform(apiKey(get("/api/v1/warehouse/" + citizen + "/documents"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(privateDoc.id().toString()))
                .andExpect(jsonPath("$[0].fileId").doesNotExist());
    }

    @Test
    void otherStaffMayNotAskAndUnknownOrForeignDocumentsAre404() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Dữ Liệu Cá Nhân"));
        mvc.perform(post(accessUrl(citizen, privateDoc.id())).with(httpBasic(officer.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Tò mò\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/warehouse/" + citizen + "/documents").with(httpBasic(officer.username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        String other = Fixtures.identityNumber("04", 12);
        for (String url : List.of(accessUrl(other, privateDoc.id()), accessUrl(citizen, UUID.randomUUID()),
                accessUrl(citizen, "not-an-id"))) {
            mvc.perform(post(url).with(supervisor()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Kiểm tra\"}"))
                    .andExpect(status().isNotFound());
        }
        assertThat(views()).isEmpty();
        assertThat(audit.about("warehouse-owner", other, 10)).isEmpty();
    }

    @Test
    void thePageFormAsksForAReasonShowsTheDocumentAndRecordsTheView() throws Exception {
        StaffPrincipal giamsat = principal("giamsat");
        Document list = Jsoup.parse(mvc.perform(get("/warehouse/personal-data").param("owner", citizen).with(user(giamsat)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.select(".document-title").eachText()).containsExactly("Sổ hộ khẩu");
        assertThat(list.select("#reason-" + privateDoc.id()).attr("required")).isNotNull();

        String form = "/warehouse/personal-data/" + citizen + "/documents/" + privateDoc.id();
        Document refused = Jsoup.parse(mvc.perform(post(form).with(user(giamsat)).with(csrf()).param("reason", " "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#reason-error-" + privateDoc.id()).text()).isNotBlank();
        assertThat(views()).isEmpty();

        byte[] shown = mvc.perform(post(form).with(user(giamsat)).with(csrf()).param("reason", "Thanh tra theo Quyết định 5/QĐ-TTr"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(shown).isEqualTo(FileApiTests.PDF);
        assertThat(views()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("giamsat");
            assertThat(e.reason()).isEqualTo("Thanh tra theo Quyết định 5/QĐ-TTr");
        });

        StaffPrincipal officer = DossierFixtures.World.principal(fixtures.staff(Role.LEADER, fixtures.agency("Sở Trang Dữ Liệu")));
        mvc.perform(get("/warehouse/personal-data").param("owner", citizen).with(user(officer))).andExpect(status().isForbidden());
        mvc.perform(post(form).with(user(officer)).with(csrf()).param("reason", "Xem thử")).andExpect(status().isForbidden());
        assertThat(views()).hasSize(1);
    }

    StaffPrincipal principal(String username) {
        return DossierFixtures.World.principal(org.findStaffByUsername(username).orElseThrow());
    }

    @Test
    void aGrantOutlivesNoExpiryEvenForItsOwnActor() throws Exception {
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        String grant = mvc.perform(post(accessUrl(citizen, privateDoc.id())).with(supervisor()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Kiểm tra hạn\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(grant, "$.contentUrl");
        clock.pin(Instant.parse("2026-03-02T02:00:00Z").plus(Duration.ofMinutes(4)));
        mvc.perform(get(url).with(supervisor())).andExpect(status().isOk());
        clock.pin(Instant.parse("2026-03-02T02:00:00Z").plus(Duration.ofMinutes(5)));
        mvc.perform(get(url).with(supervisor())).andExpect(status().isNotFound());
    }
}
