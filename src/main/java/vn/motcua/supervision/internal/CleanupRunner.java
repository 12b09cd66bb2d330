package vn.motcua.supervision.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;

/**
 * Runs a bulk clean-up job item by item on a thread of its own: each item is
 * one ordinary act through {@link DossierService#act} (its own transaction,
 * history row, events and checks, as the leader who started the job). A
 * failed item is recorded with its reason and the others go on; the job row
 * counts done and failed for the page that polls it.
 */
@Component
public class CleanupRunner {

    private static final Logger log = LoggerFactory.getLogger(CleanupRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "supervision-cleanup");
        t.setDaemon(true);
        return t;
    });
    private final DossierService dossiers;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    public CleanupRunner(DossierService dossiers, JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** Starts the job's items in the background (call after the job's rows have committed). */
    public void start(long jobId, DossierAct act, StaffPrincipal who) {
        executor.submit(() -> run(jobId, act, who));
    }

    void run(long jobId, DossierAct act, StaffPrincipal who) {
        List<Object[]> items = jdbc.sql("SELECT seq, code FROM sv_bulk_item WHERE job_id = ? AND status = 'PENDING' ORDER BY seq")
                .param(jobId).query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
        for (Object[] item : items) {
            int seq = (Integer) item[0];
            String code = (String) item[1];
            String error = null;
            try {
                dossiers.act(code, act, null, who);
            } catch (DomainRuleViolation e) {
                error = e.rule() + ": " + text(e.messageKey(), e.args());
            } catch (InvalidInput e) {
                error = String.join("; ", e.fieldErrors().entrySet().stream().map(x -> x.getKey() + ": " + text(x.getValue())).toList());
            } catch (NotFound e) {
                error = text("supervision.cleanup.notFound");
            } catch (org.springframework.security.access.AccessDeniedException e) {
                error = text("supervision.cleanup.forbidden");
            } catch (RuntimeException e) {
                log.warn("Clean-up job {} item {} failed", jobId, code, e);
                error = e.getClass().getSimpleName();
            }
            jdbc.sql("UPDATE sv_bulk_item SET status = ?, error = ? WHERE job_id = ? AND seq = ?")
                    .params(error == null ? "DONE" : "FAILED", SignalStore.cut(error, 500), jobId, seq).update();
            jdbc.sql("UPDATE sv_bulk_job SET " + (error == null ? "done = done + 1" : "failed = failed + 1") + " WHERE id = ?")
                    .param(jobId).update();
        }
        jdbc.sql("UPDATE sv_bulk_job SET status = 'DONE', finished_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), jobId).update();
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
