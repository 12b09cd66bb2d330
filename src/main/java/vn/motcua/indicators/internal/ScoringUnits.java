package vn.motcua.indicators.internal;

import org.springframework.stereotype.Component;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;

/**
 * The unit a dossier is scored for: the department (agency) or commune
 * (ward) at or above the unit that handles it; the province's People's
 * Committee (the root) for units under no department or commune, such as
 * the province's service centre and desks.
 */
@Component
public class ScoringUnits {

    private final OrganizationService org;

    public ScoringUnits(OrganizationService org) {
        this.org = org;
    }

    public static boolean scored(UnitKind kind) {
        return kind == UnitKind.AGENCY || kind == UnitKind.COMMUNE || kind == UnitKind.WARD;
    }

    /** The scoring unit of a unit: itself or its nearest department or commune, else the root. */
    public long of(UnitId unit) {
        UnitView u = org.findUnit(unit).orElse(null);
        if (u == null) {
            return unit.value();
        }
        for (int depth = 0; depth < 32; depth++) {
            if (scored(u.kind()) || u.parentId() == null) {
                return u.id();
            }
            UnitView parent = org.findUnit(new UnitId(u.parentId())).orElse(null);
            if (parent == null) {
                return u.id();
            }
            u = parent;
        }
        return u.id();
    }

    /** Whether the unit is a department or commune (not the root or a unit under no scored unit). */
    public boolean isScored(long unitId) {
        return org.findUnit(new UnitId(unitId)).map(u -> scored(u.kind())).orElse(false);
    }
}
