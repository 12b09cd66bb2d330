package vn.motcua.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Browser;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * A supervisor opens the backlog dashboard, drills down from the overdue
 * figure to the dossiers it counts, opens a conduct signal and resolves it.
 */
class SupervisionBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupervisorDrillsDownFromOverdueAndResolvesASignal() {
        DossierFixtures.World w = dossierFixtures.world();
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        String late = file(w);
        String stopped = file(w);
        dossiers.act(stopped, new DossierAct.StopProcessing("x"), null, w.specialistPrincipal());
        clock.reset(); // months later: the first is long overdue
        long signal = jdbc.sql("SELECT id FROM sv_signal WHERE dossier_code = ?").param(stopped).query(Long.class).single();

        WebDriver page = browser.driver();
        browser.login(baseUrl(), supervisor.username(), Fixtures.PASSWORD);
        page.get(baseUrl() + "/supervision?unit=" + w.agency().id());
        String overdue = browser.waitFor(By.cssSelector("#total-OVERDUE .fs-3")).getText();
        assertThat(overdue).isEqualTo("1");
        browser.waitFor(By.cssSelector("#backlog-chart canvas")); // the chart is drawn
        browser.click(By.id("total-OVERDUE"));
        assertThat(browser.waitFor(By.id("drill-total")).getText()).isEqualTo(overdue);
        assertThat(page.findElement(By.id("drill-list")).getText()).contains(late).doesNotContain(stopped);

        page.get(baseUrl() + "/supervision/signals?rule=reason-missing");
        browser.click(By.id("signal-" + signal));
        assertThat(browser.waitFor(By.id("signal-rule")).getText()).contains("lý do");
        assertThat(page.findElement(By.id("evidence")).getText()).contains(stopped);
        new Select(page.findElement(By.id("resolution"))).selectByValue("REMINDED");
        browser.click(By.id("resolve")); // no note: refused, the form says why
        assertThat(browser.waitFor(By.id("note-error")).getText()).isNotBlank();
        page.findElement(By.id("note")).sendKeys("Đã nhắc nhở chuyên viên ghi rõ lý do dừng xử lý");
        browser.click(By.id("resolve"));
        browser.waitForText(By.id("signal-status"), "Đã xử lý");
        assertThat(page.findElement(By.id("resolution")).getText()).contains("Đã nhắc nhở", supervisor.username());
    }

    private String file(DossierFixtures.World w) {
        String code = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Vũ Thị Giám Sát", "001099012388", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null), w.deskPrincipal()).code();
        dossiers.act(code, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        return code;
    }
}
