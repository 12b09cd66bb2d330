package vn.motcua.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The national sync's pages and API as the provincial office uses them: the
 * failed messages and "send again" (audited, refused for others and for a
 * message already acknowledged), the log flagging an edited row, the
 * reconciliation run from the page, and "not connected" when no address is
 * configured.
 */
class NationalSyncPageTests extends IntegrationTest {

    static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");

    @Autowired DossierFixtures dossierFixtures;
    @Autowired DossierService dossiers;
    @Autowired NationalSyncSender sender;
    @Autowired NationalPortalClient client;
    @Autowired NationalPortalProperties props;
    @Autowired JdbcClient jdbc;

    DossierFixtures.World w;
    NationalPortalFake far;
    StaffView supervisorStaff;
    StaffPrincipal supervisor;
    StaffPrincipal specialist;

    @BeforeEach
    void setUp() {
        w = dossierFixtures.world();
        clock.pin(T0);
        far = new NationalPortalFake();
        props.setUsername("motcua");
        props.setPassword("bi-mat");
        client.forgetSession();
        supervisorStaff = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        supervisor = DossierFixtures.World.principal(supervisorStaff);
        specialist = w.specialistPrincipal();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        props.setUsername("");
        props.setPassword("");
        client.forgetSession();
        NationalPortalFake.SIDE.reset();
    }

    private String fileAtDesk() {
        FileDossier cmd = new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Trần Văn Trang", "040190005678", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null);
        return dossiers.file(cmd, w.deskPrincipal()).code();
    }

    private long messageId(String key) {
        return jdbc.sql("SELECT id FROM ntl_outbox WHERE idempotency_key = ?").param(key).query(Long.class).single();
    }

    private Document page(String url, StaffPrincipal who) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void aFailedMessageIsListedAndSentAgainByTheProvincialOfficeOnly() throws Exception {
        String code = fileAtDesk();
        far.down = true;
        sender.sendDue(List.of(code));
        long id = messageId(code + ":0:0");

        Document overview = page("/integration/national-portal?code=" + code, supervisor);
        assertThat(overview.select("#failure-" + id).text()).contains(code).contains("Mới đăng ký").contains("HTTP 500");
        assertThat(overview.select("#sync-connected").text()).contains("Đã kết nối");
        assertThat(overview.select("#resend-" + id).text()).contains("Gửi lại");

        // not theirs to do: refused, nothing changes
        mvc.perform(post("/integration/national-portal/messages/" + id + "/resend").with(user(specialist)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/integration/national-portal").with(user(specialist))).andExpect(status().isForbidden());
        Instant next = jdbc.sql("SELECT next_attempt_at FROM ntl_outbox WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(next).isAfter(T0);

        far.down = false;
        mvc.perform(post("/integration/national-portal/messages/" + id + "/resend").with(user(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/integration/national-portal"));
        assertThat(jdbc.sql("SELECT attempts FROM ntl_outbox WHERE id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE kind = 'national-sync.resend' AND subject_id = ?")
                .param(String.valueOf(id)).query(String.class).list()).containsExactly(supervisorStaff.username());
        assertThat(sender.sendDue(List.of(code))).isEqualTo(2);

        // acknowledged: sending again is refused with the rule, on the API as on the page
        mvc.perform(post("/api/v1/integration/national-portal/messages/" + id + "/resend")
                        .with(httpBasic(supervisorStaff.username(), Fixtures.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.rule").value("national-sync-already-sent"));
        mvc.perform(get("/api/v1/integration/national-portal/failures?size=0")
                        .with(httpBasic(supervisorStaff.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = 'national-sync.resend' AND subject_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theLogPageFlagsAnEditedRow() throws Exception {
        String code = fileAtDesk();
        sender.sendDue(List.of(code));
        Document log = page("/integration/national-portal/log?code=" + code, supervisor);
        assertThat(log.select("#sync-log tbody tr")).hasSize(3); // the lookup, the create, the update (the session request names no dossier)
        assertThat(log.select("#sync-log").text()).doesNotContain("Đã bị sửa").contains("DongBoHoSoMC");

        long row = jdbc.sql("SELECT max(id) FROM ntl_message_log WHERE dossier_code = ?").param(code).query(Long.class).single();
        jdbc.sql("UPDATE ntl_message_log SET response_status = 200, ok = NOT ok WHERE id = ?").param(row).update();

        Document after = page("/integration/national-portal/log?code=" + code, supervisor);
        assertThat(after.select("#log-" + row).text()).contains("Đã bị sửa");
        assertThat(after.select("#sync-log tbody tr").stream().filter(r -> r.text().contains("Đã bị sửa"))).hasSize(1);
        assertThat(page("/integration/national-portal/log/" + row, supervisor).select("#entry-tampered").text())
                .contains("không còn khớp");
    }

    @Test
    void theReconciliationRunsFromThePageAndListsItsDifferences() throws Exception {
        String code = fileAtDesk(); // never sent: missing at the national side
        clock.pin(T0.plus(Duration.ofHours(2)));
        mvc.perform(post("/integration/national-portal/reconciliation").with(user(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long run = jdbc.sql("SELECT max(id) FROM ntl_reconciliation").query(Long.class).single();
        Document page = page("/integration/national-portal/reconciliation?run=" + run, supervisor);
        assertThat(page.select("#differences tr").stream().filter(r -> r.text().contains(code)).findFirst())
                .get().satisfies(r -> assertThat(r.text()).contains("Chưa có trên Cổng quốc gia").contains("Được tiếp nhận"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = 'national-sync.reconcile' AND subject_id = ?")
                .param(String.valueOf(run)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void withoutAnAddressTheSenderStaysIdleAndThePagesSaySo() throws Exception {
        String url = props.getUrl();
        try {
            props.setUrl("");
            String code = fileAtDesk();
            assertThat(sender.sendDue(List.of(code))).isZero();
            assertThat(NationalPortalFake.SIDE.received()).isEmpty();
            assertThat(page("/integration/national-portal", supervisor).select("#sync-not-connected").text())
                    .contains("Chưa kết nối");
            assertThat(jdbc.sql("SELECT count(*) FROM ntl_outbox WHERE dossier_code = ? AND sent_at IS NULL").param(code)
                    .query(Long.class).single()).isEqualTo(2L);
        } finally {
            props.setUrl(url);
        }
    }
}
