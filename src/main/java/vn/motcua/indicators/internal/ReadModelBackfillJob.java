package vn.motcua.indicators.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The back-fill of the 766 read model after start-up: a few minutes after a
 * node starts, and hourly, it rebuilds the read model from the dossiers'
 * histories if no rebuild of the read model's current shape has finished (the
 * dossiers acted on before the read model existed, or before an upgrade that
 * added what only a rebuild can fill, are then counted), resuming an
 * interrupted one from its cursor. Once one has finished it does nothing: the live listener keeps the
 * model, and an administrator can ask for a rebuild. Once across the nodes
 * (this job's lock, and the rebuild's own).
 */
@Component
public class ReadModelBackfillJob {

    private final ReadModelRebuild rebuild;

    public ReadModelBackfillJob(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "indicators-read-model-backfill", lockAtMostFor = "PT6H")
    public void scheduled() {
        rebuild.backfillIfNeverDone();
    }
}
