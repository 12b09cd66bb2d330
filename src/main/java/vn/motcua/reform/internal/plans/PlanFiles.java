package vn.motcua.reform.internal.plans;

import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.UnitId;
import vn.motcua.warehouse.FileAccessPolicy;

/** Evidence files of progress reports are readable by whoever's scope includes the task's owner unit. */
@Component
class PlanFiles implements FileAccessPolicy {

    private final PlanStore store;

    PlanFiles(PlanStore store) {
        this.store = store;
    }

    @Override
    public boolean mayRead(UUID fileId, OfficerScope scope) {
        return store.ownerUnitsAttaching(fileId).stream().anyMatch(u -> scope.includes(new UnitId(u)));
    }
}
