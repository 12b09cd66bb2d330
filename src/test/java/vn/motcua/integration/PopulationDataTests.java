package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.HistoryView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.FilingDraft;
import vn.motcua.portal.OnlineFiling;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Look-ups in the national population database against a real HTTP server
 * on loopback ({@link FarSides#POPULATION}): found (the name and address
 * prefill the intake), not found, the registry down or answering hostile
 * XML, consent required at the desk and online; every look-up in the audit
 * trail; a dossier filed with a look-up is marked once
 * ({@link PopulationDataUsed}), and only with a look-up of its own applicant.
 */
@RecordApplicationEvents
class PopulationDataTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;
    @Autowired
    CitizenFixtures citizens;
    @Autowired
    DossierService dossiers;
    @Autowired
    OnlineFiling filing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEvents events;

    final FarSide far = FarSides.POPULATION;
    DossierFixtures.World w;

    @BeforeEach
    void setUp() {
        far.reset();
        w = dossierFixtures.world();
    }

    @AfterEach
    void tearDown() {
        far.reset();
    }

    static String answer(String idNumber) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<CongdanCollection xmlns=\"http://dancuquocgia.bca/\"><CongDan>"
                + "<SoDinhDanh>" + idNumber + "</SoDinhDanh><SoCMND></SoCMND>"
                + "<HoVaTen><Ho>Nguyễn</Ho><ChuDem>Thị Dân</ChuDem><Ten>Cư</Ten></HoVaTen>"
                + "<GioiTinh>2</GioiTinh><NgayThangNamSinh>15/08/1990</NgayThangNamSinh>"
                + "<ThuongTru><MaTinhThanh>40</MaTinhThanh><ChiTiet>Xóm 3, xã Nghi Phong, tỉnh Nghệ An</ChiTiet></ThuongTru>"
                + "<NoiOHienTai><MaTinhThanh>40</MaTinhThanh><ChiTiet>Số 12 Lê Hồng Phong, phường Trường Vinh, tỉnh Nghệ An</ChiTiet></NoiOHienTai>"
                + "</CongDan></CongdanCollection></soap:Body></soap:Envelope>";
        return wrap(xml);
    }

    static String wrap(String xml) {
        return "{\"error_code\":\"0\",\"message\":" + tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(xml) + "}";
    }

    private org.springframework.test.web.servlet.ResultActions deskLookup(String idNumber, boolean consent) throws Exception {
        return mvc.perform(post("/integration/population/lookup").param("idNumber", idNumber)
                .param("consent", String.valueOf(consent)).with(user(w.deskPrincipal())).with(csrf()));
    }

    private String fileWith(String idNumber, String lookupId, Channel channel) {
        FileDossier cmd = new FileDossier(w.procedure().code(), null, channel,
                new Applicant(ApplicantKind.PERSON, "Nguyễn Thị Dân Cư", idNumber, null, null, null, "Số 12 Lê Hồng Phong"),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null, null, lookupId);
        return channel == Channel.ONLINE ? dossiers.fileOnline(cmd, w.desk().id(), "Nguyễn Thị Dân Cư").code()
                : dossiers.file(cmd, w.deskPrincipal()).code();
    }

    private long used(String code) {
        return events.stream(PopulationDataUsed.class).filter(e -> e.code().equals(code)).count();
    }

    @Test
    void aDeskLookUpWithConsentFillsTheIntakeAndTheFiledDossierIsMarkedOnce() throws Exception {
        String id = CitizenFixtures.citizenId();
        far.on("POST", "/lookup", r -> FarSide.Reply.json(200, answer(id)));

        String body = deskLookup(id, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.found").value(true))
                .andExpect(jsonPath("$.fullName").value("Nguyễn Thị Dân Cư"))
                .andExpect(jsonPath("$.dateOfBirth").value("15/08/1990"))
                .andExpect(jsonPath("$.address").value("Số 12 Lê Hồng Phong, phường Trường Vinh, tỉnh Nghệ An"))
                .andReturn().getResponse().getContentAsString();
        String lookupId = json.readTree(body).path("lookupId").asString();
        assertThat(far.received("/lookup")).hasSize(1);
        assertThat(far.received("/lookup").get(0).text()).contains("\"SoDinhDanh\":\"" + id + "\"");
        // who, whose ID, when, why: in the audit trail
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = 'population.lookup' AND subject_id = :id "
                        + "AND actor = :who AND detail LIKE '%intake%' AND detail LIKE '%FOUND%'")
                .param("id", id).param("who", w.deskOfficer().username()).query(Long.class).single()).isEqualTo(1);

        String code = fileWith(id, lookupId, Channel.IN_PERSON);

        assertThat(used(code)).isEqualTo(1);
        PopulationDataUsed e = events.stream(PopulationDataUsed.class).filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        assertThat(e.procedureCode()).isEqualTo(w.procedure().code());
        assertThat(e.receivingUnit().value()).isEqualTo(w.desk().id());
        HistoryView filed = dossiers.history(code, OfficerScope.everything(null)).get(0);
        assertThat(filed.action()).isEqualTo(Action.FILE.path());
        assertThat(filed.details()).containsEntry("populationLookup", lookupId);

        // the same look-up cannot mark a second dossier
        String second = fileWith(id, lookupId, Channel.IN_PERSON);
        assertThat(used(second)).isZero();
        assertThat(events.stream(PopulationDataUsed.class).count()).isGreaterThanOrEqualTo(1);
        assertThat(events.stream(PopulationDataUsed.class).filter(x -> x.code().equals(code)).count()).isEqualTo(1);

        // a look-up id longer than any the registry gives is refused on every path, the desk's and the portal's
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fileWith(id, "x".repeat(65), Channel.IN_PERSON))
                .isInstanceOf(vn.motcua.shared.InvalidInput.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fileWith(id, "x".repeat(65), Channel.ONLINE))
                .isInstanceOf(vn.motcua.shared.InvalidInput.class);
    }

    @Test
    void aLookUpOfAnotherPersonDoesNotMarkTheDossier() throws Exception {
        String id = CitizenFixtures.citizenId();
        far.on("POST", "/lookup", r -> FarSide.Reply.json(200, answer(id)));
        String lookupId = json.readTree(deskLookup(id, true).andReturn().getResponse().getContentAsString())
                .path("lookupId").asString();

        String code = fileWith(CitizenFixtures.citizenId(), lookupId, Channel.IN_PERSON);

        assertThat(used(code)).isZero();
        // a look-up id that names nothing: the filing still goes through, unmarked
        String other = fileWith(id, java.util.UUID.randomUUID().toString(), Channel.ONLINE);
        assertThat(used(other)).isZero();
    }

    @Test
    void withoutConsentNothingIsAsked() throws Exception {
        deskLookup(CitizenFixtures.citizenId(), false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.found").value(false))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("đồng ý")));
        assertThat(far.received()).isEmpty();
    }

    @Test
    void aPersonTheRegistryDoesNotHoldIsAnsweredInWords() throws Exception {
        far.on("POST", "/lookup", r -> FarSide.Reply.json(200, wrap(
                "<Envelope><Body><CongdanCollection></CongdanCollection></Body></Envelope>")));
        String id = CitizenFixtures.citizenId();
        deskLookup(id, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.found").value(false))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("Không tìm thấy")));
        assertThat(jdbc.sql("SELECT outcome FROM integration_population_lookup WHERE id_number = :id").param("id", id)
                .query(String.class).single()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aRegistryThatFailsTimesOutOrAnswersHostileXmlIsAReadableMessageAndIsRecorded() throws Exception {
        String id = CitizenFixtures.citizenId();
        far.script("POST", "/lookup", FarSide.Reply.json(500, "{}"), FarSide.Reply.dropConnection(),
                FarSide.Reply.json(200, answer(id)).after(java.time.Duration.ofSeconds(4)),
                FarSide.Reply.json(200, wrap("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<Envelope><Body><CongdanCollection><CongDan><SoDinhDanh>" + id + "</SoDinhDanh>"
                        + "<HoVaTen><Ho>&e;</Ho></HoVaTen></CongDan></CongdanCollection></Body></Envelope>")),
                FarSide.Reply.json(200, "{\"error_code\":\"-1\",\"message\":\"Lỗi hệ thống\"}"));
        for (int i = 0; i < 5; i++) {
            deskLookup(id, true).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.found").value(false))
                    .andExpect(jsonPath("$.message").value(Matchers.containsString("không phản hồi")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("root:"))));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM integration_population_lookup WHERE id_number = :id AND outcome = 'FAILED'")
                .param("id", id).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void onlyOneStopOfficersLookUpAtTheDesk() throws Exception {
        mvc.perform(post("/integration/population/lookup").param("idNumber", CitizenFixtures.citizenId())
                        .param("consent", "true").with(user(w.specialistPrincipal())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(far.received()).isEmpty();
    }

    @Test
    void theCitizenConsentsOnlineAndTheDraftIsPrefilledAndCarriesTheLookUp() throws Exception {
        CitizenPrincipal me = citizens.proven("Nguyễn Thị Dân Cư");
        far.on("POST", "/lookup", r -> FarSide.Reply.json(200, answer(me.identityNumber())));
        FilingDraft d = filing.start(me, w.procedure().code());
        filing.saveDetails(me, d.id(), w.procedure().cases().get(0).id(), null, "0912345678", null, "Địa chỉ cũ");

        // without consent: refused, nothing asked
        mvc.perform(post("/portal/population/drafts/{id}", d.id()).with(CitizenFixtures.as(me)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cần có sự đồng ý")));
        assertThat(far.received()).isEmpty();

        mvc.perform(post("/portal/population/drafts/{id}", d.id()).param("consent", "true").with(CitizenFixtures.as(me))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/portal/drafts/" + d.id() + "/review?population=*"));
        assertThat(filing.draft(me, d.id()).address()).isEqualTo("Số 12 Lê Hồng Phong, phường Trường Vinh, tỉnh Nghệ An");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = 'population.lookup' AND subject_id = :id "
                        + "AND actor = :who").param("id", me.identityNumber())
                .param("who", CitizenPrincipal.ACTOR_PREFIX + me.identityNumber()).query(Long.class).single()).isEqualTo(1);
        String lookupId = jdbc.sql("SELECT CAST(id AS TEXT) FROM integration_population_lookup WHERE id_number = :id")
                .param("id", me.identityNumber()).query(String.class).single();
        // the review page carries it into the submission
        mvc.perform(get("/portal/drafts/{id}/review", d.id()).param("population", lookupId).with(CitizenFixtures.as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"populationLookupId\" value=\"" + lookupId + "\"")));
        // and the online filing naming it is marked once
        String code = fileWith(me.identityNumber(), lookupId, Channel.ONLINE);
        assertThat(used(code)).isEqualTo(1);
    }

    @Test
    void theDeskIntakeOffersTheLookUpWhenTheRegistryIsConnected() throws Exception {
        mvc.perform(get("/dossiers/new").with(user(w.deskPrincipal())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"population-lookup-button\"")))
                .andExpect(content().string(Matchers.containsString("name=\"populationLookupId\"")));
    }
}
