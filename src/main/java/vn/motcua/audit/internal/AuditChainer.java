package vn.motcua.audit.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves staged entries into the chain ({@link AuditStore#chainStaged}), on
 * one background thread of this node: woken after each commit that staged
 * something, at start, and every few seconds by a sweep (which also picks up
 * what another node staged and could not chain before it stopped). Any number
 * of nodes may chain at once: the head's lock makes them take turns, and each
 * staged entry is chained once.
 */
@Component
public class AuditChainer {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    static final int BATCH = 500;

    private final AuditStore store;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-chainer");
        t.setDaemon(true);
        return t;
    });

    public AuditChainer(AuditStore store) {
        this.store = store;
    }

    /** Asks for a run soon; a run already asked for covers this one too. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pending.set(false); // shutting down: the next start's run chains what is left
            }
        }
    }

    private void drain() {
        pending.set(false); // a wake from now on asks for another run
        try {
            while (store.hasStaged() && store.chainStaged(BATCH) > 0) {
                // next batch
            }
        } catch (RuntimeException e) {
            log.warn("Chaining staged audit entries failed; the sweep will try again: {}", e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        wake();
    }

    @Scheduled(fixedDelayString = "${motcua.audit.chain-sweep-millis:5000}", initialDelay = 5000)
    void sweep() {
        wake();
    }

    /** Chains everything staged now, on the caller's thread (tests, shutdown). */
    public void drainNow() {
        drain();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
