package vn.motcua.integration.internal.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarService;

/**
 * The daily reconciliation with the payment platform: the platform's
 * statement of a day (the transactions it holds as paid) against the
 * payments MotCua recorded as paid that day, both ways. Lists payments the
 * platform has and MotCua does not ({@code PLATFORM_ONLY}: a callback that
 * never arrived, or a reference MotCua does not know), those MotCua has and
 * the platform does not ({@code LOCAL_ONLY}), and amounts that differ. It
 * changes no payment and no dossier: people look at the list. One run per
 * day; running a day again replaces its list. A platform that fails leaves
 * a FAILED run with the reason.
 */
@Component
public class PaymentReconciliation {

    /** One run. */
    public record Run(long id, LocalDate day, OffsetDateTime runAt, int platformCount, int localCount, String outcome,
                      String error) {
    }

    /** One difference found. */
    public record Difference(String kind, String reference, String transactionId, String dossierCode, Long platformAmount,
                             Long localAmount) {
    }

    private final PaymentPlatform platform;
    private final OnlinePayments payments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PaymentReconciliation(PaymentPlatform platform, OnlinePayments payments, JdbcClient jdbc, TransactionTemplate tx,
                                 Clock clock) {
        this.platform = platform;
        this.payments = payments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Yesterday's reconciliation (the scheduled job's). */
    public Run reconcileYesterday() {
        return reconcile(LocalDate.ofInstant(clock.instant(), CalendarService.ZONE).minusDays(1));
    }

    /** Reconciles the day; the platform's statement is read first, outside any transaction. */
    public Run reconcile(LocalDate day) {
        Instant now = clock.instant();
        List<PaymentPlatform.StatementLine> statement;
        try {
            statement = platform.statement(day, now);
        } catch (PaymentPlatform.PlatformUnavailable e) {
            String reason = e.getMessage() == null ? "unavailable" : e.getMessage();
            return tx.execute(s -> save(day, now, 0, 0, "FAILED", reason.length() > 500 ? reason.substring(0, 500) : reason,
                    List.of()));
        }
        List<OnlinePayments.Payment> local = payments.paidOn(day);
        Map<String, OnlinePayments.Payment> byRef = new HashMap<>();
        local.forEach(p -> byRef.put(p.reference(), p));
        Map<String, PaymentPlatform.StatementLine> seen = new HashMap<>();
        List<Difference> out = new java.util.ArrayList<>();
        for (PaymentPlatform.StatementLine l : statement) {
            seen.put(l.reference(), l);
            OnlinePayments.Payment p = byRef.get(l.reference());
            if (p == null) {
                // known but not (yet) recorded as paid, or paid on another day, or unknown here
                Optional<OnlinePayments.Payment> any = payments.byReference(l.reference());
                if (any.isPresent() && any.get().paid()) {
                    if (any.get().amountVnd() != l.amountVnd()) {
                        out.add(new Difference("AMOUNT_DIFFERS", l.reference(), l.transactionId(), any.get().dossierCode(),
                                l.amountVnd(), any.get().amountVnd()));
                    }
                    continue;
                }
                out.add(new Difference("PLATFORM_ONLY", l.reference(), l.transactionId(),
                        any.map(OnlinePayments.Payment::dossierCode).orElse(null), l.amountVnd(),
                        any.map(OnlinePayments.Payment::amountVnd).orElse(null)));
            } else if (p.amountVnd() != l.amountVnd()) {
                out.add(new Difference("AMOUNT_DIFFERS", l.reference(), l.transactionId(), p.dossierCode(), l.amountVnd(),
                        p.amountVnd()));
            }
        }
        for (OnlinePayments.Payment p : local) {
            if (!seen.containsKey(p.reference())) {
                out.add(new Difference("LOCAL_ONLY", p.reference(), p.transactionId(), p.dossierCode(), null, p.amountVnd()));
            }
        }
        return tx.execute(s -> save(day, now, statement.size(), local.size(), "DONE", null, out));
    }

    private Run save(LocalDate day, Instant now, int platformCount, int localCount, String outcome, String error,
                     List<Difference> differences) {
        jdbc.sql("DELETE FROM integration_payment_reconciliation WHERE day = :d").param("d", day).update();
        long id = jdbc.sql("""
                INSERT INTO integration_payment_reconciliation (day, run_at, platform_count, local_count, outcome, error)
                VALUES (:d, :at, :pc, :lc, :o, :e) RETURNING id""")
                .param("d", day).param("at", Timestamp.from(now)).param("pc", platformCount).param("lc", localCount)
                .param("o", outcome).param("e", error).query(Long.class).single();
        for (Difference d : differences) {
            jdbc.sql("""
                    INSERT INTO integration_payment_difference (reconciliation_id, kind, reference, transaction_id, dossier_code,
                                                                platform_amount, local_amount)
                    VALUES (:r, :k, :ref, :t, :c, :pa, :la)""")
                    .param("r", id).param("k", d.kind()).param("ref", d.reference()).param("t", d.transactionId())
                    .param("c", d.dossierCode()).param("pa", d.platformAmount()).param("la", d.localAmount()).update();
        }
        return run(id).orElseThrow();
    }

    public Optional<Run> run(long id) {
        return jdbc.sql("SELECT * FROM integration_payment_reconciliation WHERE id = :id").param("id", id)
                .query(PaymentReconciliation::run).optional();
    }

    /** The latest runs, newest day first. */
    public List<Run> runs(int limit) {
        return jdbc.sql("SELECT * FROM integration_payment_reconciliation ORDER BY day DESC LIMIT :n").param("n", limit)
                .query(PaymentReconciliation::run).list();
    }

    public List<Difference> differences(long runId) {
        return jdbc.sql("SELECT * FROM integration_payment_difference WHERE reconciliation_id = :r ORDER BY kind, reference")
                .param("r", runId).query((rs, i) -> new Difference(rs.getString("kind"), rs.getString("reference"),
                        rs.getString("transaction_id"), rs.getString("dossier_code"),
                        (Long) rs.getObject("platform_amount", Long.class), (Long) rs.getObject("local_amount", Long.class)))
                .list();
    }

    private static Run run(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                rs.getTimestamp("run_at").toInstant().atZone(CalendarService.ZONE).toOffsetDateTime(),
                rs.getInt("platform_count"), rs.getInt("local_count"), rs.getString("outcome"), rs.getString("error"));
    }
}
