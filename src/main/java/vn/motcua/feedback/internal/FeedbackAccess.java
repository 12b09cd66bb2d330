package vn.motcua.feedback.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;

/**
 * Who sees and who acts on a PAKN (docs/feedback.md, "Roles"):
 * <ul>
 * <li>the <b>desk</b>: one-stop officers whose units include a PAKN desk unit
 *     ({@code feedback_desk}, the desk of the Office of the People's
 *     Committee) see every PAKN and receive, refuse, ask for more, route and
 *     publish;</li>
 * <li>the <b>unit</b> a PAKN is routed to: its leaders and specialists (and
 *     those of the units above it) see it and answer or return it;</li>
 * <li>supervisors and administrators (a scope of all units) see every PAKN
 *     and act on none.</li>
 * </ul>
 * A PAKN one may not see is 404; an act one may not do on a PAKN one sees is 403.
 */
@Component
public class FeedbackAccess {

    private final FeedbackStore store;

    public FeedbackAccess(FeedbackStore store) {
        this.store = store;
    }

    public List<Long> deskUnits() {
        return store.desks();
    }

    /** Whether the scope includes a desk unit. */
    public boolean deskIn(OfficerScope scope) {
        if (scope.allUnits()) {
            return false;
        }
        return store.desks().stream().anyMatch(u -> scope.includes(new UnitId(u)));
    }

    /** Whether the officer works at the desk: a one-stop officer of a desk unit. */
    public boolean isDesk(StaffPrincipal me, OfficerScope scope) {
        return me.roles().contains(Role.ONE_STOP_OFFICER) && (scope.allUnits()
                ? !store.desks().isEmpty() : deskIn(scope));
    }

    public boolean sees(Feedback f, OfficerScope scope, boolean desk) {
        return scope.allUnits() || desk || (f.routedUnitId != null && scope.includes(new UnitId(f.routedUnitId)));
    }

    /** Whether the officer may answer or return it: a leader or specialist of the unit it is routed to. */
    public boolean handles(Feedback f, StaffPrincipal me, OfficerScope scope) {
        return f.routedUnitId != null && !scope.allUnits() && scope.includes(new UnitId(f.routedUnitId))
                && (me.roles().contains(Role.LEADER) || me.roles().contains(Role.SPECIALIST));
    }
}
