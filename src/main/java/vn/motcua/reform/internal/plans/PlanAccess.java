package vn.motcua.reform.internal.plans;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;

/**
 * Who may do what in the reform records (docs/reform.md): the Department of
 * Home Affairs (supervisors) and administrators act province-wide; leaders
 * manage their units and those below; specialists report progress on their
 * units' tasks. What lies outside one's scope is 404; an act one may not do on
 * a record one sees is 403 ({@link AccessDeniedException}), on pages and API alike.
 */
@Component
public class PlanAccess {

    private final OrganizationService org;

    public PlanAccess(OrganizationService org) {
        this.org = org;
    }

    public OfficerScope scope(StaffPrincipal me) {
        return org.scopeOf(me.id());
    }

    /** Supervisors (the Department of Home Affairs) and administrators. */
    public boolean provincial(StaffPrincipal me) {
        return me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN);
    }

    public void requireProvincial(StaffPrincipal me) {
        if (!provincial(me)) {
            throw new AccessDeniedException("reform: province-level act");
        }
    }

    /** A leader whose scope includes the unit, or a provincial role. */
    public boolean manages(StaffPrincipal me, Long unitId) {
        if (provincial(me)) {
            return true;
        }
        return unitId != null && me.roles().contains(Role.LEADER) && scope(me).includes(new UnitId(unitId));
    }

    /** A leader or specialist (not a provincial role) whose scope includes the unit: who reports on a unit's work. */
    public boolean reports(StaffPrincipal me, long unitId) {
        OfficerScope s = scope(me);
        return !s.allUnits() && s.includes(new UnitId(unitId))
                && (me.roles().contains(Role.LEADER) || me.roles().contains(Role.SPECIALIST));
    }

    public boolean sees(StaffPrincipal me, Long unitId) {
        return unitId == null || scope(me).includes(new UnitId(unitId));
    }

    /** The scope's unit ids for SQL, or null for every unit. */
    public Long[] unitsOrAll(StaffPrincipal me) {
        OfficerScope s = scope(me);
        return s.allUnits() ? null : s.unitIdArray();
    }

    public static AccessDeniedException denied(String what) {
        return new AccessDeniedException(what);
    }
}
