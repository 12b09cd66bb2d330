package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.ApplicantNotice;
import vn.motcua.dossier.ApplicantNotices;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The outbox of messages to applicants: an act writes its message in its own
 * statement (none when the act fails), the sender marks it sent, a failed
 * sending is kept with its error and tried again, and concurrent senders
 * never take the same message.
 */
class ApplicantNoticeOutboxTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    ApplicantNotices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private DossierView file(DossierFixtures.World w, String email) {
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Hồ Văn Thái", "040322299911", null, null, email, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
    }

    private List<Map<String, Object>> rows(String code) {
        return jdbc.sql("""
                SELECT n.kind, n.detail, n.attempts, n.sent_at, n.last_error FROM applicant_notice n
                  JOIN dossier d ON d.id = n.dossier_id WHERE d.code = ? ORDER BY n.id""").param(code).query().listOfRows();
    }

    /** Waits, bounded, until the sender has sent every message of the dossier. */
    private List<Map<String, Object>> sentRows(String code, int expected) throws InterruptedException {
        return until(() -> rows(code), r -> r.size() == expected && r.stream().allMatch(x -> x.get("sent_at") != null),
                "messages of " + code + " sent");
    }

    private Map<String, Object> awaitRow(long id, java.util.function.Predicate<Map<String, Object>> done) throws InterruptedException {
        return until(() -> jdbc.sql("SELECT * FROM applicant_notice WHERE id = ?").param(id).query().singleRow(), done,
                "notice " + id + " in the expected state");
    }

    /** Reads until the value satisfies the test, for at most 30 s: the sender works on its own thread. */
    private static <T> T until(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never: " + what + "; last seen " + read.get());
    }

    @Test
    void eachActTheApplicantMustHearOfWritesOneMessageWhichIsSentOnce() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = file(w, "ho.thai." + System.nanoTime() + "@example.vn");
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.REQUEST_SUPPLEMENT, new Act("Thiếu giấy tờ", null, null, null,
                List.of("Bản sao sổ hộ khẩu", "Ảnh 3x4"), null, null, null, null, null, null), w.specialistPrincipal());

        List<Map<String, Object>> r = sentRows(d.code(), 2);
        assertThat(r).extracting(x -> x.get("kind")).containsExactly("RECEIVED", "SUPPLEMENT");
        assertThat(r.get(1).get("detail")).isEqualTo("Bản sao sổ hộ khẩu; Ảnh 3x4");
        assertThat(r).allSatisfy(x -> assertThat(x.get("attempts")).isEqualTo(1));
    }

    @Test
    void aRefusedActOwesNoMessage() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = file(w, null);
        sentRows(d.code(), 1);
        // a received dossier cannot be returned before its result: the act fails and writes nothing
        assertThatThrownBy(() -> dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal()))
                .isInstanceOf(DomainRuleViolation.class);
        // a refusal sent against a stale version is refused itself: nothing written
        assertThatThrownBy(() -> dossiers.act(d.code(), Action.REFUSE, new Act("Không thuộc thẩm quyền", null, null, null,
                null, null, null, null, null, null, d.version() - 1), w.deskPrincipal()))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(rows(d.code())).extracting(x -> x.get("kind")).containsExactly("RECEIVED");
    }

    @Test
    void aMessageThatCannotBeSentIsKeptWithItsErrorAndSentOnALaterAttempt() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String address = "ho.thai.retry." + System.nanoTime() + "@example.vn";
        DossierView d = file(w, null);
        sentRows(d.code(), 1);
        // an address the mail server cannot take (stored before the checks existed, say)
        jdbc.sql("UPDATE dossier SET applicant_email = 'không phải địa chỉ@@' WHERE code = ?").param(d.code()).update();
        long id = jdbc.sql("""
                INSERT INTO applicant_notice (dossier_id, kind, detail, created_at, next_attempt_at)
                SELECT id, 'COMPLETED', 'KQ-123', now(), now() FROM dossier WHERE code = ? RETURNING id""")
                .param(d.code()).query(Long.class).single();
        events.publishEvent(new vn.motcua.dossier.ApplicantNoticesQueued(d.code()));
        Map<String, Object> failed = awaitRow(id, x -> x.get("last_error") != null);
        assertThat(failed.get("sent_at")).isNull();
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((java.sql.Timestamp) failed.get("next_attempt_at")).isAfter(java.sql.Timestamp.from(Instant.now()));

        jdbc.sql("UPDATE dossier SET applicant_email = ? WHERE code = ?").param(address).param(d.code()).update();
        jdbc.sql("UPDATE applicant_notice SET next_attempt_at = now() WHERE id = ?").param(id).update();
        events.publishEvent(new vn.motcua.dossier.ApplicantNoticesQueued(d.code())); // the sender looks now, not at its next poll
        Map<String, Object> sent = awaitRow(id, x -> x.get("sent_at") != null);
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(sent.get("last_error")).isNull();
        assertThat(awaitMail(address, d.code()).getSubject()).contains(d.code());
    }

    @Test
    void concurrentSendersNeverTakeTheSameMessage() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = file(w, null);
        sentRows(d.code(), 1);
        // 300 messages due in the past, claimed by four senders at once (and by this node's own sender)
        jdbc.sql("""
                INSERT INTO applicant_notice (dossier_id, kind, detail, created_at, next_attempt_at)
                SELECT d.id, 'REFUSED', 'lần ' || g, now(), now() - interval '1 hour'
                  FROM dossier d, generate_series(1, 300) g WHERE d.code = ?""").param(d.code()).update();
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(() -> {
                    for (List<ApplicantNotice> b = notices.claim(7, Duration.ofSeconds(60)); !b.isEmpty();
                         b = notices.claim(7, Duration.ofSeconds(60))) {
                        List<Long> ids = b.stream().map(ApplicantNotice::id).toList();
                        claimed.addAll(ids);
                        notices.sent(ids);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(senders)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(claimed).doesNotHaveDuplicates();
        List<Map<String, Object>> r = sentRows(d.code(), 301);
        // claimed once each, by these senders or the node's own: a second claim would have counted a second attempt
        assertThat(r).allSatisfy(x -> assertThat(x.get("attempts")).isEqualTo(1));
    }
}
