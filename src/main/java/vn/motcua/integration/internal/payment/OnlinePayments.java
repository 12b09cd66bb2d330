package vn.motcua.integration.internal.payment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.integration.PaymentReceived;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * Online payment of a dossier's fee (status 6, waiting for the financial
 * obligation). {@link #start} opens a transaction on the platform (nothing
 * is kept when the platform fails); the platform's signed callback
 * ({@link #callback}) or a server-side QUERY ({@link #refresh}, never the
 * browser's return parameters) records the payment once: the transaction is
 * locked, a replay, a different amount or a bad checksum is refused and
 * recorded and changes nothing; a payment is applied to the dossier only
 * while it still waits for it (status 6 → 4, "payment received" by the
 * payment platform's technical account, {@link PlatformActor}), and
 * {@link PaymentReceived} is published in the same transaction. The
 * receipt (GET_BILL) is stored in the file storage; the daily
 * reconciliation compares the platform's statement with what MotCua recorded.
 */
@Component
public class OnlinePayments {

    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);
    /** The owner recorded on stored receipts. */
    static final String FILE_OWNER = "integration:payment";

    /** A payment as the pages show it. */
    public record Payment(long id, String reference, String dossierCode, long receivingUnit, String procedureCode,
                          long amountVnd, String status, OffsetDateTime createdAt, OffsetDateTime paidAt,
                          String transactionId, String paidVia, boolean dossierMoved, UUID receiptFileId) {
        public boolean paid() {
            return "PAID".equals(status);
        }
    }

    /** What a callback or a query did: APPLIED, FAILED_PAYMENT, PENDING, BAD_CHECKSUM, REPLAY, AMOUNT_MISMATCH, UNKNOWN, BAD_REQUEST. */
    public enum Outcome {
        APPLIED("00"), FAILED_PAYMENT("00"), PENDING("00"), BAD_CHECKSUM("01"), UNKNOWN("02"), AMOUNT_MISMATCH("03"),
        REPLAY("04"), BAD_REQUEST("05");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** MaLoi of the answer to the platform. */
        public String code() {
            return code;
        }
    }

    /** The callback's fields, in the order the checksum covers them. */
    public static final List<String> CALLBACK_FIELDS = List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien",
            "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich");

    private final PaymentPlatform platform;
    private final DossierService dossiers;
    private final PlatformActor actor;
    private final FileService files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OnlinePayments(PaymentPlatform platform, DossierService dossiers, PlatformActor actor, FileService files,
                          AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc, TransactionTemplate tx,
                          Clock clock) {
        this.platform = platform;
        this.dossiers = dossiers;
        this.actor = actor;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean available() {
        return platform.configured();
    }

    /**
     * What the dossier owes online now (0: nothing to pay), the platform
     * being connected: the amount it waits for (status 6), or, filed online
     * and not received yet (status 1), its procedure's fee paid at filing,
     * once.
     */
    public long amountDue(DossierView d) {
        return amountDue(d, d.statusCode() == DossierStatus.NEW.code() && d.feeVnd() > 0 ? ofDossier(d.code()) : List.of());
    }

    /** As {@link #amountDue(DossierView)}, with the dossier's payments already read ({@link #ofDossier}). */
    public long amountDue(DossierView d, List<Payment> payments) {
        if (d.statusCode() == DossierStatus.WAITING_PAYMENT.code()) {
            return d.paymentAmountVnd() == null ? 0 : d.paymentAmountVnd();
        }
        if (d.statusCode() == DossierStatus.NEW.code() && d.feeVnd() > 0 && payments.stream().noneMatch(Payment::paid)) {
            return d.feeVnd();
        }
        return 0;
    }

    /**
     * Opens a transaction on the platform for the amount the dossier waits
     * for, and keeps it only when the platform answered its payment address.
     * A dossier not waiting for payment: rule {@code payment-not-due}.
     */
    public PaymentPlatform.Started start(DossierView d, String payerId, String payerName, String ip) {
        long amount = available() ? amountDue(d) : 0;
        if (amount <= 0) {
            throw new DomainRuleViolation("payment-not-due", "payment.notDue");
        }
        Instant now = clock.instant();
        String reference = "MC" + PaymentPlatform.TIME.format(now) + String.format("%06d", random.nextInt(1_000_000));
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("MaDichVu", "2");
        receipt.put("MaDVC", d.procedureCode() + ".01");
        receipt.put("MaTTHC", d.procedureCode());
        receipt.put("TenTTHC", d.procedureName());
        receipt.put("MaDonVi", d.receivingUnit().code());
        receipt.put("MaHoSo", d.code());
        receipt.put("HoTenNguoiNop", payerName);
        receipt.put("SoCMNDNguoiNop", payerId);
        String info = "Thanh toan ho so " + d.code();
        PaymentPlatform.Started started = platform.init(reference, amount, info, now, ip, receipt);
        tx.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO integration_payment (reference, dossier_code, receiving_unit, procedure_code, amount_vnd, payer_id,
                                                 status, sent_time, payment_url, created_at)
                VALUES (:ref, :code, :unit, :proc, :amount, :payer, 'STARTED', :time, :url, :now)""")
                .param("ref", reference).param("code", d.code()).param("unit", d.receivingUnit().id())
                .param("proc", d.procedureCode()).param("amount", amount).param("payer", payerId)
                .param("time", PaymentPlatform.TIME.format(now)).param("url", started.paymentUrl())
                .param("now", Timestamp.from(now)).update());
        return started;
    }

    /**
     * The platform's callback: checked (partner, checksum in constant time),
     * then applied once. Every callback is recorded with its outcome, applied
     * or refused, in its own transaction.
     */
    public Outcome callback(Map<String, String> fields, String rawBody, String address) {
        Map<String, String> f = new HashMap<>();
        for (String k : CALLBACK_FIELDS) {
            String v = fields.get(k);
            f.put(k, v == null ? "" : v.trim());
        }
        String reference = f.get("MaThamChieu");
        long amount = parseAmount(f.get("SoTien"));
        Outcome outcome;
        String[] signed = CALLBACK_FIELDS.stream().map(f::get).toArray(String[]::new);
        if (!platform.verify(fields.get("MaXacThuc"), signed) || !platform.partnerCode().equals(f.get("MaDoiTac"))) {
            outcome = Outcome.BAD_CHECKSUM;
        } else if (reference.isEmpty() || amount < 0) {
            outcome = Outcome.BAD_REQUEST;
        } else if (!"00".equals(f.get("MaLoi"))) {
            outcome = tx.execute(s -> fail(reference));
        } else {
            outcome = tx.execute(s -> apply(reference, amount, emptyToNull(f.get("MaGiaoDich")), emptyToNull(f.get("MaNganHang")),
                    paidTime(f.get("ThoiGianGD")), "CALLBACK"));
        }
        Outcome recorded = outcome;
        tx.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO integration_payment_callback (received_at, reference, transaction_id, amount_vnd, outcome, address, body)
                VALUES (:at, :ref, :txn, :amount, :outcome, :address, :body)""")
                .param("at", Timestamp.from(clock.instant())).param("ref", cut(reference, 100))
                .param("txn", cut(f.get("MaGiaoDich"), 100)).param("amount", amount < 0 ? null : amount)
                .param("outcome", recorded.name()).param("address", cut(address, 64))
                .param("body", rawBody == null ? "" : cut(rawBody, 8000)).update());
        if (outcome != Outcome.APPLIED) {
            audit.recordAlone(AuditEntry.of("payment.callback.refused", PlatformActor.NAME, "payment", cut(reference, 100))
                    .detail(outcome.name() + (amount >= 0 ? "; " + amount + " VND" : "")).address(address));
        } else {
            fetchReceiptQuietly(reference);
        }
        return outcome;
    }

    /** The reply's MaXacThuc: SHA-256 of MaLoi|MoTaLoi|MaDoiTac|ThoiGianGD and the secret. */
    public Map<String, String> reply(Outcome outcome) {
        String time = PaymentPlatform.TIME.format(clock.instant());
        String text = switch (outcome) {
            case APPLIED, FAILED_PAYMENT, PENDING -> "Thành công";
            case BAD_CHECKSUM -> "Sai mã xác thực";
            case UNKNOWN -> "Không tìm thấy giao dịch";
            case AMOUNT_MISMATCH -> "Số tiền không khớp";
            case REPLAY -> "Giao dịch đã được ghi nhận";
            case BAD_REQUEST -> "Dữ liệu không hợp lệ";
        };
        Map<String, String> r = new LinkedHashMap<>();
        r.put("MaLoi", outcome.code());
        r.put("MoTaLoi", text);
        r.put("MaDoiTac", platform.partnerCode());
        r.put("ThoiGianGD", time);
        r.put("MaXacThuc", platform.checksum(outcome.code(), text, platform.partnerCode(), time));
        return r;
    }

    /**
     * Asks the platform (QUERY) what became of the dossier's latest
     * transaction and records a payment it confirms, as a callback would.
     * The browser's return parameters are never read.
     */
    public Optional<Outcome> refresh(String reference) {
        Optional<Payment> p = byReference(reference);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (p.get().paid()) {
            return Optional.of(Outcome.APPLIED);
        }
        PaymentPlatform.TransactionState state = platform.query(reference, clock.instant());
        if (state.paid()) {
            Outcome o = tx.execute(s -> apply(reference, state.amountVnd(), state.transactionId(), state.bankCode(),
                    paidTime(state.paidTime()), "QUERY"));
            if (o == Outcome.APPLIED) {
                fetchReceiptQuietly(reference);
            } else if (o == Outcome.REPLAY) {
                return Optional.of(Outcome.APPLIED);
            }
            return Optional.of(o);
        }
        if (state.state() == 4) {
            tx.execute(s -> fail(reference));
            return Optional.of(Outcome.FAILED_PAYMENT);
        }
        return Optional.of(Outcome.PENDING);
    }

    private Outcome fail(String reference) {
        int n = jdbc.sql("UPDATE integration_payment SET status = 'FAILED' WHERE reference = :ref AND status = 'STARTED'")
                .param("ref", reference).update();
        return n == 1 || byReference(reference).isPresent() ? Outcome.FAILED_PAYMENT : Outcome.UNKNOWN;
    }

    /** Records the payment once, under the transaction's lock; moves the dossier on only while it waits for payment. */
    private Outcome apply(String reference, long amount, String transactionId, String bankCode, Instant paidAt, String via) {
        Optional<Payment> locked = jdbc.sql("SELECT * FROM integration_payment WHERE reference = :ref FOR UPDATE")
                .param("ref", reference).query(OnlinePayments::payment).optional();
        if (locked.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        Payment p = locked.get();
        if (p.paid()) {
            return Outcome.REPLAY;
        }
        if (p.amountVnd() != amount) {
            return Outcome.AMOUNT_MISMATCH;
        }
        if (transactionId != null && jdbc.sql("SELECT count(*) FROM integration_payment WHERE transaction_id = :t")
                .param("t", transactionId).query(Long.class).single() > 0) {
            return Outcome.REPLAY;
        }
        DossierView d = dossiers.get(p.dossierCode(), OfficerScope.everything(null));
        boolean moved = false;
        if (d.statusCode() == DossierStatus.WAITING_PAYMENT.code()) {
            dossiers.act(d.code(), new DossierAct.ConfirmPayment(), null, actor.forUnit(new UnitId(p.receivingUnit())));
            moved = true;
        } else if (d.statusCode() == DossierStatus.NEW.code()) {
            // the fee paid at filing: the dossier waits for the desk as it was; the desk sees the payment
            log.info("Payment {} of dossier {} recorded: the fee paid at filing", reference, d.code());
        } else {
            log.warn("Payment {} of dossier {} recorded, but the dossier no longer waits for payment (status {})",
                    reference, d.code(), d.statusCode());
        }
        jdbc.sql("""
                UPDATE integration_payment SET status = 'PAID', paid_at = :at, transaction_id = :txn, bank_code = :bank,
                       paid_via = :via, dossier_moved = :moved WHERE id = :id""")
                .param("at", Timestamp.from(paidAt)).param("txn", transactionId).param("bank", bankCode).param("via", via)
                .param("moved", moved).param("id", p.id()).update();
        audit.record(AuditEntry.of("payment.received", PlatformActor.NAME, "dossier", d.code()).dossier(d.code())
                .detail(amount + " VND; " + reference + "; " + (transactionId == null ? "-" : transactionId) + "; " + via
                        + (moved ? "" : "; dossier not waiting for payment")));
        events.publishEvent(new PaymentReceived(d.code(), new UnitId(p.receivingUnit()), p.procedureCode(), amount,
                transactionId == null ? reference : transactionId, paidAt));
        return Outcome.APPLIED;
    }

    private Instant paidTime(String text) {
        if (text != null && text.length() == 14) {
            try {
                return LocalDateTime.parse(text, PaymentPlatform.TIME).atZone(CalendarService.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                // the platform's time is unreadable: the time it told us is ours
            }
        }
        return clock.instant();
    }

    // --- receipts -------------------------------------------------------------------------------

    /** The stored receipt of a paid payment, fetched from the platform (GET_BILL) the first time it is asked for. */
    public Optional<StoredFile> receipt(Payment p) {
        if (!p.paid()) {
            return Optional.empty();
        }
        if (p.receiptFileId() != null) {
            return files.find(p.receiptFileId());
        }
        byte[] pdf = platform.bill(p.reference(), clock.instant());
        StoredFile stored;
        try {
            stored = files.upload("bien-lai-" + p.dossierCode() + ".pdf", new ByteArrayInputStream(pdf), FILE_OWNER);
        } catch (IOException e) {
            throw new PaymentPlatform.PlatformUnavailable("receipt not stored", e);
        }
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE integration_payment SET receipt_file_id = :f WHERE id = :id AND receipt_file_id IS NULL")
                .param("f", stored.id()).param("id", p.id()).update());
        return byReference(p.reference()).flatMap(x -> files.find(x.receiptFileId()));
    }

    private void fetchReceiptQuietly(String reference) {
        try {
            byReference(reference).ifPresent(this::receipt);
        } catch (RuntimeException e) {
            // kept for later: the receipt is fetched again when someone asks for it
            log.warn("Receipt of payment {} not fetched now: {}", reference, e.getMessage());
        }
    }

    // --- reading --------------------------------------------------------------------------------

    public Optional<Payment> byReference(String reference) {
        return jdbc.sql("SELECT * FROM integration_payment WHERE reference = :ref").param("ref", reference)
                .query(OnlinePayments::payment).optional();
    }

    /** The dossier's payments, newest first. */
    public List<Payment> ofDossier(String code) {
        return jdbc.sql("SELECT * FROM integration_payment WHERE dossier_code = :c ORDER BY created_at DESC, id DESC")
                .param("c", code).query(OnlinePayments::payment).list();
    }

    /** The latest payments (all units): the reconciliation page's list. */
    public List<Payment> recent(int limit) {
        return jdbc.sql("SELECT * FROM integration_payment ORDER BY created_at DESC, id DESC LIMIT :n").param("n", limit)
                .query(OnlinePayments::payment).list();
    }

    static Payment payment(ResultSet rs, int row) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        String receipt = rs.getString("receipt_file_id");
        return new Payment(rs.getLong("id"), rs.getString("reference"), rs.getString("dossier_code"),
                rs.getLong("receiving_unit"), rs.getString("procedure_code"), rs.getLong("amount_vnd"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant().atZone(CalendarService.ZONE).toOffsetDateTime(),
                paid == null ? null : paid.toInstant().atZone(CalendarService.ZONE).toOffsetDateTime(),
                rs.getString("transaction_id"), rs.getString("paid_via"), rs.getBoolean("dossier_moved"),
                receipt == null ? null : UUID.fromString(receipt));
    }

    static long parseAmount(String s) {
        try {
            long v = Long.parseLong(s == null ? "" : s.trim());
            return v < 0 ? -1 : v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    /** For the reconciliation: the payments recorded as paid on the day (Vietnam time). */
    List<Payment> paidOn(LocalDate day) {
        Instant from = day.atStartOfDay(CalendarService.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CalendarService.ZONE).toInstant();
        return jdbc.sql("SELECT * FROM integration_payment WHERE status = 'PAID' AND paid_at >= :f AND paid_at < :t")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(OnlinePayments::payment).list();
    }
}
