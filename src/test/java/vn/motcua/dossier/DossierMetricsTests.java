package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.organization.Role;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * What the operators' dashboards read: committed acts by action, refused acts
 * by rule, the applicants' messages and the events not yet handled, on the
 * Prometheus page.
 */
class DossierMetricsTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    MeterRegistry registry;

    private double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void committedActsAreCountedByActionAndRefusedOnesByRule() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        double forwards = count("motcua.dossier.acts", "action", "forward");
        double refusals = count("motcua.dossier.acts.refused", "action", "return", "rule", "illegal-transition");
        String code = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Đếm Thao Tác", "001099054321", null, null, null, null),
                List.of(), w.desk().id(), null), w.deskPrincipal()).code();
        dossiers.act(code, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        assertThatThrownBy(() -> dossiers.act(code, new DossierAct.ReturnResult(Channel.IN_PERSON), null,
                w.deskPrincipal())).isInstanceOf(DomainRuleViolation.class);

        assertThat(count("motcua.dossier.acts", "action", "forward")).isEqualTo(forwards + 1);
        assertThat(count("motcua.dossier.acts.refused", "action", "return", "rule", "illegal-transition"))
                .isEqualTo(refusals + 1);

        var admin = fixtures.staff(Role.ADMIN, fixtures.province());
        String page = mvc.perform(get("/actuator/prometheus").with(user(DossierFixtures.World.principal(admin))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("motcua_dossier_acts_total{action=\"forward\"")
                .contains("motcua_outbox_applicant_notices_pending")
                .contains("motcua_outbox_events_incomplete")
                .contains("motcua_outbox_events_oldest_incomplete_seconds")
                .contains("hikaricp_connections_active");
    }
}
