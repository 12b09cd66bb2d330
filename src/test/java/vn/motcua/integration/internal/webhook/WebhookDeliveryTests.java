package vn.motcua.integration.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackFiled;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.integration.CreatedWebhook;
import vn.motcua.integration.NewWebhook;
import vn.motcua.integration.WebhookEventTypes;
import vn.motcua.integration.WebhookSubscriptionView;
import vn.motcua.integration.WebhookTestResult;
import vn.motcua.integration.Webhooks;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Webhook deliveries against a real partner on loopback ({@link FarSides#PARTNER}):
 * written by the acts that raise them, signed so the partner can check them
 * with the secret, retried after 500s, time-outs and dropped connections,
 * kept through an hour's outage, taken over when a sender dies mid-batch,
 * and counted on the partner's side: each delivery id exactly once after
 * dedup, none missing. Every test switches off the subscriptions it did not
 * make (the demo's), so its senders only talk to the partner it programs.
 */
class WebhookDeliveryTests extends IntegrationTest {

    /** A node that stops dead: thrown past every catch in the sender. */
    static final class NodeDied extends Error {
        NodeDied() {
            super("node died");
        }
    }

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookStore store;

    @Autowired
    WebhookAddresses addresses;

    @Autowired
    WebhookSender sender;

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    static final FarSide PARTNER = FarSides.PARTNER;

    StaffPrincipal admin;
    String path;
    Instant t0;

    @BeforeEach
    void setUp() {
        PARTNER.reset();
        jdbc.sql("UPDATE webhook_subscription SET active = FALSE, disabled_reason = 'ADMIN' WHERE active").update();
        StaffView a = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(a.id(), a.username(), a.fullName(), a.roles());
        path = "/hooks/" + UUID.randomUUID();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        jdbc.sql("UPDATE webhook_subscription SET active = FALSE, disabled_reason = 'ADMIN' WHERE active").update();
    }

    private CreatedWebhook subscribe(String... types) {
        return webhooks.create(new NewWebhook("Trung tâm IOC tỉnh Nghệ An", PARTNER.baseUrl() + path, List.of(types)), admin,
                "127.0.0.1");
    }

    private WebhookSender sender(String node, int batch, int maxAttempts, Duration timeout, WebhookPoster poster) {
        return new WebhookSender(store, poster, addresses, clock,
                new WebhookSender.Policy(batch, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1), maxAttempts,
                        timeout), node);
    }

    private List<UUID> enqueue(long subscription, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(store.enqueueOne(subscription, WebhookEventTypes.DOSSIER_STATUS_CHANGED,
                    "{\"code\":\"H40.99-" + i + "\",\"toStatus\":4}", clock.instant()));
        }
        return ids;
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private String status(UUID delivery) {
        return jdbc.sql("SELECT status FROM webhook_delivery WHERE id = ?").param(delivery).query(String.class).single();
    }

    @Test
    void aDossierReceivedAtTheDeskReachesThePartnerSignedWithTheSecretShownOnce() throws Exception {
        CreatedWebhook created = subscribe(WebhookEventTypes.DOSSIER_RECEIVED, WebhookEventTypes.DOSSIER_COMPLETED);
        assertThat(created.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(webhooks.subscription(created.subscription().id(), admin).toString()).doesNotContain(created.secret());
        PARTNER.on("POST", path, r -> FarSide.Reply.json(204, ""));

        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Phan Thị Lý", "040322200011", null, "0912000111", null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        sender.sendDue();

        List<FarSide.Received> got = PARTNER.received(path);
        assertThat(got).hasSize(1); // received; not the filing nor status changes, which it did not ask for
        FarSide.Received r = got.get(0);
        assertThat(r.header("X-MotCua-Event")).isEqualTo("dossier.received");
        assertThat(r.header("X-MotCua-Signature")).isEqualTo(hmac(created.secret(), r.header("X-MotCua-Timestamp"), r.body()));
        assertThat(hmac("whsec_another", r.header("X-MotCua-Timestamp"), r.body())).isNotEqualTo(r.header("X-MotCua-Signature"));
        assertThat(r.header("Idempotency-Key")).isEqualTo(r.header("X-MotCua-Delivery"));
        assertThat(r.text()).contains("\"id\":\"" + r.header("X-MotCua-Delivery") + "\"", "\"type\":\"dossier.received\"",
                "\"code\":\"" + d.code() + "\"", "\"toStatus\":2").doesNotContain("Phan Thị Lý", "0912000111");
        assertThat(status(UUID.fromString(r.header("X-MotCua-Delivery")))).isEqualTo("DELIVERED");
    }

    @Test
    void aFailedActWritesNoDeliveryAndFeedbackEventsBecomeDeliveries() {
        CreatedWebhook created = subscribe(WebhookEventTypes.FEEDBACK_FILED);
        long sid = created.subscription().id();
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                applicationContextTransactions());
        // the delivery belongs to the event's transaction: rolled back with it
        tx.executeWithoutResult(s -> {
            events.publishEvent(new FeedbackFiled("PAKN-261206-0001", FeedbackKind.REFLECTION, FeedbackSubject.UNIT, null,
                    UnitId.of(1), null, FeedbackChannel.PUBLIC_SITE, clock.instant(), clock.instant()));
            s.setRollbackOnly();
        });
        assertThat(webhooks.subscription(sid, admin).pending()).isZero();
        tx.executeWithoutResult(s -> events.publishEvent(new FeedbackFiled("PAKN-261206-0002", FeedbackKind.RECOMMENDATION,
                FeedbackSubject.PROCEDURE, "1.001193", null, null, FeedbackChannel.PORTAL, clock.instant(), clock.instant())));
        assertThat(webhooks.subscription(sid, admin).pending()).isEqualTo(1);
        assertThat(webhooks.deliveries(sid, "PENDING", 0, 20, admin).items()).singleElement()
                .satisfies(d -> assertThat(d.eventType()).isEqualTo("feedback.filed"));
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private org.springframework.transaction.PlatformTransactionManager applicationContextTransactions() {
        return transactionManager;
    }

    @Test
    void retriesAfterA500ADroppedConnectionAndATimeoutThenDelivers() {
        clock.pin(t0);
        long sid = subscribe(WebhookEventTypes.DOSSIER_STATUS_CHANGED).subscription().id();
        UUID id = enqueue(sid, 1).get(0);
        PARTNER.script("POST", path, FarSide.Reply.json(500, "{}"), FarSide.Reply.dropConnection(),
                FarSide.Reply.json(200, "{}").after(Duration.ofMillis(2500)));
        PARTNER.on("POST", path, r -> FarSide.Reply.json(200, "{}"));
        WebhookSender s = sender("node-a", 50, 20, Duration.ofMillis(800), WebhookPoster.http(Duration.ofSeconds(2)));

        s.sendDue();                           // 500
        assertThat(status(id)).isEqualTo("PENDING");
        s.sendDue();                           // not due yet: waits 30 s
        assertThat(PARTNER.received(path)).hasSize(1);
        clock.pin(t0.plusSeconds(30));
        s.sendDue();                           // dropped connection
        clock.pin(t0.plusSeconds(30 + 59));
        s.sendDue();                           // still waiting: 60 s after the second failure
        assertThat(PARTNER.received(path)).hasSize(2);
        clock.pin(t0.plusSeconds(30 + 60));
        s.sendDue();                           // no answer within the timeout
        clock.pin(t0.plusSeconds(30 + 60 + 120));
        s.sendDue();                           // 200

        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(PARTNER.received(path)).hasSize(4)
                .allSatisfy(r -> assertThat(r.header("X-MotCua-Delivery")).isEqualTo(id.toString()));
        var history = webhooks.delivery(sid, id, admin).history();
        assertThat(history).extracting(a -> a.status()).containsExactly(500, null, null, 200);
        assertThat(history.get(1).error()).isNotBlank();
        assertThat(history.get(2).error()).startsWith("timeout");
        assertThat(webhooks.subscription(sid, admin).consecutiveFailures()).isZero();
    }

    @Test
    void aPartnerDownForAnHourLosesNothingAndGetsEachDeliveryOnce() {
        clock.pin(t0);
        long sid = subscribe(WebhookEventTypes.DOSSIER_STATUS_CHANGED).subscription().id();
        List<UUID> ids = enqueue(sid, 12);
        AtomicBoolean down = new AtomicBoolean(true);
        List<String> accepted = new CopyOnWriteArrayList<>();
        PARTNER.on("POST", path, r -> {
            if (down.get()) {
                return FarSide.Reply.json(503, "{\"error\":\"maintenance\"}");
            }
            accepted.add(r.header("X-MotCua-Delivery"));
            return FarSide.Reply.json(200, "{}");
        });
        WebhookSender s = sender("node-a", 5, 20, Duration.ofSeconds(2), WebhookPoster.http(Duration.ofSeconds(2)));

        for (int minute = 0; minute <= 60; minute++) {
            clock.pin(t0.plus(Duration.ofMinutes(minute)));
            s.sendDue();
        }
        int duringOutage = PARTNER.received(path).size();
        // back-off: about 8 attempts each in the hour, not one a minute
        assertThat(duringOutage).isBetween(12 * 6, 12 * 9);
        assertThat(webhooks.subscription(sid, admin).active()).isTrue();
        down.set(false);
        for (int minute = 61; minute <= 125; minute++) {
            clock.pin(t0.plus(Duration.ofMinutes(minute)));
            s.sendDue();
        }
        assertThat(accepted).hasSize(12);
        assertThat(Set.copyOf(accepted)).isEqualTo(ids.stream().map(UUID::toString).collect(Collectors.toSet()));
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("DELIVERED"));
    }

    @Test
    void aSenderKilledMidBatchIsTakenOverAfterItsLeaseAndThePartnerGetsEachDeliveryOnceAfterDedup() {
        clock.pin(t0);
        long sid = subscribe(WebhookEventTypes.DOSSIER_STATUS_CHANGED).subscription().id();
        List<UUID> ids = enqueue(sid, 30);
        PARTNER.on("POST", path, r -> FarSide.Reply.json(200, "{}"));
        WebhookPoster http = WebhookPoster.http(Duration.ofSeconds(2));
        AtomicInteger posts = new AtomicInteger();
        AtomicReference<String> diedOn = new AtomicReference<>();
        WebhookPoster dying = (url, headers, body, timeout) -> {
            int status = http.post(url, headers, body, timeout);
            if (posts.incrementAndGet() == 11) {
                diedOn.set(headers.get("X-MotCua-Delivery"));
                throw new NodeDied(); // the partner took it; the node never recorded it
            }
            return status;
        };
        WebhookSender a = sender("node-a", 8, 20, Duration.ofSeconds(2), dying);
        WebhookSender b = sender("node-b", 8, 20, Duration.ofSeconds(2), http);

        assertThatThrownBy(a::sendDue).isInstanceOf(NodeDied.class);
        assertThat(PARTNER.received(path)).hasSize(11);
        b.sendDue();                           // what node a had not claimed; its leased batch stays alone
        assertThat(PARTNER.received(path)).hasSize(11 + 14);
        assertThat(status(UUID.fromString(diedOn.get()))).isEqualTo("PENDING");
        clock.pin(t0.plus(Duration.ofMinutes(2)).plusSeconds(1));
        b.sendDue();                           // the lease ran out: node b takes the rest of node a's batch

        List<String> received = PARTNER.received(path).stream().map(r -> r.header("X-MotCua-Delivery")).toList();
        Map<String, Long> perId = received.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
        assertThat(perId.keySet()).isEqualTo(ids.stream().map(UUID::toString).collect(Collectors.toSet()));
        assertThat(received).hasSize(31);
        assertThat(perId.get(diedOn.get())).isEqualTo(2); // sent again: at least once; the partner dedups by the id
        assertThat(perId.entrySet().stream().filter(e -> !e.getKey().equals(diedOn.get())).map(Map.Entry::getValue))
                .containsOnly(1L);
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("DELIVERED"));
    }

    @Test
    void theTestButtonSendsAtOnceAndTellsWhatThePartnerAnswered() {
        long sid = subscribe(WebhookEventTypes.FEEDBACK_ANSWERED).subscription().id();
        PARTNER.script("POST", path, FarSide.Reply.json(500, "{}"));
        PARTNER.on("POST", path, r -> FarSide.Reply.json(200, "{}"));

        WebhookTestResult failed = webhooks.test(sid, admin, "127.0.0.1");
        assertThat(failed.delivered()).isFalse();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(status(failed.delivery())).isEqualTo("PENDING"); // retried later like any other
        WebhookTestResult ok = webhooks.test(sid, admin, "127.0.0.1");
        assertThat(ok.delivered()).isTrue();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(PARTNER.received(path)).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("X-MotCua-Event")).isEqualTo("webhook.test");
            assertThat(r.text()).contains("\"subscription\":" + sid);
        });
    }

    @Test
    void aDeliveryOutOfAttemptsPausesItsSubscriptionWhichKeepsCollectingAndSendsEverythingWhenSwitchedOnAgain() {
        clock.pin(t0);
        WebhookSubscriptionView sub = subscribe(WebhookEventTypes.DOSSIER_STATUS_CHANGED).subscription();
        UUID first = enqueue(sub.id(), 1).get(0);
        AtomicBoolean down = new AtomicBoolean(true);
        PARTNER.on("POST", path, r -> FarSide.Reply.json(down.get() ? 500 : 200, "{}"));
        WebhookSender s = sender("node-a", 50, 3, Duration.ofSeconds(2), WebhookPoster.http(Duration.ofSeconds(2)));
        for (int minute = 0; minute < 5; minute++) {
            clock.pin(t0.plus(Duration.ofMinutes(minute)));
            s.sendDue();
        }
        assertThat(status(first)).isEqualTo("FAILED");
        WebhookSubscriptionView paused = webhooks.subscription(sub.id(), admin);
        assertThat(paused.active()).isFalse();
        assertThat(paused.disabledReason()).isEqualTo("FAILURES");
        assertThat(paused.consecutiveFailures()).isEqualTo(3);
        // while paused: events are still kept, nothing is sent
        store.enqueue(List.of(WebhookEventTypes.DOSSIER_STATUS_CHANGED), "{\"code\":\"H40.99-later\"}", clock.instant());
        s.sendDue();
        assertThat(PARTNER.received(path)).hasSize(3);

        down.set(false);
        webhooks.enable(sub.id(), paused.version(), admin, "127.0.0.1");
        s.sendDue();
        assertThat(status(first)).isEqualTo("DELIVERED");
        assertThat(PARTNER.received(path)).hasSize(5);
        assertThat(webhooks.subscription(sub.id(), admin).delivered()).isEqualTo(2);
    }

    @Test
    void refusesOtherSchemesMetadataAndLinkLocalAddressesAndUnknownEventTypes() {
        for (String url : List.of("ftp://partner.example.vn/hooks", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data",
                "http://metadata.google.internal/computeMetadata/v1", "http://[fe80::1]/x", "https://user:pw@partner.example.vn/")) {
            assertThatThrownBy(() -> webhooks.create(new NewWebhook("Đối tác", url, List.of(WebhookEventTypes.FEEDBACK_FILED)),
                    admin, "127.0.0.1")).as(url).isInstanceOf(vn.motcua.shared.InvalidInput.class)
                    .satisfies(e -> assertThat(((vn.motcua.shared.InvalidInput) e).fieldErrors()).containsKey("url"));
        }
        assertThatThrownBy(() -> webhooks.create(new NewWebhook("Đối tác", "https://partner.example.vn/hooks",
                List.of("dossier.deleted")), admin, "127.0.0.1")).isInstanceOf(vn.motcua.shared.InvalidInput.class);
        // production refuses loopback too
        assertThat(new WebhookAddresses(false).refusal("http://127.0.0.1:8080/x")).isEqualTo("webhook.url.forbidden");
        assertThat(new WebhookAddresses(false).refusal("https://ioc.nghean.gov.vn/hooks")).isNull();
        assertThat(new WebhookAddresses(false).refusal("http://10.20.30.40/hooks")).isNull();
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        StaffView leader = fixtures.staff(Role.LEADER, fixtures.province());
        StaffPrincipal p = new StaffPrincipal(leader.id(), leader.username(), leader.fullName(), leader.roles());
        assertThatThrownBy(() -> webhooks.subscriptions(p))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.create(new NewWebhook("X", PARTNER.baseUrl(), List.of("feedback.filed")), p, "127.0.0.1"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
