package vn.motcua.supervision.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.NotFound;

/**
 * Who sees supervision: a supervisor the whole province; a leader the units
 * of their scope (their units and those below); anyone else nothing (403).
 * A unit outside a leader's scope answers 404, as everywhere in MotCua.
 */
@Component
public class SupervisionAccess {

    private final OrganizationService org;

    public SupervisionAccess(OrganizationService org) {
        this.org = org;
    }

    public OfficerScope scope(StaffPrincipal who) {
        if (who == null) {
            throw new AccessDeniedException("supervision");
        }
        if (who.roles().contains(Role.SUPERVISOR)) {
            return OfficerScope.everything(who.id());
        }
        if (who.roles().contains(Role.LEADER)) {
            return org.scopeOf(who.id());
        }
        throw new AccessDeniedException("supervision");
    }

    /** Only supervisors close signals and edit the rules. */
    public void requireSupervisor(StaffPrincipal who) {
        if (who == null || !who.roles().contains(Role.SUPERVISOR)) {
            throw new AccessDeniedException("supervisor only");
        }
    }

    /** Only leaders run the bulk clean-up (its acts are theirs, done under the dossier rules). */
    public OfficerScope requireLeader(StaffPrincipal who) {
        if (who == null || !who.roles().contains(Role.LEADER)) {
            throw new AccessDeniedException("leader only");
        }
        return org.scopeOf(who.id());
    }

    /** The unit and the units below it, within the scope; null for "all the scope". */
    public java.util.Set<Long> units(Long unit, OfficerScope scope) {
        if (unit == null) {
            return null;
        }
        if (!scope.includes(new UnitId(unit)) || org.findUnit(new UnitId(unit)).isEmpty()) {
            throw new NotFound("unit " + unit);
        }
        return org.selfAndDescendants(java.util.List.of(unit));
    }
}
