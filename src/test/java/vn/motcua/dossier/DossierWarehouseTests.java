package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;
import vn.motcua.warehouse.WarehouseDocument;

/**
 * The dossier and the personal warehouse: filed files must exist and go into
 * the applicant's warehouse, papers scanned at the desk (API), results when
 * returned; a refused act changes nothing.
 */
class DossierWarehouseTests extends IntegrationTest {

    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xb8, 0, 0, 0,
        'T', 'h', 'i', 's', ' ', 'p', 'r', 'o', 'g', 'r', 'a', 'm'};

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    FileService files;

    @Autowired
    JdbcClient jdbc;

    DossierFixtures.World w;
    String citizen;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        citizen = Fixtures.identityNumber("08", 12);
        clock.pin(Instant.parse("2026-03-02T02:00:00Z")); // Monday 2 March 2026, 09:00 in Vietnam
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /** A PDF with unique content, so every call stores a new blob. */
    static byte[] pdf() {
        return vn.motcua.support.TestFiles.pdf();
    }

    StoredFile stored() throws Exception {
        return files.upload("to-khai.pdf", new ByteArrayInputStream(pdf()), "staff:" + w.deskOfficer().username());
    }

    Applicant person() {
        return new Applicant(ApplicantKind.PERSON, "Trần Văn Kho", citizen, null, null, null, null);
    }

    DossierView file(List<ComponentItem> components) {
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON, person(), components, null, null),
                w.deskPrincipal());
    }

    DossierView fileTwoPapers() {
        return file(List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0), new ComponentItem("Bản sao căn cước", 0, 1, null, 0)));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    long dossiersOfCitizen() {
        return count("SELECT count(*) FROM dossier WHERE applicant_id_number = ?", citizen);
    }

    long historyRows(String code) {
        return count("SELECT count(*) FROM dossier_history h JOIN dossier d ON d.id = h.dossier_id WHERE d.code = ?", code);
    }

    ResultActions scanApi(String code, int seq, byte[] content, String name, StaffView who, String key) throws Exception {
        var b = multipart("/api/v1/dossiers/" + code + "/components/" + seq + "/scan")
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .with(httpBasic(who.username(), Fixtures.PASSWORD));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return mvc.perform(b);
    }

    // --- filing -------------------------------------------------------------------------------

    @Test
    void filingWithAnUnknownOrMalformedFileIsRefusedAndWritesNothing() {
        long warehouseBefore = warehouse.documents(citizen).size();
        // an id that names no file is answered like one the caller may not use (404), see DossierFileReferenceTests
        assertThatThrownBy(() -> file(List.of(new ComponentItem("Tờ khai", 1, 0, null, 0),
                new ComponentItem("Ảnh", 1, 0, UUID.randomUUID().toString(), 1))))
                .isInstanceOf(vn.motcua.shared.NotFound.class);
        assertThatThrownBy(() -> file(List.of(new ComponentItem("Tờ khai", 1, 0, "../../etc/passwd", 1))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("components[0].fileId"));
        assertThat(dossiersOfCitizen()).isZero();
        assertThat(warehouse.documents(citizen)).hasSize((int) warehouseBefore);
    }

    @Test
    void filedComponentsWithFilesGoIntoTheApplicantsWarehouseButReusedOnesDoNotAgain() throws Exception {
        StoredFile scanned = stored();
        StoredFile reused = stored();
        DossierView d = file(List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, scanned.id().toString(), null),
                new ComponentItem("Bản sao căn cước", 0, 1, reused.id().toString(), 2),
                new ComponentItem("Ảnh chân dung", 1, 0, null, 0)));
        assertThat(d.components()).extracting(ComponentItem::digitization).containsExactly(1, 2, 0);
        List<WarehouseDocument> docs = warehouse.documents(citizen);
        assertThat(docs).hasSize(1);
        WarehouseDocument doc = docs.get(0);
        assertThat(doc.kind()).isEqualTo(DocumentKind.COMPONENT);
        assertThat(doc.fileId()).isEqualTo(scanned.id());
        assertThat(doc.title()).isEqualTo("Tờ khai đề nghị");
        assertThat(doc.sourceDossierCode()).isEqualTo(d.code());

        // an organisation's papers go to its tax code
        String taxCode = Fixtures.identityNumber("", 10);
        StoredFile charter = stored();
        DossierView org = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.ORGANIZATION, "Công ty TNHH Kho", null, taxCode, null, null, null),
                List.of(new ComponentItem("Điều lệ", 1, 0, charter.id().toString(), 1)), null, null), w.deskPrincipal());
        assertThat(warehouse.documents(taxCode)).singleElement()
                .satisfies(x -> assertThat(x.sourceDossierCode()).isEqualTo(org.code()));
    }

    // --- scanning through the API ---------------------------------------------------------------

    @Test
    void aScanThroughTheApiFillsTheComponentOnceAndTheRetryReplays() throws Exception {
        DossierView d = fileTwoPapers();
        long history = historyRows(d.code());
        String key = UUID.randomUUID().toString();
        byte[] content = pdf();
        String body = scanApi(d.code(), 2, content, "can-cuoc.pdf", w.deskOfficer(), key)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(d.code()))
                .andExpect(jsonPath("$.components[1].digitization").value(1))
                .andExpect(jsonPath("$.components[0].fileId").doesNotExist())
                .andExpect(jsonPath("$.version").value(d.version() + 1))
                .andReturn().getResponse().getContentAsString();
        String fileId = JsonPath.read(body, "$.components[1].fileId");
        assertThat(historyRows(d.code())).isEqualTo(history + 1);
        assertThat(dossiers.history(d.code(), vn.motcua.organization.OfficerScope.everything(null)))
                .last().satisfies(h -> {
                    assertThat(h.action()).isEqualTo("scan");
                    assertThat(h.toStatus()).isEqualTo(d.statusCode());
                    assertThat(h.details()).containsEntry("component", 2).containsEntry("fileId", fileId);
                });
        assertThat(warehouse.documents(citizen)).singleElement().satisfies(doc -> {
            assertThat(doc.fileId().toString()).isEqualTo(fileId);
            assertThat(doc.title()).isEqualTo("Bản sao căn cước");
            assertThat(doc.sourceDossierCode()).isEqualTo(d.code());
        });

        // the same call again (same key, same file) gets the first answer and changes nothing
        scanApi(d.code(), 2, content, "can-cuoc.pdf", w.deskOfficer(), key)
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.components[1].fileId").value(fileId));
        // the same key with another file is refused
        scanApi(d.code(), 2, pdf(), "can-cuoc.pdf", w.deskOfficer(), key).andExpect(status().isUnprocessableContent());
        assertThat(historyRows(d.code())).isEqualTo(history + 1);

        // the component now has a file: a second scan is a rule violation
        scanApi(d.code(), 2, pdf(), "lan-hai.pdf", w.deskOfficer(), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("component-has-file"));
        scanApi(d.code(), 9, pdf(), "khong-co.pdf", w.deskOfficer(), null).andExpect(status().isNotFound());
    }

    @Test
    void badFilesStaleVersionsAndStrangersLeaveTheDossierAsItWas() throws Exception {
        DossierView d = fileTwoPapers();
        long history = historyRows(d.code());
        long storedFiles = count("SELECT count(*) FROM stored_file");
        byte[] big = new byte[1_100_000];
        byte[] head = pdf();
        System.arraycopy(head, 0, big, 0, head.length);
        Map<String, byte[]> bad = Map.of("setup.pdf", EXE, "rong.pdf", new byte[0], "lon.pdf", big,
                "ghi-chu.pdf", "chỉ là văn bản".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            scanApi(d.code(), 1, e.getValue(), e.getKey(), w.deskOfficer(), UUID.randomUUID().toString())
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("file"));
        }
        mvc.perform(multipart("/api/v1/dossiers/" + d.code() + "/components/1/scan")
                        .with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        // a stale version is a conflict
        mvc.perform(multipart("/api/v1/dossiers/" + d.code() + "/components/1/scan")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf()))
                        .param("version", String.valueOf(d.version() - 1))
                        .with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("stale-version"));
        // an officer of another unit does not learn that the dossier exists
        StaffView stranger = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Không Liên Quan Kho"));
        scanApi(d.code(), 1, pdf(), "a.pdf", stranger, null).andExpect(status().isNotFound());
        // the specialist's unit does not hold the dossier yet
        scanApi(d.code(), 1, pdf(), "a.pdf", w.specialist(), null).andExpect(status().isNotFound());

        DossierView after = dossiers.get(d.code(), vn.motcua.organization.OfficerScope.everything(null));
        assertThat(after.version()).isEqualTo(d.version());
        assertThat(after.components()).allSatisfy(c -> {
            assertThat(c.fileId()).isNull();
            assertThat(c.digitization()).isZero();
        });
        assertThat(historyRows(d.code())).isEqualTo(history);
        assertThat(count("SELECT count(*) FROM stored_file")).isEqualTo(storedFiles);
        assertThat(warehouse.documents(citizen)).isEmpty();
    }

    @Test
    void theHandlingUnitScansToo() throws Exception {
        DossierView d = fileTwoPapers();
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        scanApi(d.code(), 1, pdf(), "to-khai.pdf", w.specialist(), UUID.randomUUID().toString())
                .andExpect(status().isOk()).andExpect(jsonPath("$.components[0].digitization").value(1));
        assertThat(warehouse.documents(citizen)).hasSize(1);
    }

    // --- results ----------------------------------------------------------------------------------

    @Test
    void aReturnedResultGoesIntoTheWarehouseAndAReturnedDossierRefusesScans() throws Exception {
        DossierView d = fileTwoPapers();
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        // a result file that does not exist is refused (404, like a file that is not the leader's) and the dossier stays in processing
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resultNumber\":\"12/GP\",\"resultFileId\":\"" + UUID.randomUUID() + "\"}")
                        .with(httpBasic(w.leader().username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(dossiers.get(d.code(), vn.motcua.organization.OfficerScope.everything(null)).statusCode()).isEqualTo(4);

        // the signed result is the leader's own upload
        StoredFile result = files.upload("giay-phep.pdf", new ByteArrayInputStream(pdf()), "staff:" + w.leader().username());
        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "12/GP",
                result.id().toString(), null, null), w.leaderPrincipal());
        assertThat(warehouse.documents(citizen)).isEmpty(); // not before it is returned
        dossiers.act(d.code(), Action.RETURN, new Act(null, null, null, null, null, null, null, null, null,
                Channel.IN_PERSON, null), w.deskPrincipal());
        assertThat(warehouse.documents(citizen)).singleElement().satisfies(doc -> {
            assertThat(doc.kind()).isEqualTo(DocumentKind.RESULT);
            assertThat(doc.fileId()).isEqualTo(result.id());
            assertThat(doc.sourceDossierCode()).isEqualTo(d.code());
            assertThat(doc.title()).isEqualTo("Kết quả: " + w.procedure().name() + " – số 12/GP");
        });
        assertThat(warehouse.reuse(citizen, warehouse.documents(citizen).get(0).id()).digitization()).isEqualTo(3);

        // a returned dossier takes no more scans, with a readable reason
        long history = historyRows(d.code());
        scanApi(d.code(), 1, pdf(), "muon.pdf", w.deskOfficer(), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("dossier-finished"))
                .andExpect(jsonPath("$.detail").value(containsString("đã kết thúc")));
        assertThat(historyRows(d.code())).isEqualTo(history);
    }
}
