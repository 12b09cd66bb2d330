package vn.motcua.dossier.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.UnitsMerged;

/**
 * When units are merged, their open dossiers move to the successor, keeping
 * code, history and deadlines. Runs after the merge commits, from the event
 * publication registry, so a crash in between is retried, not lost; moving
 * twice changes nothing the second time.
 */
@Component
class DossierUnitMergeListener {

    private static final Logger log = LoggerFactory.getLogger(DossierUnitMergeListener.class);
    private final DossierService dossiers;

    DossierUnitMergeListener(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @ApplicationModuleListener
    void on(UnitsMerged event) {
        int moved = dossiers.transferToSuccessor(event.dissolved(), event.successor());
        log.info("Moved {} open dossiers of {} to unit {}", moved, event.dissolved(), event.successor());
    }
}
