package vn.motcua.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.integration.DossierSynced;
import vn.motcua.integration.NationalSync;
import vn.motcua.integration.SyncLogEntry;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The status sync to the National Public Service Portal against a real HTTP
 * far side on loopback ({@link NationalPortalFake}): every status change sent
 * once, in order per dossier, create then update; retries that never make a
 * second record (500, a lost answer, "đã tồn tại"); back-off through an hour
 * of outage; a sender stopped mid-batch taken over after its lease; the
 * reconciliation's differences; the signed log showing an edited row.
 */
@RecordApplicationEvents
class NationalSyncTests extends IntegrationTest {

    /** Tuesday 7 April 2026, 09:00 in Vietnam. */
    static final Instant T0 = Instant.parse("2026-04-07T02:00:00Z");

    @Autowired DossierFixtures dossierFixtures;
    @Autowired DossierService dossiers;
    @Autowired NationalSyncSender sender;
    @Autowired NationalSyncOutbox outbox;
    @Autowired NationalPortalClient client;
    @Autowired NationalPortalProperties props;
    @Autowired NationalSync sync;
    @Autowired SyncMessageLog messageLog;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired ApplicationEvents events;

    DossierFixtures.World w;
    NationalPortalFake far;
    Duration timeout;
    final List<String> codes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        w = dossierFixtures.world();
        clock.pin(T0);
        far = new NationalPortalFake();
        props.setUsername("motcua");
        props.setPassword("bi-mat");
        timeout = props.getRequestTimeout();
        props.setRequestTimeout(Duration.ofMillis(2000));
        client.forgetSession();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        props.setUsername("");
        props.setPassword("");
        props.setRequestTimeout(timeout);
        client.forgetSession();
        NationalPortalFake.SIDE.reset();
    }

    private String fileAtDesk() {
        FileDossier cmd = new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Nguyễn Thị Đồng Bộ", "040190001234", null, "0912345678", null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null);
        String code = dossiers.file(cmd, w.deskPrincipal()).code();
        codes.add(code);
        return code;
    }

    /** Filed and received at the desk (1, 2), forwarded (4), a supplement asked (5): four messages. */
    private String fourStatusChanges() {
        String code = fileAtDesk();
        dossiers.act(code, new DossierAct.ForwardDossier(null, null, "Chuyển thẩm định"), null, w.deskPrincipal());
        dossiers.act(code, new DossierAct.RequestSupplement(List.of("Bản sao sổ hộ khẩu"), "Thiếu giấy tờ"), null,
                w.specialistPrincipal());
        return code;
    }

    private List<String> keysHere(String code) {
        return jdbc.sql("SELECT idempotency_key FROM ntl_outbox WHERE dossier_code = ? ORDER BY act_version, act_index")
                .param(code).query(String.class).list();
    }

    private long unsent(String code) {
        return jdbc.sql("SELECT count(*) FROM ntl_outbox WHERE dossier_code = ? AND sent_at IS NULL").param(code)
                .query(Long.class).single();
    }

    private List<DossierSynced> synced(String code) {
        return events.stream(DossierSynced.class).filter(e -> e.code().equals(code)).toList();
    }

    @Test
    void everyStatusChangeIsSentOnceInOrderCreateThenUpdate() {
        String code = fourStatusChanges();
        List<String> keys = keysHere(code);
        assertThat(keys).hasSize(4).first().isEqualTo(code + ":0:0");

        assertThat(sender.sendDue(codes)).isEqualTo(4);

        assertThat(far.keysOf(code)).containsExactlyElementsOf(keys);
        assertThat(far.timesApplied()).containsOnlyKeys(keys).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
        List<NationalPortalFake.Applied> applied = far.applied;
        assertThat(applied).extracting(NationalPortalFake.Applied::status).containsExactly(1, 2, 4, 5);
        assertThat(applied).extracting(NationalPortalFake.Applied::update).containsExactly(false, true, true, true);
        // looked up once (unknown there), then known: created once and updated
        assertThat(far.requests("TraCuuHoSo")).hasSize(1);
        assertThat(far.logins.get()).isEqualTo(1);

        Map<String, Object> received = applied.get(1).record();
        var dossier = dossiers.get(code, vn.motcua.organization.OfficerScope.everything(null));
        assertThat(received).containsEntry("MaHoSo", code).containsEntry("MaTTHC", w.procedure().code())
                .containsEntry("ChuHoSo", "Nguyễn Thị Đồng Bộ").containsEntry("SoGiayToChuHoSo", "040190001234")
                .containsEntry("KenhThucHien", 1).containsEntry("LoaiDoiTuong", 1)
                .containsEntry("NgayTiepNhan", "20260407090000")
                .containsEntry("NgayHenTra", NationalFormat.TIME.format(dossier.appointmentAt().toInstant()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) applied.get(3).record().get("QuaTrinhXuLy");
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("TrangThai", 5).containsEntry("MaHoSo", code)
                    .containsEntry("ThoiDiemXuLy", "20260407090000");
            assertThat((String) h.get("NoiDungXuLy")).contains("Thiếu giấy tờ");
        });
        // the key in the header and in the body
        List<Map<String, Object>> syncs = far.requests("DongBoHoSoMC");
        assertThat(syncs).extracting(b -> b.get("IdempotencyKey")).containsExactlyElementsOf(keys);
        assertThat(NationalPortalFake.SIDE.received("/service")).filteredOn(r -> r.text().contains("DongBoHoSoMC"))
                .extracting(r -> r.header("Idempotency-Key")).containsExactlyElementsOf(keys);

        assertThat(unsent(code)).isZero();
        assertThat(synced(code)).extracting(DossierSynced::nationalStatus).containsExactly(1, 2, 4, 5);
        assertThat(synced(code)).allSatisfy(e -> assertThat(e.receivingUnit().value()).isEqualTo(w.desk().id()));
        // nothing more to send
        assertThat(sender.sendDue(codes)).isZero();
        assertThat(far.applied).hasSize(4);
        // the claim without a filter (what the node's thread runs) is valid SQL (LIMIT 0 takes nothing)
        assertThat(outbox.claim(0, props.getLease(), "probe", null)).isEmpty();
    }

    @Test
    void retriesAfterA500AndALostAnswerNeverMakeASecondRecord() {
        String code = fileAtDesk();
        List<String> keys = keysHere(code);
        NationalPortalFake.SIDE.script("POST", "/service", testsupport.farside.FarSide.Reply.json(500, "{}"));

        assertThat(sender.sendDue(codes)).isZero(); // the lookup answered 500
        assertThat(far.applied).isEmpty();
        assertThat(jdbc.sql("SELECT last_error FROM ntl_outbox WHERE idempotency_key = ?").param(keys.get(0))
                .query(String.class).single()).contains("500");

        clock.pin(T0.plusSeconds(29));
        assertThat(sender.sendDue(codes)).as("back-off: not yet due").isZero();

        clock.pin(T0.plusSeconds(31));
        far.answerTooLate.set(1);
        assertThat(sender.sendDue(codes)).isZero(); // created there, but the answer came too late
        assertThat(far.applied).hasSize(1);

        clock.pin(T0.plusSeconds(31 + 61));
        far.answerDropped.set(1);
        assertThat(sender.sendDue(codes)).isZero(); // applied again (found, so as an update), connection dropped

        clock.pin(T0.plusSeconds(31 + 61 + 121));
        assertThat(sender.sendDue(codes)).isEqualTo(2); // the first message, then the receipt after it

        assertThat(far.records).containsOnlyKeys(code);
        assertThat(far.keysOf(code)).containsExactlyElementsOf(keys);
        assertThat(far.applied).extracting(NationalPortalFake.Applied::update).containsExactly(false, true, true, true);
        assertThat(far.timesApplied().get(keys.get(0))).isEqualTo(3L); // the same message, deduplicated by its key
        assertThat(synced(code)).hasSize(2);
        assertThat(unsent(code)).isZero();
    }

    @Test
    void aCreateRefusedAsAlreadyThereIsSentAgainAsAnUpdate() {
        String code = fileAtDesk();
        far.records.put(code, new java.util.HashMap<>(Map.of("MaHoSo", code, "TrangThaiHoSo", 1)));
        far.lookupBlind = true;

        assertThat(sender.sendDue(codes)).isEqualTo(2);

        List<Map<String, Object>> syncs = far.requests("DongBoHoSoMC");
        assertThat(syncs).extracting(b -> b.get("isUpdating")).containsExactly("False", "True", "True");
        assertThat(far.records).containsOnlyKeys(code);
        assertThat(far.timesApplied()).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
        assertThat(jdbc.sql("SELECT sent_as FROM ntl_outbox WHERE dossier_code = ? ORDER BY act_version, act_index")
                .param(code).query(String.class).list()).containsExactly("UPDATE", "UPDATE");
    }

    @Test
    void anHourOfOutageThenEverythingIsDeliveredOnceInOrder() {
        String a = fourStatusChanges();
        String b = fourStatusChanges();
        far.down = true;
        for (int minute = 0; minute <= 60; minute += 5) {
            clock.pin(T0.plus(Duration.ofMinutes(minute)));
            assertThat(sender.sendDue(codes)).isZero();
        }
        // backing off: the first message of each dossier tried at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 minutes; later ones wait
        int attempts = jdbc.sql("SELECT max(attempts) FROM ntl_outbox WHERE dossier_code = ANY(?)")
                .param(codes.toArray(String[]::new)).query(Integer.class).single();
        assertThat(attempts).isBetween(5, 8);
        assertThat(jdbc.sql("SELECT count(*) FROM ntl_outbox WHERE dossier_code = ANY(?) AND attempts > 0")
                .param(codes.toArray(String[]::new)).query(Long.class).single()).isEqualTo(2L);
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(40)).isEqualTo(Duration.ofHours(1));
        assertThat(far.applied).isEmpty();

        far.down = false;
        clock.pin(T0.plus(Duration.ofMinutes(125)));
        assertThat(sender.sendDue(codes)).isEqualTo(8);

        for (String code : List.of(a, b)) {
            assertThat(far.keysOf(code)).containsExactlyElementsOf(keysHere(code));
            assertThat(far.records.get(code)).containsEntry("TrangThaiHoSo", 5);
            assertThat(synced(code)).hasSize(4);
        }
        assertThat(far.timesApplied()).hasSize(8).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void aSenderStoppedMidBatchIsTakenOverAfterItsLeaseAndEachMessageLandsOnce() {
        String a = fourStatusChanges();
        String b = fourStatusChanges();
        List<String> all = new ArrayList<>(keysHere(a));
        all.addAll(keysHere(b));
        NationalSyncSender nodeA = new NationalSyncSender(outbox, client, props, json, tx, publisher, clock, false, "node-a");
        NationalSyncSender nodeB = new NationalSyncSender(outbox, client, props, json, tx, publisher, clock, false, "node-b");
        // node A stops after the far side applied the second message of dossier a, before recording it
        String dies = a + ":1:0";
        nodeA.stopAfterPost = m -> m.key().equals(dies);
        try {
            nodeA.sendDue(codes);
            throw new AssertionError("node A should have stopped");
        } catch (NationalSyncSender.NodeStopped expected) {
            // the node is gone, holding its claims
        }
        assertThat(far.timesApplied()).containsKey(dies);

        // node B cannot take what node A still holds
        nodeB.sendDue(codes);
        assertThat(far.timesApplied().get(dies)).isEqualTo(1L);
        assertThat(unsent(a)).isEqualTo(2);
        assertThat(unsent(b)).isEqualTo(2);

        clock.pin(T0.plus(props.getLease()).plusSeconds(1));
        nodeB.sendDue(codes);

        assertThat(unsent(a)).isZero();
        assertThat(unsent(b)).isZero();
        assertThat(far.timesApplied()).containsOnlyKeys(all);
        assertThat(far.timesApplied().get(dies)).isEqualTo(2L); // sent twice, one record after dedup by its key
        assertThat(far.keysOf(a)).containsExactlyElementsOf(keysHere(a));
        assertThat(far.keysOf(b)).containsExactlyElementsOf(keysHere(b));
        assertThat(synced(a)).hasSize(4);
        assertThat(synced(b)).hasSize(4);
    }

    @Test
    void anEarlierFailureHoldsBackItsDossierOnly() {
        String a = fileAtDesk();
        String b = fileAtDesk();
        // dossier a's first message is given up (too many attempts): its receipt waits; dossier b goes through
        jdbc.sql("UPDATE ntl_outbox SET gave_up = true, attempts = 48, last_error = 'HTTP 500' WHERE idempotency_key = ?")
                .param(a + ":0:0").update();
        assertThat(sender.sendDue(codes)).isEqualTo(2);
        assertThat(far.records).containsOnlyKeys(b);
        assertThat(unsent(a)).isEqualTo(2);

        long id = jdbc.sql("SELECT id FROM ntl_outbox WHERE idempotency_key = ?").param(a + ":0:0").query(Long.class).single();
        var supervisor = vn.motcua.support.DossierFixtures.World.principal(fixtures.staff(vn.motcua.organization.Role.SUPERVISOR,
                fixtures.province()));
        assertThat(sync.failures(a, 0, 20, supervisor).items()).extracting(NationalSync.Failure::id).containsExactly(id);
        // the filters are bounded search texts, as everywhere else
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync.failures("x".repeat(201), 0, 20, supervisor))
                .isInstanceOf(vn.motcua.shared.InvalidParameter.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync.log(a + "\u0000", null, null, null, false, 0, 20, supervisor))
                .isInstanceOf(vn.motcua.shared.InvalidParameter.class);
        sync.resend(id, supervisor, "127.0.0.1");
        assertThat(sender.sendDue(codes)).isEqualTo(2);
        assertThat(far.keysOf(a)).containsExactly(a + ":0:0", a + ":0:1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = ? AND subject_id = ?")
                .params(NationalSync.AUDIT_RESEND, String.valueOf(id)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theReconciliationListsWhatDiffers() {
        String same = fileAtDesk();
        String otherStatus = fileAtDesk();
        String otherAppointment = fileAtDesk();
        sender.sendDue(codes);
        String notSent = fileAtDesk();
        far.records.get(otherStatus).put("TrangThaiHoSo", 4);
        far.records.get(otherAppointment).put("NgayHenTra", "20260430170000");
        String onlyThere = "000.00.00.H40-260407-99999";
        far.records.put(onlyThere, new java.util.HashMap<>(Map.of("MaHoSo", onlyThere, "TrangThaiHoSo", 2)));

        NationalSync.Run run = sync.reconcile(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));

        assertThat(run.error()).isNull();
        assertThat(run.nationalCount()).isEqualTo(4);
        Map<String, String> kinds = new java.util.HashMap<>();
        var supervisor = vn.motcua.support.DossierFixtures.World.principal(fixtures.staff(vn.motcua.organization.Role.SUPERVISOR,
                fixtures.province()));
        List<NationalSync.Difference> diffs = sync.differences(run.id(), supervisor);
        diffs.forEach(d -> kinds.put(d.dossierCode(), d.kind()));
        assertThat(kinds).doesNotContainKey(same)
                .containsEntry(otherStatus, "STATUS_DIFFERS")
                .containsEntry(otherAppointment, "APPOINTMENT_DIFFERS")
                .containsEntry(notSent, "MISSING_NATIONALLY")
                .containsEntry(onlyThere, "UNKNOWN_LOCALLY");
        assertThat(diffs).filteredOn(d -> d.dossierCode().equals(notSent)).singleElement()
                .satisfies(d -> assertThat(d.pendingMessages()).isEqualTo(2));
        assertThat(diffs).filteredOn(d -> d.dossierCode().equals(otherStatus)).singleElement()
                .satisfies(d -> {
                    assertThat(d.localStatus()).isEqualTo(2);
                    assertThat(d.nationalStatus()).isEqualTo(4);
                });
        List<Map<String, Object>> lookups = far.requests("TraCuuHoSo");
        assertThat(lookups.get(lookups.size() - 1)).containsEntry("tungay", "20260407080000")
                .containsEntry("denngay", "20260407100000");
    }

    @Test
    void theSignedLogShowsAnEditedRow() {
        String code = fileAtDesk();
        sender.sendDue(codes);
        List<SyncLogEntry> entries = messageLog.ofMessage(code + ":0:0");
        assertThat(entries).extracting(SyncLogEntry::service).containsExactly("TraCuuHoSo", "DongBoHoSoMC");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.intact()).isTrue();
            assertThat(e.request()).doesNotContain("bi-mat").contains("\"session\":\"***\"");
        });
        SyncLogEntry created = entries.get(1);
        assertThat(created.ok()).isTrue();

        jdbc.sql("UPDATE ntl_message_log SET response = replace(response, 'thành công', 'thất bại') WHERE id = ?")
                .param(created.id()).update();

        assertThat(messageLog.find(created.id())).get().satisfies(e -> assertThat(e.intact()).isFalse());
        assertThat(messageLog.find(entries.get(0).id())).get().satisfies(e -> assertThat(e.intact()).isTrue());
        jdbc.sql("UPDATE ntl_message_log SET response = replace(response, 'thất bại', 'thành công') WHERE id = ?")
                .param(created.id()).update();
        assertThat(messageLog.find(created.id())).get().satisfies(e -> assertThat(e.intact()).isTrue());
        jdbc.sql("UPDATE ntl_message_log SET at = at - interval '1 second' WHERE id = ?").param(created.id()).update();
        assertThat(messageLog.find(created.id())).get().satisfies(e -> assertThat(e.intact()).isFalse());
    }

    @Test
    void aRefusedSessionIsRenewedAndTheMessageGoesThrough() {
        String code = fileAtDesk();
        assertThat(sender.sendDue(List.of(code))).isEqualTo(2);
        assertThat(far.logins.get()).isEqualTo(1);
        far.sessions.clear(); // the national side forgets its sessions
        String next = fileAtDesk();
        assertThat(sender.sendDue(List.of(next))).isEqualTo(2);
        assertThat(far.logins.get()).isEqualTo(2);
        // and after session-ttl a new one is asked for without waiting for a refusal
        clock.pin(T0.plus(props.getSessionTtl()).plusSeconds(1));
        String third = fileAtDesk();
        assertThat(sender.sendDue(List.of(third))).isEqualTo(2);
        assertThat(far.logins.get()).isEqualTo(3);
    }
}
