package vn.motcua.organization;

import java.time.Instant;
import java.util.Set;

/** What authentication needs to know of a staff account. */
public record LoginAccount(
        long staffId,
        String username,
        String fullName,
        String passwordHash,
        boolean active,
        Instant lockedUntil,
        int failedLogins,
        Set<Role> roles) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
