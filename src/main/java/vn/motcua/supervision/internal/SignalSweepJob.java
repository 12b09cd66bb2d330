package vn.motcua.supervision.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.supervision.ConductSignals;

/**
 * The time-based conduct rules, every 15 minutes, on one node at a time
 * (ShedLock). Off with {@code motcua.scheduling.enabled=false} (the tests
 * call {@code ConductSignals.sweep()} at the instants they pin): the bean
 * itself is conditional, since scheduling may be switched on elsewhere
 * (Spring Session's JDBC configuration enables it for its own clean-up).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class SignalSweepJob {

    private static final Logger log = LoggerFactory.getLogger(SignalSweepJob.class);

    private final ConductSignals signals;

    SignalSweepJob(ConductSignals signals) {
        this.signals = signals;
    }

    @Scheduled(fixedDelayString = "${motcua.supervision.sweep-every:PT15M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "supervision-sweep", lockAtMostFor = "PT10M")
    public void run() {
        int raised = signals.sweep();
        if (raised > 0) {
            log.info("Supervision sweep raised {} signals", raised);
        }
    }
}
