package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** Slips as the officers download them, and dossiers following their unit into a merger. */
class DossierSlipsAndMergeTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    OrganizationService org;

    private DossierView fileAndForward(DossierFixtures.World w) {
        Applicant a = new Applicant(ApplicantKind.PERSON, "Lê Thị Phượng", "040312345678", null, "0912000111", null,
                "Xã Diễn Châu, Nghệ An");
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON, a,
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        return dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
    }

    @Test
    void theReceiptIsARealPdfWithTheApplicantsVietnameseName() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = fileAndForward(w);
        byte[] pdf = mvc.perform(get("/api/v1/dossiers/" + d.code() + "/slips/receipt")
                        .with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Lê Thị Phượng").contains(d.code()).contains("040312345678")
                    .contains(w.procedure().name());
        }
        byte[] control = mvc.perform(get("/api/v1/dossiers/" + d.code() + "/slips/control")
                        .with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(control)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(w.desk().name()).contains(w.division().name());
        }
        // a refusal slip for a dossier that was not refused does not exist
        mvc.perform(get("/api/v1/dossiers/" + d.code() + "/slips/refusal")
                        .with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void pendingDossiersFollowTheirDissolvedUnitToTheSuccessorWithCodeAndDeadlinesKept() {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView before = fileAndForward(w);
        assertThat(before.handlingUnit().id()).isEqualTo(w.division().id());
        UnitView successor = fixtures.child(w.agency(), "Phòng Nghiệp vụ hợp nhất", UnitKind.DIVISION);

        org.merge(List.of(w.division().unitId()), successor.unitId(), "Quyết định hợp nhất phòng", "admin");

        // the move runs after the merge commits, from the event publication registry
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        DossierView after = dossiers.get(before.code(), OfficerScope.everything(null));
        while (after.handlingUnit().id() != successor.id() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            after = dossiers.get(before.code(), OfficerScope.everything(null));
        }
        assertThat(after.handlingUnit().id()).isEqualTo(successor.id());
        assertThat(after.code()).isEqualTo(before.code());
        assertThat(after.appointmentAt()).isEqualTo(before.appointmentAt());
        assertThat(after.currentStep().dueAt()).isEqualTo(before.currentStep().dueAt());
        assertThat(dossiers.history(before.code(), OfficerScope.everything(null)))
                .extracting(HistoryView::action).endsWith("transfer-to-successor");
    }
}
