package vn.motcua.organization;

import java.util.List;
import java.util.Set;

/** A staff account as pages and other modules see it (never the password). */
public record StaffView(
        long id,
        String username,
        String fullName,
        String jobPosition,
        String email,
        String phone,
        boolean active,
        Set<Role> roles,
        List<UnitView> units,
        int version) {

    public StaffId staffId() {
        return new StaffId(id);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
