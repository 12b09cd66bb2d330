package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/** Applicants hear of their dossier by e-mail, through a real SMTP server. */
class DossierNotificationTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Test
    void theApplicantIsToldOfTheReceiptAndOfTheSupplementRequested() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String address = "nguoi.nop." + System.nanoTime() + "@example.vn";
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Võ Thị Hường", "040322233344", null, "0911222333", address, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());

        MimeMessage received = awaitMail(address, "đã được tiếp nhận");
        assertThat(received.getSubject()).isEqualTo("Hồ sơ " + d.code() + " đã được tiếp nhận");
        assertThat(received.getContent().toString()).contains("Kính gửi Võ Thị Hường").contains(w.procedure().name())
                .contains("/public/tracking/" + d.code());

        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.REQUEST_SUPPLEMENT, new Act("Thiếu giấy tờ", null, null, null,
                List.of("Bản sao giấy khai sinh"), null, null, null, null, null, null), w.specialistPrincipal());
        MimeMessage supplement = awaitMail(address, "cần bổ sung");
        assertThat(supplement.getContent().toString()).contains("Bản sao giấy khai sinh");
    }
}
