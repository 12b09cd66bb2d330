package vn.motcua.catalog.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitsMerged;

/**
 * When units are merged, the drafts and the published versions that name a
 * dissolved unit (as implementing agency or as a step's unit) name its
 * successor instead, so new dossiers go to a unit that exists. Superseded and
 * withdrawn versions keep the unit they named: they are the record. Running it
 * twice changes nothing more.
 */
@Component
class UnitMergeListener {

    private static final Logger log = LoggerFactory.getLogger(UnitMergeListener.class);

    private final ProcedureStore store;

    UnitMergeListener(ProcedureStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(UnitsMerged event) {
        int changed = 0;
        for (UnitId dissolved : event.dissolved()) {
            changed += store.replaceUnit(dissolved.value(), event.successor().value());
        }
        if (changed > 0) {
            log.info("Moved {} procedure versions to unit {} after a merge", changed, event.successor());
        }
    }
}
