package vn.motcua.supervision.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;

/**
 * Runs a bulk clean-up job item by item on a thread of its own: each item is
 * one ordinary act through {@link DossierService#act} as the leader who
 * started the job (their account read again: a role taken away since stops
 * the rest), with the dossier's version read just before as the expected one.
 *
 * <p>A run survives its node: the node holds a lease on the job
 * ({@code lease_owner}, {@code lease_until}), renewed at each item; the item
 * is settled (DONE, counted) in the same transaction as its act, after the
 * lease is renewed under the job row's lock. So an item is either not done
 * (its act rolled back with the node) or done and settled, never done twice:
 * when the lease expires, {@link #resumeAbandoned} (a sweep on one node)
 * takes the job over and goes on from the items still pending, and a node
 * that lost its lease (a long pause) stops at its next item. A failed item is
 * recorded with its reason and the others go on.
 */
@Component
public class CleanupRunner {

    private static final Logger log = LoggerFactory.getLogger(CleanupRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "supervision-cleanup");
        t.setDaemon(true);
        return t;
    });
    private final String node = UUID.randomUUID().toString();
    private final DossierService dossiers;
    private final OrganizationService org;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration lease;

    public CleanupRunner(DossierService dossiers, OrganizationService org, JdbcClient jdbc, MessageSource messages, Clock clock,
                         PlatformTransactionManager transactions,
                         @Value("${motcua.supervision.cleanup-lease:PT2M}") Duration lease) {
        this.dossiers = dossiers;
        this.org = org;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.lease = lease;
    }

    /** This node's name in the leases. */
    public String node() {
        return node;
    }

    /** The lease a new job starts with (written with the job's row). */
    public Instant leaseUntil() {
        return clock.instant().plus(lease);
    }

    /** Starts the job's items in the background (call after the job's rows, leased to this node, have committed). */
    public void start(long jobId) {
        executor.submit(() -> run(jobId));
    }

    /**
     * Takes over the running jobs whose lease has expired (their node died or
     * stalled) and runs them here; returns their ids. Called by the sweep
     * ({@code CleanupResumeJob}, one node at a time).
     */
    public List<Long> resumeAbandoned() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> taken = new ArrayList<>();
        for (Long id : jdbc.sql("SELECT id FROM sv_bulk_job WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ?) "
                + "ORDER BY id LIMIT 20").param(now).query(Long.class).list()) {
            int won = jdbc.sql("""
                    UPDATE sv_bulk_job SET lease_owner = ?, lease_until = ?, resumed = resumed + 1
                    WHERE id = ? AND status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ?)
                    """).params(node, Timestamp.from(leaseUntil()), id, now).update();
            if (won == 1) {
                log.info("Clean-up job {} resumed on this node (its lease had expired)", id);
                taken.add(id);
                start(id);
            }
        }
        return taken;
    }

    void run(long jobId) {
        Map<String, Object> job = jdbc.sql("SELECT * FROM sv_bulk_job WHERE id = ?").param(jobId).query().singleRow();
        DossierAct act = act(job);
        StaffPrincipal who = org.loginAccount((String) job.get("actor")).map(StaffPrincipal::of).orElse(null);
        List<Object[]> items = jdbc.sql("SELECT seq, code FROM sv_bulk_item WHERE job_id = ? AND status = 'PENDING' ORDER BY seq")
                .param(jobId).query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
        for (Object[] item : items) {
            int seq = (Integer) item[0];
            String code = (String) item[1];
            String error = null;
            try {
                Boolean settled = tx.execute(s -> {
                    if (!renew(jobId)) {
                        return null; // the job is another node's now
                    }
                    String status = jdbc.sql("SELECT status FROM sv_bulk_item WHERE job_id = ? AND seq = ? FOR UPDATE")
                            .params(jobId, seq).query(String.class).single();
                    if (!"PENDING".equals(status)) {
                        return Boolean.FALSE; // settled already
                    }
                    if (who == null) {
                        throw new org.springframework.security.access.AccessDeniedException("account gone");
                    }
                    int version = dossiers.get(code, OfficerScope.everything(null)).version();
                    dossiers.act(code, act, version, who);
                    jdbc.sql("UPDATE sv_bulk_item SET status = 'DONE', error = NULL, claimed_version = ? WHERE job_id = ? AND seq = ?")
                            .params(version, jobId, seq).update();
                    jdbc.sql("UPDATE sv_bulk_job SET done = done + 1 WHERE id = ?").param(jobId).update();
                    return Boolean.TRUE;
                });
                if (settled == null) {
                    log.info("Clean-up job {} was taken over by another node; this node stops it", jobId);
                    return;
                }
                continue;
            } catch (DomainRuleViolation e) {
                error = e.rule() + ": " + text(e.messageKey(), e.args());
            } catch (InvalidInput e) {
                error = String.join("; ", e.fieldErrors().entrySet().stream().map(x -> x.getKey() + ": " + text(x.getValue())).toList());
            } catch (NotFound e) {
                error = text("supervision.cleanup.notFound");
            } catch (org.springframework.security.access.AccessDeniedException e) {
                error = text("supervision.cleanup.forbidden");
            } catch (OptimisticLockingFailureException e) {
                error = text("supervision.cleanup.changed");
            } catch (RuntimeException e) {
                log.warn("Clean-up job {} item {} failed", jobId, code, e);
                error = e.getClass().getSimpleName();
            }
            String why = SignalStore.cut(error, 500);
            Boolean mine = tx.execute(s -> {
                if (!renew(jobId)) {
                    return null;
                }
                if (jdbc.sql("UPDATE sv_bulk_item SET status = 'FAILED', error = ? WHERE job_id = ? AND seq = ? AND status = 'PENDING'")
                        .params(why, jobId, seq).update() == 1) {
                    jdbc.sql("UPDATE sv_bulk_job SET failed = failed + 1 WHERE id = ?").param(jobId).update();
                }
                return Boolean.TRUE;
            });
            if (mine == null) {
                return;
            }
        }
        jdbc.sql("UPDATE sv_bulk_job SET status = 'DONE', finished_at = ?, lease_until = NULL WHERE id = ? AND lease_owner = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM sv_bulk_item WHERE job_id = ? AND status = 'PENDING')")
                .params(Timestamp.from(clock.instant()), jobId, node, jobId).update();
    }

    /** Renews this node's lease on the job, holding the job's row until the item's transaction ends; false if lost. */
    private boolean renew(long jobId) {
        return jdbc.sql("UPDATE sv_bulk_job SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")
                .params(Timestamp.from(leaseUntil()), jobId, node).update() == 1;
    }

    /** The act a job does on each dossier, from its row (the same for the node that started it and one that resumes it). */
    static DossierAct act(Map<String, Object> job) {
        String reason = (String) job.get("reason");
        if ("STOP".equals(job.get("kind"))) {
            return new DossierAct.StopProcessing(reason + " — Căn cứ: " + job.get("evidence"));
        }
        Number toUnit = (Number) job.get("to_unit");
        Number toOfficer = (Number) job.get("to_officer");
        return new DossierAct.ForwardDossier(toUnit == null ? null : new UnitId(toUnit.longValue()),
                toOfficer == null ? null : new StaffId(toOfficer.longValue()), reason);
    }

    private String text(String key, Object... args) {
        try {
            return messages.getMessage(key, args, java.util.Locale.forLanguageTag("vi"));
        } catch (RuntimeException e) {
            return key;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
