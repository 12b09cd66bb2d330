package vn.motcua.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.shared.InvalidInput;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Stale dossiers found and cleared in bulk by the leader of the unit holding
 * them, each as the dossier module's own act; a failed item is reported and
 * does not stop the others; a bulk stop needs a reason and evidence.
 */
class BacklogCleanupTests extends IntegrationTest {

    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    BacklogCleanup cleanup;

    DossierFixtures.World w;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        clock.pin(MONDAY_9);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    String atDivision(DossierFixtures.World world) {
        String code = dossiers.file(new FileDossier(world.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Đỗ Văn Tồn", "001099012377", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), world.desk().id(), null), world.deskPrincipal()).code();
        dossiers.act(code, new DossierAct.ForwardDossier(null, null, null), null, world.deskPrincipal());
        return code;
    }

    static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    CleanupJobView finished(long id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !cleanup.job(id, w.leaderPrincipal()).running());
        return cleanup.job(id, w.leaderPrincipal());
    }

    @Test
    void aLeaderForwardsStaleDossiersInBulkAndTheFailuresAreReported() {
        String a = atDivision(w);
        String b = atDivision(w);
        String paused = atDivision(w);
        dossiers.act(paused, new DossierAct.RequestPayment(50_000L, "Lệ phí"), null, w.specialistPrincipal());
        String elsewhere = atDivision(dossierFixtures.world());
        clock.pin(MONDAY_9.plus(Duration.ofDays(21)));

        List<String> stale = cleanup.stale(5, null, false, w.leaderPrincipal()).stream().map(BacklogDossier::code).toList();
        assertThat(stale).contains(a, b).doesNotContain(elsewhere, paused); // paused before its appointment: not overdue
        assertThat(cleanup.stale(null, 20, false, w.leaderPrincipal()).stream().map(BacklogDossier::code))
                .contains(a, b, paused).doesNotContain(elsewhere);

        CleanupJobView job = cleanup.start(BacklogCleanup.Kind.REASSIGN, List.of(a, paused, elsewhere, b), w.agency().id(), null,
                "Giải quyết hồ sơ tồn đọng", null, w.leaderPrincipal(), "127.0.0.1");
        CleanupJobView done = finished(job.id());
        assertThat(done.total()).isEqualTo(4);
        assertThat(done.done()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(2);
        assertThat(done.items()).extracting(CleanupJobView.Item::code, CleanupJobView.Item::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a, "DONE"), org.assertj.core.groups.Tuple.tuple(paused, "FAILED"),
                org.assertj.core.groups.Tuple.tuple(elsewhere, "FAILED"), org.assertj.core.groups.Tuple.tuple(b, "DONE"));
        assertThat(done.items().get(1).error()).isNotBlank();
        assertThat(dossiers.get(a, OfficerScope.everything(null)).handlingUnit().id()).isEqualTo(w.agency().id());
        assertThat(last(dossiers.history(a, OfficerScope.everything(null))).actor()).isEqualTo(w.leader().fullName());
    }

    @Test
    void aBulkStopNeedsAReasonAndEvidenceAndIsTheLeadersOwnAct() {
        String a = atDivision(w);
        clock.pin(MONDAY_9.plus(Duration.ofDays(60)));
        assertThatThrownBy(() -> cleanup.start(BacklogCleanup.Kind.STOP, List.of(a), null, null, "Quá hạn lâu", null,
                w.leaderPrincipal(), "127.0.0.1")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKeys("reason", "evidence"));
        var supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        assertThatThrownBy(() -> cleanup.start(BacklogCleanup.Kind.STOP, List.of(a), null, null,
                "Người nộp không bổ sung sau nhiều lần liên hệ", "Biên bản làm việc số 12/BB ngày 10/4/2026", supervisor, "127.0.0.1"))
                .isInstanceOf(AccessDeniedException.class);

        CleanupJobView job = cleanup.start(BacklogCleanup.Kind.STOP, List.of(a), null, null,
                "Người nộp không bổ sung sau nhiều lần liên hệ", "Biên bản làm việc số 12/BB ngày 10/4/2026",
                w.leaderPrincipal(), "127.0.0.1");
        assertThat(finished(job.id()).done()).isEqualTo(1);
        var d = dossiers.get(a, OfficerScope.everything(null));
        assertThat(d.statusCode()).isEqualTo(DossierStatus.STOPPED.code());
        assertThat(last(dossiers.history(a, OfficerScope.everything(null))).reason()).contains("Biên bản làm việc số 12/BB");
        // the supervisor sees the run too
        assertThat(cleanup.job(job.id(), supervisor).done()).isEqualTo(1);
    }

    @Autowired
    vn.motcua.supervision.internal.CleanupRunner runner;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRunWhoseNodeDiedIsResumedByAnotherNodeAndNoItemIsDoneTwice() {
        List<String> codes = List.of(atDivision(w), atDivision(w), atDivision(w), atDivision(w));
        clock.pin(MONDAY_9.plus(Duration.ofDays(21)));
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        // a run started on a node that did its first item, then died: leased to that node for two more minutes
        long id = jdbc.sql("""
                INSERT INTO sv_bulk_job (kind, actor_id, actor, to_unit, reason, total, created_at, lease_owner, lease_until)
                VALUES ('REASSIGN', ?, ?, ?, 'Giải quyết hồ sơ tồn đọng', 4, ?, 'a-node-that-died', ?) RETURNING id
                """).params(w.leader().id(), w.leader().username(), w.agency().id(), now,
                        java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(2)))).query(Long.class).single();
        for (int i = 0; i < 4; i++) {
            jdbc.sql("INSERT INTO sv_bulk_item (job_id, seq, code) VALUES (?, ?, ?)").params(id, i + 1, codes.get(i)).update();
        }
        int v = dossiers.get(codes.get(0), OfficerScope.everything(null)).version();
        dossiers.act(codes.get(0), new DossierAct.ForwardDossier(new vn.motcua.organization.UnitId(w.agency().id()), null,
                "Giải quyết hồ sơ tồn đọng"), v, w.leaderPrincipal());
        jdbc.sql("UPDATE sv_bulk_item SET status = 'DONE', claimed_version = ? WHERE job_id = ? AND seq = 1").params(v, id).update();
        jdbc.sql("UPDATE sv_bulk_job SET done = 1 WHERE id = ?").param(id).update();
        int historyOfFirst = dossiers.history(codes.get(0), OfficerScope.everything(null)).size();

        // while the lease holds, no other node takes the run
        assertThat(runner.resumeAbandoned()).doesNotContain(id);
        assertThat(cleanup.job(id, w.leaderPrincipal()).done()).isEqualTo(1);

        // the lease expires: the sweep takes it over and goes on from the second item
        clock.pin(clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(runner.resumeAbandoned()).contains(id);
        CleanupJobView done = finished(id);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.done()).isEqualTo(4);
        assertThat(done.failed()).isZero();
        assertThat(done.items()).extracting(CleanupJobView.Item::status).containsOnly("DONE");
        for (String c : codes) {
            assertThat(dossiers.get(c, OfficerScope.everything(null)).handlingUnit().id()).isEqualTo(w.agency().id());
        }
        // the first item's act is not done again: its history did not grow
        assertThat(dossiers.history(codes.get(0), OfficerScope.everything(null))).hasSize(historyOfFirst);
        assertThat(jdbc.sql("SELECT resumed FROM sv_bulk_job WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT lease_owner FROM sv_bulk_job WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(runner.node());
        // a finished run is not taken again
        clock.pin(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(runner.resumeAbandoned()).doesNotContain(id);
    }
}
