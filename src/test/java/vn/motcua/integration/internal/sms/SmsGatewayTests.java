package vn.motcua.integration.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.ApplicantNoticesQueued;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.integration.SmsService;
import vn.motcua.integration.SmsTemplateView;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestSms;

/**
 * Applicant notices by SMS through a real gateway on loopback
 * ({@link FarSides#SMS}): the template of the notice's kind, with or without
 * diacritics, the notice's key as the gateway's idempotency key, retries of
 * the SMS alone when the gateway fails (the e-mail of the same notice leaves
 * once), the delivery report, and the portal's rule that a channel that
 * failed is retried alone.
 */
class SmsGatewayTests extends IntegrationTest {

    static final FarSide GATEWAY = FarSides.SMS;

    @Autowired
    SmsSender sender;

    @Autowired
    SmsService sms;

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSms testSms;

    @Autowired
    ApplicationEventPublisher events;

    StaffPrincipal admin;
    final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void setUp() {
        GATEWAY.reset();
        StaffView a = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(a.id(), a.username(), a.fullName(), a.roles());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private static String phone() {
        return "09" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    private DossierView file(DossierFixtures.World w, String phone, String email) {
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Đặng Thị Hồng Nhung", "040322244455", null, phone, email, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
    }

    /** The SMS row of the dossier, once the notices' sender (its own thread) has written it: bounded wait. */
    private Map<String, Object> smsRow(String code) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM sms_message WHERE dossier_code = ?").param(code)
                    .query().listOfRows();
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return rows.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SMS written for " + code);
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM sms_message WHERE id = ?").param(id).query().singleRow();
    }

    private FarSide.Reply accept(FarSide.Received r) {
        return FarSide.Reply.json(200, "{\"messageId\":\"gw-" + ids.incrementAndGet() + "-" + System.nanoTime()
                + "\",\"status\":\"ACCEPTED\"}");
    }

    private List<JsonNode> sentTo(String phone) {
        return GATEWAY.received("/sms/send").stream().map(r -> json.readTree(r.text()))
                .filter(n -> n.get("to").asString().equals(phone)).toList();
    }

    private static long mails(String address) throws Exception {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @Test
    void aNoticeLeavesByTheGatewayInItsTemplateWithDiacriticsOrWithoutAndItsDeliveryReportIsKept() throws Exception {
        GATEWAY.on("POST", "/sms/send", this::accept);
        DossierFixtures.World w = dossierFixtures.world();
        String phone = phone();
        DossierView d = file(w, phone, null);
        Map<String, Object> written = smsRow(d.code());
        sender.sendDue();

        JsonNode sent = sentTo(phone).get(0);
        assertThat(sent.get("text").asString()).startsWith("Hồ sơ " + d.code() + " (" + w.procedure().name() + ") đã được tiếp nhận. Hẹn trả: ")
                .contains("/public/tracking/" + d.code());
        assertThat(sent.get("reference").asString()).isEqualTo(written.get("key")).startsWith("notice-");
        FarSide.Received request = GATEWAY.received("/sms/send").stream()
                .filter(r -> r.text().contains(phone)).findFirst().orElseThrow();
        assertThat(request.header("Idempotency-Key")).isEqualTo(written.get("key"));
        long id = (Long) written.get("id");
        String gatewayId = (String) row(id).get("gateway_id");
        assertThat(row(id).get("status")).isEqualTo("SENT");

        // the gateway's delivery report
        GATEWAY.on("GET", "/sms/status/" + gatewayId, r -> FarSide.Reply.json(200, "{\"messageId\":\"" + gatewayId
                + "\",\"status\":\"delivered\"}"));
        sender.refreshStatuses();
        assertThat(row(id).get("status")).isEqualTo("DELIVERED");
        assertThat(sms.messages(d.code(), null, 0, 20, admin).items()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo("DELIVERED");
            assertThat(m.phone()).isEqualTo("*******" + phone.substring(7));
        });

        // the administrator switches the template to "no diacritics"
        SmsTemplateView received = sms.templates(admin).stream().filter(t -> t.kind().equals("RECEIVED")).findFirst().orElseThrow();
        sms.updateTemplate("RECEIVED", received.body(), true, received.version(), admin, "127.0.0.1");
        try {
            String phone2 = phone();
            DossierView d2 = file(w, phone2, null);
            smsRow(d2.code());
            sender.sendDue();
            String text = sentTo(phone2).get(0).get("text").asString();
            assertThat(text).startsWith("Ho so " + d2.code() + " (" + SmsText.withoutMarks(w.procedure().name())
                    + ") da duoc tiep nhan. Hen tra: ").matches("\\p{ASCII}+");
        } finally {
            SmsTemplateView now = sms.templates(admin).stream().filter(t -> t.kind().equals("RECEIVED")).findFirst().orElseThrow();
            sms.updateTemplate("RECEIVED", received.body(), false, now.version(), admin, "127.0.0.1");
        }
    }

    @Test
    void aGatewayThatFailsHasTheSmsRetriedAloneAndTheEmailOfTheSameNoticeLeavesOnce() throws Exception {
        GATEWAY.script("POST", "/sms/send", FarSide.Reply.json(500, "{\"error\":\"busy\"}"), FarSide.Reply.dropConnection());
        GATEWAY.on("POST", "/sms/send", this::accept);
        DossierFixtures.World w = dossierFixtures.world();
        String phone = phone();
        String address = "nhung." + System.nanoTime() + "@example.vn";
        DossierView d = file(w, phone, address);
        awaitMail(address, d.code());
        long id = (Long) smsRow(d.code()).get("id");
        // text messages other tests left waiting in the outbox must not take the gateway's scripted answers
        jdbc.sql("UPDATE sms_message SET next_attempt_at = 'infinity' WHERE status = 'PENDING' AND id <> ?").param(id).update();
        // after the row was written (truncating "now" could put t0 before it, and the row would not be due yet)
        Instant t0 = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        clock.pin(t0);

        sender.sendDue();                                  // 500
        assertThat(row(id).get("status")).isEqualTo("PENDING");
        clock.pin(t0.plusSeconds(30));
        sender.sendDue();                                  // dropped connection
        clock.pin(t0.plusSeconds(30 + 60));
        sender.sendDue();                                  // taken
        assertThat(row(id).get("status")).isEqualTo("SENT");
        assertThat(row(id).get("attempts")).isEqualTo(3);
        assertThat(sentTo(phone)).hasSize(3).extracting(n -> n.get("reference").asString()).containsOnly((String) row(id).get("key"));

        assertThat(jdbc.sql("""
                SELECT n.attempts FROM applicant_notice n JOIN dossier x ON x.id = n.dossier_id WHERE x.code = ?""")
                .param(d.code()).query(Integer.class).single()).isEqualTo(1);
        assertThat(mails(address)).isEqualTo(1);
    }

    @Test
    void aChannelThatFailsIsTriedAgainAloneTheChannelsThatSentAreNotUsedTwice() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String phone = phone();
        String address = "hong." + System.nanoTime() + "@example.vn";
        testSms.failNext(phone, 1);
        DossierView d = file(w, phone, address);
        awaitMail(address, d.code());
        long notice = jdbc.sql("SELECT n.id FROM applicant_notice n JOIN dossier x ON x.id = n.dossier_id WHERE x.code = ?")
                .param(d.code()).query(Long.class).single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("SELECT last_error IS NULL FROM applicant_notice WHERE id = ?").param(notice).query(Boolean.class).single()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(testSms.to(phone)).isEmpty();

        jdbc.sql("UPDATE applicant_notice SET next_attempt_at = now() WHERE id = ?").param(notice).update();
        events.publishEvent(new ApplicantNoticesQueued(d.code()));
        testSms.await(phone, d.code(), 1);
        deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("SELECT sent_at IS NULL FROM applicant_notice WHERE id = ?").param(notice).query(Boolean.class).single()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }

        assertThat(jdbc.sql("SELECT attempts FROM applicant_notice WHERE id = ?").param(notice).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(mails(address)).isEqualTo(1);
        assertThat(testSms.to(phone)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sms_message WHERE key = ?").param("notice-" + notice).query(Long.class).single())
                .isEqualTo(1);
        assertThat(Set.copyOf(jdbc.sql("SELECT channel FROM notice_channel_delivery WHERE notice_id = ?").param(notice)
                .query(String.class).list())).isEqualTo(Set.of("email", "sms", "TestSms"));
    }
}
