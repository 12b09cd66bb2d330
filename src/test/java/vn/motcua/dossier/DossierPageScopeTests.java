package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Every staff page that acts on a dossier goes through the service's scope
 * check, as the API does: an officer of another unit gets 404 (a readable
 * page) for every act, the scan, the component file, the slips and the
 * desk's tablet, and the dossier stays exactly as it was.
 */
class DossierPageScopeTests extends IntegrationTest {

    /** Every act a page form can post. */
    static final List<String> PAGE_ACTS = List.of("receive", "refuse", "forward", "request-supplement", "supplement-received",
            "request-payment", "payment-received", "apologize", "stop", "withdraw", "complete", "return");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    JdbcClient jdbc;

    DossierFixtures.World w;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
    }

    DossierView fileWithAPaper() throws Exception {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Mai Văn Phạm Vi", Fixtures.identityNumber("05", 12), null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        dossiers.scan(d.code(), 1, new Upload("to-khai.pdf", new org.springframework.core.io.ByteArrayResource(DossierWarehouseTests.pdf())),
                null, w.deskPrincipal());
        return d;
    }

    String state(String code) {
        DossierView v = dossiers.get(code, OfficerScope.everything(null));
        return v + "|" + dossiers.history(code, OfficerScope.everything(null)).size();
    }

    @Test
    void anOfficerOfAnotherUnitGets404FromEveryPageActAndChangesNothing() throws Exception {
        DossierView d = fileWithAPaper();
        String code = d.code();
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        String before = state(code);
        for (Role role : List.of(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER)) {
            StaffPrincipal stranger = DossierFixtures.World.principal(fixtures.staff(role, fixtures.agency("Sở Trang Khác " + role)));
            for (String act : PAGE_ACTS) {
                String page = mvc.perform(post("/dossiers/" + code + "/" + act).with(user(stranger)).with(csrf())
                                .param("reason", "Thử").param("resultNumber", "1/GP").param("items", "Giấy tờ")
                                .param("amountVnd", "1000").param("skipReason", "Thử").param("channel", "IN_PERSON")
                                .param("toUnit", String.valueOf(w.agency().id())))
                        .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
                assertThat(Jsoup.parse(page).select("#error-message").text()).as(act).isNotBlank();
            }
            mvc.perform(multipart("/dossiers/" + code + "/components/1/scan")
                            .file(new MockMultipartFile("file", "x.pdf", "application/pdf", DossierWarehouseTests.pdf()))
                            .with(user(stranger)).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/dossiers/" + code).with(user(stranger))).andExpect(status().isNotFound());
            mvc.perform(get("/dossiers/" + code + "/components/1/file").with(user(stranger))).andExpect(status().isNotFound());
            mvc.perform(get("/dossiers/" + code + "/slips/receipt").with(user(stranger))).andExpect(status().isNotFound());
        }
        assertThat(state(code)).isEqualTo(before);
    }

    @Test
    void theDesksTabletShowsAndRatesOnlyDossiersOfTheOfficersUnits() throws Exception {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Mai Thị Máy Tính Bảng", Fixtures.identityNumber("05", 12), null, null, null, null),
                List.of(), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "11/GP", null, null, null),
                w.leaderPrincipal());
        dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal());

        StaffPrincipal otherDesk = DossierFixtures.World.principal(fixtures.staff(Role.ONE_STOP_OFFICER,
                fixtures.child(fixtures.province(), "Quầy Một cửa Khác " + System.nanoTime(), vn.motcua.organization.UnitKind.ONE_STOP_DESK)));
        String shown = mvc.perform(get("/kiosk").param("code", d.code()).with(user(otherDesk)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(shown).doesNotContain("Mai Thị Máy Tính Bảng");
        mvc.perform(post("/kiosk/" + d.code()).param("rating", "NOT_SATISFIED").with(csrf()).with(user(otherDesk)))
                .andExpect(status().isNotFound());
        assertThat(ratings(d.code())).isZero();

        mvc.perform(get("/kiosk").param("code", d.code()).with(user(w.deskPrincipal()))).andExpect(status().isOk());
        String done = mvc.perform(post("/kiosk/" + d.code()).param("rating", "SATISFIED").with(csrf()).with(user(w.deskPrincipal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(done).select("#rating-thanks").text()).contains("Cảm ơn");
        assertThat(ratings(d.code())).isEqualTo(1);
    }

    long ratings(String code) {
        return jdbc.sql("SELECT count(*) FROM dossier_rating WHERE dossier_code = ?").param(code).query(Long.class).single();
    }
}
