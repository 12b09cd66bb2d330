package vn.motcua.organization;

import java.util.Set;

/**
 * A staff member's access was cut or their credentials changed: the account
 * was deactivated, lost a role or a unit, was renamed, or got a new password.
 * Published inside the changing transaction; the platform ends the person's
 * sessions (in the database, so on every node) before the change commits and
 * once more right after. {@code usernames} are the names the sessions may be
 * filed under (the old one too after a rename). When {@code keepCallersSession}
 * is set (people changing their own password) the session of the request that
 * made the change survives if it is this person's.
 */
public record StaffAccessChanged(StaffId staffId, Set<String> usernames, Set<Reason> reasons, boolean keepCallersSession) {

    public StaffAccessChanged {
        usernames = Set.copyOf(usernames);
        reasons = Set.copyOf(reasons);
    }

    public enum Reason { DEACTIVATED, ROLE_REMOVED, UNIT_REMOVED, RENAMED, PASSWORD_RESET, PASSWORD_CHANGED }
}
