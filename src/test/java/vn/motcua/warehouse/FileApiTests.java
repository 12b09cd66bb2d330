package vn.motcua.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** Uploads checked by content, stored once by hash, readable only by those who should. */
class FileApiTests extends IntegrationTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, (byte) 0xb8, 0, 0, 0,
        'T', 'h', 'i', 's', ' ', 'p', 'r', 'o', 'g', 'r', 'a', 'm'};

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    JdbcClient jdbc;

    String upload(StaffView who, String name, byte[] content, int expected) throws Exception {
        return mvc.perform(multipart("/api/v1/files").file(new MockMultipartFile("file", name, "application/pdf", content))
                        .with(httpBasic(who.username(), Fixtures.PASSWORD)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPdfIsStoredByItsHashAndTheOwnerReadsItBack() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Tệp"));
        String body = upload(officer, "Tờ khai.pdf", PDF, 201);
        assertThat((String) JsonPath.read(body, "$.mediaType")).isEqualTo("application/pdf");
        assertThat((String) JsonPath.read(body, "$.name")).isEqualTo("Tờ khai.pdf");
        String id = JsonPath.read(body, "$.id");
        byte[] back = mvc.perform(get("/api/v1/files/" + id).with(httpBasic(officer.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(PDF);
        // the same content uploaded again is a new record over the same blob
        String again = upload(officer, "copy.pdf", PDF, 201);
        assertThat((String) JsonPath.read(again, "$.sha256")).isEqualTo(JsonPath.read(body, "$.sha256"));
    }

    @Test
    void badUploadsAreRefusedClearlyAndLeaveNothingBehind() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Tệp Xấu"));
        long before = jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single();
        mvc.perform(multipart("/api/v1/files").file(new MockMultipartFile("file", "hoso.pdf", "application/pdf", EXE))
                        .with(httpBasic(officer.username(), Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("PDF")));
        upload(officer, "empty.pdf", new byte[0], 422);
        upload(officer, "notes.pdf", "chỉ là văn bản".getBytes(StandardCharsets.UTF_8), 422);
        byte[] big = new byte[1_100_000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(officer, "big.pdf", big, 422);
        assertThat(jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single()).isEqualTo(before);
        upload(officer, "anh.png", PNG, 201);
    }

    @Test
    void anotherOfficerGets404UnlessTheFileBelongsToADossierOfTheirUnit() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String id = JsonPath.read(upload(w.deskOfficer(), "to-khai.pdf", PDF, 201), "$.id");
        mvc.perform(get("/api/v1/files/" + id).with(httpBasic(w.specialist().username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Hồ Văn Tệp", "040111222333", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, id, 1)), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        mvc.perform(get("/api/v1/files/" + id).with(httpBasic(w.specialist().username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        StaffView stranger = fixtures.staff(Role.SPECIALIST, fixtures.agency("Sở Không Liên Quan"));
        mvc.perform(get("/api/v1/files/" + id).with(httpBasic(stranger.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/files/not-a-uuid").with(httpBasic(stranger.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
