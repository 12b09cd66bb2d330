package vn.motcua.audittrail.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditActorUnits;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.NodeCache;

/**
 * Names the trail needs from the organization: an officer's username (the
 * actor of a dossier act), and the unit a member of staff acts for when an
 * entry does not say it (their one unit; none when they belong to several,
 * as it cannot be told which one they acted for). Kept a minute per node.
 */
@Component
class StaffNames implements AuditActorUnits {

    private final OrganizationService organization;
    private final NodeCache<Long, String> usernames = new NodeCache<>(60_000, 10_000);
    private final NodeCache<String, List<Long>> units = new NodeCache<>(60_000, 10_000);

    StaffNames(OrganizationService organization) {
        this.organization = organization;
    }

    String username(long staffId) {
        String name = usernames.get(staffId, id -> {
            try {
                return organization.staff(new vn.motcua.organization.StaffId(id), OfficerScope.everything(null)).username();
            } catch (vn.motcua.shared.NotFound gone) {
                return null;
            }
        });
        return name != null ? name : "staff#" + staffId;
    }

    @Override
    public Long unitOf(String actor) {
        if (actor == null || actor.startsWith("citizen:") || actor.length() > 64) {
            return null;
        }
        List<Long> ids = units.get(actor, a -> organization.findStaffByUsername(a)
                .map(StaffView::units).map(us -> us.stream().map(UnitView::id).toList()).orElse(null));
        return ids != null && ids.size() == 1 ? ids.get(0) : null;
    }
}
