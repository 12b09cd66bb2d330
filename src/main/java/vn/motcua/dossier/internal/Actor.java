package vn.motcua.dossier.internal;

import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/** Who acts: the staff member (none for the applicant or the system) and the unit they act for. */
public record Actor(StaffId staff, String name, UnitId unit) {

    public static Actor system(String name) {
        return new Actor(null, name, null);
    }

    /** The staff member's number as the history row stores it. */
    Long staffId() {
        return staff == null ? null : staff.value();
    }

    /** The unit's number as the history row stores it. */
    Long unitId() {
        return unit == null ? null : unit.value();
    }
}
