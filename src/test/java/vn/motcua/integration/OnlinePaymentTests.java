package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.HistoryView;
import vn.motcua.integration.internal.payment.OnlinePayments;
import vn.motcua.integration.internal.payment.PaymentPlatform;
import vn.motcua.integration.internal.payment.PaymentReconciliation;
import vn.motcua.organization.OfficerScope;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Online payment against a real HTTP payment platform on loopback
 * ({@link FarSides#PAYMENT}): the citizen starts a payment of a dossier
 * waiting for it (status 6); the platform's signed callback records it once
 * and moves the dossier on as "payment platform"; a bad checksum, a replay
 * and a different amount are refused, recorded and change nothing; the
 * platform failing shows a readable message and keeps nothing; the return
 * page believes the platform's QUERY, not the browser; the receipt is kept;
 * the reconciliation lists differences both ways.
 */
@RecordApplicationEvents
class OnlinePaymentTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    @Autowired
    DossierFixtures dossierFixtures;
    @Autowired
    CitizenFixtures citizens;
    @Autowired
    DossierService dossiers;
    @Autowired
    OnlinePayments payments;
    @Autowired
    PaymentPlatform platform;
    @Autowired
    PaymentReconciliation reconciliation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEvents events;

    final FarSide far = FarSides.PAYMENT;
    DossierFixtures.World w;
    CitizenPrincipal citizen;

    @BeforeEach
    void setUp() {
        far.reset();
        clock.pin(MONDAY_9);
        w = dossierFixtures.world();
        citizen = citizens.proven("Nguyễn Thị Thanh Toán");
        far.on("POST", "/init", r -> FarSide.Reply.json(200,
                "{\"error_code\":\"0\",\"message\":\"{\\\"UrlThanhToan\\\":\\\"https://pay.example.vn/checkout/abc\\\"}\"}"));
        far.on("POST", "/bill", r -> new FarSide.Reply(200, "application/pdf", PDF, Duration.ZERO, false));
    }

    @AfterEach
    void unpin() {
        clock.reset();
        far.reset();
    }

    /** A dossier of the citizen, received at the desk, then waiting for a fee of 150,000 đồng (status 6). */
    private String waitingForPayment() {
        FileDossier cmd = new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, citizen.fullName(), citizen.identityNumber(), null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null);
        String code = dossiers.file(cmd, w.deskPrincipal()).code();
        dossiers.act(code, new DossierAct.RequestPayment(150_000L, "Lệ phí cấp giấy phép"), null, w.deskPrincipal());
        assertThat(statusOf(code)).isEqualTo(6);
        return code;
    }

    private int statusOf(String code) {
        return dossiers.get(code, OfficerScope.everything(null)).statusCode();
    }

    /** The citizen presses "Pay online": the page links to the platform's address; the transaction's reference. */
    private String start(String code) throws Exception {
        mvc.perform(post("/portal/payments/{c}", code).with(CitizenFixtures.as(citizen)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("https://pay.example.vn/checkout/abc")));
        return payments.ofDossier(code).get(0).reference();
    }

    private Map<String, String> callback(String reference, String amount, String transactionId, String errorCode) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", "PAY");
        f.put("MaLoi", errorCode);
        f.put("MaDoiTac", platform.partnerCode());
        f.put("MaThamChieu", reference);
        f.put("SoTien", amount);
        f.put("MaTienTe", "VND");
        f.put("MaGiaoDich", transactionId);
        f.put("MaNganHang", "VCB");
        f.put("ThoiGianGD", PaymentPlatform.TIME.format(clock.instant()));
        f.put("ThongTinGiaoDich", "Thanh toan ho so");
        f.put("MaXacThuc", platform.checksum(OnlinePayments.CALLBACK_FIELDS.stream().map(f::get).toArray(String[]::new)));
        return f;
    }

    private String send(Map<String, String> fields) throws Exception {
        String body = mvc.perform(post("/api/v1/payments/callback").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(fields)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("MaLoi").asString();
    }

    private long paymentEvents(String code) {
        return events.stream(PaymentReceived.class).filter(e -> e.code().equals(code)).count();
    }

    private String outcomeOfLastCallback(String reference) {
        return jdbc.sql("SELECT outcome FROM integration_payment_callback WHERE reference = :r ORDER BY id DESC LIMIT 1")
                .param("r", reference).query(String.class).single();
    }

    @Test
    void aValidCallbackRecordsThePaymentMovesTheDossierOnAsThePaymentPlatformAndKeepsTheReceipt() throws Exception {
        String code = waitingForPayment();
        String ref = start(code);
        // what the platform received was signed with the shared secret
        FarSide.Received init = far.received("/init").get(0);
        assertThat(init.text()).contains("\"MaThamChieu\":\"" + ref + "\"").contains("\"SoTien\":\"150000\"");

        assertThat(send(callback(ref, "150000", "GD-" + ref, "00"))).isEqualTo("00");

        assertThat(statusOf(code)).isEqualTo(4);
        List<HistoryView> history = dossiers.history(code, OfficerScope.everything(null));
        HistoryView last = history.get(history.size() - 1);
        assertThat(last.action()).isEqualTo(Action.PAYMENT_RECEIVED.path());
        assertThat(last.actor()).isEqualTo("Nền tảng thanh toán");
        assertThat(paymentEvents(code)).isEqualTo(1);
        PaymentReceived e = events.stream(PaymentReceived.class).filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        assertThat(e.amountVnd()).isEqualTo(150_000L);
        assertThat(e.transactionId()).isEqualTo("GD-" + ref);
        assertThat(e.receivingUnit().value()).isEqualTo(w.desk().id());
        OnlinePayments.Payment p = payments.byReference(ref).orElseThrow();
        assertThat(p.paid()).isTrue();
        assertThat(p.receiptFileId()).isNotNull();

        // the receipt, for the citizen and for an officer of the desk
        mvc.perform(get("/portal/payments/{c}/receipt", code).with(CitizenFixtures.as(citizen)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/integration/payments/{c}/receipt", code)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(w.deskPrincipal())))
                .andExpect(status().isOk());
    }

    @Test
    void aProcedureTakingItsFeeAtFilingIsPaidOnlineBeforeTheDeskReceivesTheDossierOnce() throws Exception {
        // filed online by the citizen: not received yet (status 1); the procedure takes 100,000 đồng
        FileDossier cmd = new FileDossier(w.procedure().code(), null, Channel.ONLINE,
                new Applicant(ApplicantKind.PERSON, citizen.fullName(), citizen.identityNumber(), null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), null, null);
        String code = dossiers.fileOnline(cmd, w.desk().id(), "Cổng dịch vụ công").code();
        assertThat(statusOf(code)).isEqualTo(1);
        mvc.perform(get("/portal/payments/{c}", code).with(CitizenFixtures.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("100.000 đ")));
        String ref = start(code);
        assertThat(far.received("/init").get(0).text()).contains("\"SoTien\":\"100000\"");

        assertThat(send(callback(ref, "100000", "GD-" + ref, "00"))).isEqualTo("00");
        // recorded and told to the index; the dossier waits for the desk as before
        assertThat(payments.byReference(ref).orElseThrow().paid()).isTrue();
        assertThat(paymentEvents(code)).isEqualTo(1);
        assertThat(statusOf(code)).isEqualTo(1);
        // paid once: nothing more to pay, a second start is refused and nothing is opened on the platform
        mvc.perform(get("/portal/payments/{c}", code).with(CitizenFixtures.as(citizen)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("payment-not-due")));
        mvc.perform(post("/portal/payments/{c}", code).with(CitizenFixtures.as(citizen)).with(csrf()));
        assertThat(far.received("/init")).hasSize(1);
        assertThat(payments.ofDossier(code)).hasSize(1);
    }

    @Test
    void aCallbackWithABadChecksumIsRefusedRecordedAndChangesNothing() throws Exception {
        String code = waitingForPayment();
        String ref = start(code);
        Map<String, String> forged = callback(ref, "150000", "GD-" + ref, "00");
        forged.put("MaXacThuc", forged.get("MaXacThuc").replace(forged.get("MaXacThuc").charAt(0),
                forged.get("MaXacThuc").charAt(0) == 'a' ? 'b' : 'a'));
        assertThat(send(forged)).isEqualTo("01");
        // a checksum of other fields (the amount changed after signing) is a bad checksum too
        Map<String, String> altered = callback(ref, "150000", "GD-" + ref, "00");
        altered.put("SoTien", "1");
        assertThat(send(altered)).isEqualTo("01");

        assertThat(statusOf(code)).isEqualTo(6);
        assertThat(payments.byReference(ref).orElseThrow().status()).isEqualTo("STARTED");
        assertThat(paymentEvents(code)).isZero();
        assertThat(outcomeOfLastCallback(ref)).isEqualTo("BAD_CHECKSUM");
    }

    @Test
    void aReplayedCallbackIsRefusedAndChangesNothingMore() throws Exception {
        String code = waitingForPayment();
        String ref = start(code);
        Map<String, String> cb = callback(ref, "150000", "GD-" + ref, "00");
        assertThat(send(cb)).isEqualTo("00");
        int version = dossiers.get(code, OfficerScope.everything(null)).version();

        assertThat(send(cb)).isEqualTo("04");

        assertThat(dossiers.get(code, OfficerScope.everything(null)).version()).isEqualTo(version);
        assertThat(dossiers.history(code, OfficerScope.everything(null)))
                .filteredOn(h -> h.action().equals(Action.PAYMENT_RECEIVED.path())).hasSize(1);
        assertThat(paymentEvents(code)).isEqualTo(1);
        assertThat(outcomeOfLastCallback(ref)).isEqualTo("REPLAY");
    }

    @Test
    void aCallbackForAnotherAmountIsRefusedAndChangesNothing() throws Exception {
        String code = waitingForPayment();
        String ref = start(code);

        assertThat(send(callback(ref, "15000", "GD-" + ref, "00"))).isEqualTo("03");

        assertThat(statusOf(code)).isEqualTo(6);
        assertThat(payments.byReference(ref).orElseThrow().status()).isEqualTo("STARTED");
        assertThat(paymentEvents(code)).isZero();
        assertThat(outcomeOfLastCallback(ref)).isEqualTo("AMOUNT_MISMATCH");
        // an unknown reference is refused too
        assertThat(send(callback("MC-UNKNOWN", "150000", "GD-X", "00"))).isEqualTo("02");
    }

    @Test
    void thePlatformFailingOrTimingOutShowsAReadableMessageAndKeepsNothing() throws Exception {
        String code = waitingForPayment();
        far.script("POST", "/init", FarSide.Reply.json(500, "{\"error\":\"boom\"}"),
                FarSide.Reply.json(200, "{}").after(Duration.ofSeconds(4)), FarSide.Reply.dropConnection());
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/portal/payments/{c}", code).with(CitizenFixtures.as(citizen)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Nền tảng thanh toán không phản hồi")));
        }
        assertThat(far.received("/init")).hasSize(3);
        assertThat(payments.ofDossier(code)).isEmpty();
        assertThat(statusOf(code)).isEqualTo(6);
    }

    @Test
    void theReturnPageBelievesThePlatformsQueryNotTheBrowser() throws Exception {
        String code = waitingForPayment();
        String ref = start(code);
        far.script("POST", "/query", FarSide.Reply.json(200, "{\"MaLoi\":\"00\",\"TrangThaiGD\":3}"));
        // the browser claims success; the platform says pending
        mvc.perform(get("/portal/payments/{c}/return", code).param("TrangThaiGD", "1").param("MaLoi", "00")
                        .with(CitizenFixtures.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("chưa xác nhận giao dịch")));
        assertThat(statusOf(code)).isEqualTo(6);

        far.script("POST", "/query", FarSide.Reply.json(200,
                "{\"MaLoi\":\"00\",\"TrangThaiGD\":1,\"SoTien\":\"150000\",\"MaGiaoDich\":\"GD-Q-" + ref + "\"}"));
        mvc.perform(get("/portal/payments/{c}/return", code).with(CitizenFixtures.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đã thanh toán")));
        assertThat(statusOf(code)).isEqualTo(4);
        assertThat(payments.byReference(ref).orElseThrow().transactionId()).isEqualTo("GD-Q-" + ref);
        assertThat(paymentEvents(code)).isEqualTo(1);
        // the callback arriving after the query is a replay: nothing more
        assertThat(send(callback(ref, "150000", "GD-Q-" + ref, "00"))).isEqualTo("04");
        assertThat(paymentEvents(code)).isEqualTo(1);
    }

    @Test
    void anotherCitizenCannotPayOrSeeTheDossiersPayment() throws Exception {
        String code = waitingForPayment();
        CitizenPrincipal other = citizens.proven("Trần Văn Khác");
        mvc.perform(get("/portal/payments/{c}", code).with(CitizenFixtures.as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/portal/payments/{c}", code).with(CitizenFixtures.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(far.received("/init")).isEmpty();
    }

    @Test
    void theReconciliationListsPaymentsThePlatformHasAndMotCuaDoesNotAndTheReverse() throws Exception {
        Instant tuesday = Instant.parse("2026-03-10T03:00:00Z");
        clock.pin(tuesday);
        String both = waitingForPayment();
        String refBoth = start(both);
        assertThat(send(callback(refBoth, "150000", "GD-B-" + refBoth, "00"))).isEqualTo("00");
        String localOnly = waitingForPayment();
        String refLocal = start(localOnly);
        assertThat(send(callback(refLocal, "150000", "GD-L-" + refLocal, "00"))).isEqualTo("00");
        String notPaidHere = waitingForPayment();
        String refMissed = start(notPaidHere);
        far.on("POST", "/statement", r -> FarSide.Reply.json(200, "{\"MaLoi\":\"00\",\"DanhSachGiaoDich\":["
                + "{\"MaThamChieu\":\"" + refBoth + "\",\"MaGiaoDich\":\"GD-B-" + refBoth + "\",\"SoTien\":\"150000\"},"
                + "{\"MaThamChieu\":\"" + refMissed + "\",\"MaGiaoDich\":\"GD-M\",\"SoTien\":\"150000\"},"
                + "{\"MaThamChieu\":\"MC-FOREIGN-1\",\"MaGiaoDich\":\"GD-F\",\"SoTien\":\"20000\"}]}"));

        PaymentReconciliation.Run run = reconciliation.reconcile(LocalDate.of(2026, 3, 10));

        assertThat(run.outcome()).isEqualTo("DONE");
        List<PaymentReconciliation.Difference> d = reconciliation.differences(run.id());
        assertThat(d).extracting(PaymentReconciliation.Difference::kind, PaymentReconciliation.Difference::reference)
                .contains(org.assertj.core.groups.Tuple.tuple("LOCAL_ONLY", refLocal),
                        org.assertj.core.groups.Tuple.tuple("PLATFORM_ONLY", refMissed),
                        org.assertj.core.groups.Tuple.tuple("PLATFORM_ONLY", "MC-FOREIGN-1"))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("LOCAL_ONLY", refBoth),
                        org.assertj.core.groups.Tuple.tuple("PLATFORM_ONLY", refBoth));
        // the statement was signed: what the platform received carries the partner and the checksum
        assertThat(far.received("/statement").get(0).text()).contains("\"NgayDoiSoat\":\"20260310\"").contains("MaXacThuc");
        // reconciliation changes nothing: the missed dossier still waits
        assertThat(statusOf(notPaidHere)).isEqualTo(6);

        // the page lists them for the provincial office
        mvc.perform(get("/integration/payments").param("run", String.valueOf(run.id()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(DossierFixtures.World.principal(fixtures.staff(vn.motcua.organization.Role.SUPERVISOR,
                                        fixtures.province())))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(refLocal)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("MC-FOREIGN-1")));

        // a statement that fails leaves a failed run, with no list
        far.on("POST", "/statement", r -> FarSide.Reply.json(500, "{}"));
        PaymentReconciliation.Run failed = reconciliation.reconcile(LocalDate.of(2026, 3, 10));
        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(reconciliation.differences(failed.id())).isEmpty();
    }

    @Test
    void theChecksumIsTheHexSha256OfTheFieldsAndTheSecretComparedAsBytes() throws Exception {
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("QUERY|1.0.6|MOTCUA-NA|MC1|20260302090000|test-payment-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(platform.checksum("QUERY", "1.0.6", "MOTCUA-NA", "MC1", "20260302090000")).isEqualTo(expected);
        assertThat(platform.verify(expected.toUpperCase(), "QUERY", "1.0.6", "MOTCUA-NA", "MC1", "20260302090000")).isTrue();
        assertThat(platform.verify(expected, "QUERY", "1.0.6", "MOTCUA-NA", "MC2", "20260302090000")).isFalse();
        assertThat(platform.verify("zz" + expected.substring(2), "QUERY")).isFalse();
        assertThat(platform.verify(null, "QUERY")).isFalse();
        PaymentPlatform notConnected = new PaymentPlatform("", "", "", "", Duration.ofSeconds(1), json);
        assertThat(notConnected.configured()).isFalse();
        assertThat(notConnected.verify(expected, "QUERY", "1.0.6", "MOTCUA-NA", "MC1", "20260302090000")).isFalse();
    }
}
