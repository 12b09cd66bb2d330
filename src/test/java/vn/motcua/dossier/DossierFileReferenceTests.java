package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.shared.NotFound;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;

/**
 * A file id an act references (a component's {@code fileId} at filing, the
 * {@code resultFileId} of a completion) must be the caller's own upload or a
 * file of a dossier in the caller's units: any other id, a leaked one
 * included, is 404 and nothing is written, so no act can make a file readable
 * through a new dossier.
 */
class DossierFileReferenceTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    FileService files;

    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    JdbcClient jdbc;

    DossierFixtures.World w;
    String applicantId;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        applicantId = Fixtures.identityNumber("08", 12);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    StoredFile upload(String owner) throws Exception {
        return files.upload("giay-to.pdf", new ByteArrayInputStream(DossierWarehouseTests.pdf()), owner);
    }

    /** A document a citizen keeps in their own warehouse: their upload, used by no dossier. */
    StoredFile citizensPrivateFile(String citizen) throws Exception {
        StoredFile f = upload(PersonalWarehouse.CITIZEN_OWNER_PREFIX + citizen);
        warehouse.add(citizen, DocumentKind.OTHER, "Sổ hộ khẩu (bản scan)", f.id(), null, null);
        return f;
    }

    String filing(String fileId, Integer digitization) {
        return """
                {"procedureCode":"%s","channel":"IN_PERSON",
                 "applicant":{"kind":"PERSON","fullName":"Đinh Văn Tệp","idNumber":"%s"},
                 "components":[{"name":"Tờ khai đề nghị","originals":1,"copies":0,"fileId":"%s"%s}]}"""
                .formatted(w.procedure().code(), applicantId, fileId, digitization == null ? "" : ",\"digitization\":" + digitization);
    }

    ResultActions fileThroughApi(StaffView who, String json) throws Exception {
        return mvc.perform(post("/api/v1/dossiers").with(httpBasic(who.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long dossiersOfApplicant() {
        return jdbc.sql("SELECT count(*) FROM dossier WHERE applicant_id_number = ?").param(applicantId).query(Long.class).single();
    }

    long storedFiles() {
        return jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single();
    }

    @Test
    void aLeakedIdOfACitizensPrivateFileCannotBeFiledAndStaysUnreadable() throws Exception {
        String citizen = Fixtures.identityNumber("09", 12);
        StoredFile leaked = citizensPrivateFile(citizen);
        mvc.perform(get("/api/v1/files/" + leaked.id()).with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        long files = storedFiles();

        fileThroughApi(w.deskOfficer(), filing(leaked.id().toString(), 1))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(dossiersOfApplicant()).isZero();
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(warehouse.documents(applicantId)).isEmpty();
        mvc.perform(get("/api/v1/files/" + leaked.id()).with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherOfficersUploadAndAnUnknownIdAre404Too() throws Exception {
        StaffView other = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Tệp Người Khác"));
        StoredFile theirs = upload("staff:" + other.username());
        fileThroughApi(w.deskOfficer(), filing(theirs.id().toString(), 1)).andExpect(status().isNotFound());
        // an id that names no file answers exactly like one that names someone else's
        fileThroughApi(w.deskOfficer(), filing(UUID.randomUUID().toString(), 1)).andExpect(status().isNotFound());
        assertThat(dossiersOfApplicant()).isZero();
    }

    @Test
    void theCallersOwnUploadAndAFileOfADossierOfTheirUnitsAreAccepted() throws Exception {
        StoredFile mine = upload("staff:" + w.deskOfficer().username());
        String first = fileThroughApi(w.deskOfficer(), filing(mine.id().toString(), 1))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(first, "$.components[0].fileId")).isEqualTo(mine.id().toString());
        assertThat(warehouse.documents(applicantId)).singleElement()
                .satisfies(doc -> assertThat(doc.fileId()).isEqualTo(mine.id()));

        // a second dossier reuses the paper of the first (state 2): a file of a dossier of the desk
        String second = fileThroughApi(w.deskOfficer(), filing(mine.id().toString(), 2))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(second, "$.components[0].digitization")).isEqualTo(2);

        // another desk officer of the same desk did not upload it, but it is a file of their desk's dossiers
        StaffView colleague = fixtures.staff(Role.ONE_STOP_OFFICER, w.desk());
        fileThroughApi(colleague, filing(mine.id().toString(), 2)).andExpect(status().isCreated());
        assertThat(dossiersOfApplicant()).isEqualTo(3);
    }

    @Test
    void aFileOfAnotherUnitsDossierIsNotTheCallers() throws Exception {
        DossierFixtures.World elsewhere = dossierFixtures.world();
        StoredFile theirs = upload("staff:" + elsewhere.deskOfficer().username());
        dossiers.file(new FileDossier(elsewhere.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Người Khác", Fixtures.identityNumber("08", 12), null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, theirs.id().toString(), 1)), null, null),
                elsewhere.deskPrincipal());
        fileThroughApi(w.deskOfficer(), filing(theirs.id().toString(), 2)).andExpect(status().isNotFound());
        assertThat(dossiersOfApplicant()).isZero();
    }

    @Test
    void aResultFileMustBeTheLeadersOwnAndAnyOtherLeavesTheDossierAsItWas() throws Exception {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Đinh Văn Tệp", applicantId, null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        String before = mvc.perform(get("/api/v1/dossiers/" + d.code()).with(httpBasic(w.leader().username(), Fixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        long history = historyRows(d.code());

        String citizen = Fixtures.identityNumber("09", 12);
        StoredFile leaked = citizensPrivateFile(citizen);
        StoredFile strangers = upload("staff:" + fixtures.staff(Role.LEADER, fixtures.agency("Sở Khác Kết Quả")).username());
        for (String foreign : List.of(leaked.id().toString(), strangers.id().toString(), UUID.randomUUID().toString(), "not-a-file")) {
            mvc.perform(post("/api/v1/dossiers/" + d.code() + "/complete").with(httpBasic(w.leader().username(), Fixtures.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"resultNumber\":\"5/GP\",\"resultFileId\":\"" + foreign + "\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        String after = mvc.perform(get("/api/v1/dossiers/" + d.code()).with(httpBasic(w.leader().username(), Fixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).isEqualTo(before);
        assertThat(historyRows(d.code())).isEqualTo(history);

        StoredFile own = upload("staff:" + w.leader().username());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/complete").with(httpBasic(w.leader().username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resultNumber\":\"5/GP\",\"resultFileId\":\"" + own.id() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusCode").value(9))
                .andExpect(jsonPath("$.resultFileId").value(own.id().toString()));
    }

    @Test
    void anOnlineFilingTakesOnlyTheApplicantsOwnFiles() throws Exception {
        String citizen = Fixtures.identityNumber("09", 12);
        StoredFile someoneElses = citizensPrivateFile(citizen);
        FileDossier online = new FileDossier(w.procedure().code(), null, Channel.ONLINE,
                new Applicant(ApplicantKind.PERSON, "Đinh Văn Tệp", applicantId, null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, someoneElses.id().toString(), 1)), null, null);
        assertThatThrownBy(() -> dossiers.fileOnline(online, w.desk().id(), "Đinh Văn Tệp")).isInstanceOf(NotFound.class);
        assertThat(dossiersOfApplicant()).isZero();

        StoredFile own = upload(PersonalWarehouse.CITIZEN_OWNER_PREFIX + applicantId);
        DossierView filed = dossiers.fileOnline(new FileDossier(w.procedure().code(), null, Channel.ONLINE, online.applicant(),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, own.id().toString(), 1)), null, null), w.desk().id(), "Đinh Văn Tệp");
        assertThat(filed.components().get(0).fileId()).isEqualTo(own.id().toString());
    }

    @Test
    void theIntakePageTakesNoFileIdFromTheForm() throws Exception {
        String citizen = Fixtures.identityNumber("09", 12);
        StoredFile leaked = citizensPrivateFile(citizen);
        mvc.perform(post("/dossiers/new").with(user(w.deskPrincipal())).with(csrf())
                        .param("procedureCode", w.procedure().code()).param("kind", "PERSON")
                        .param("fullName", "Đinh Văn Tệp").param("idNumber", applicantId)
                        .param("components[0].name", "Tờ khai đề nghị").param("components[0].checked", "true")
                        .param("components[0].originals", "1").param("components[0].copies", "0")
                        .param("components[0].fileId", leaked.id().toString()))
                .andExpect(status().is3xxRedirection());
        String code = jdbc.sql("SELECT code FROM dossier WHERE applicant_id_number = ?").param(applicantId).query(String.class).single();
        assertThat(dossiers.get(code, OfficerScope.everything(null)).components()).singleElement()
                .satisfies(c -> assertThat(c.fileId()).isNull());
    }

    long historyRows(String code) {
        return jdbc.sql("SELECT count(*) FROM dossier_history h JOIN dossier d ON d.id = h.dossier_id WHERE d.code = ?")
                .param(code).query(Long.class).single();
    }
}
