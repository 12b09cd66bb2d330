package vn.motcua.organization;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member, kept in the (database-backed) session and given
 * to controllers with {@code @AuthenticationPrincipal}. Holds no password.
 */
public record StaffPrincipal(long staffId, String username, String fullName, Set<Role> roles)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public StaffPrincipal {
        roles = Set.copyOf(roles);
    }

    public static StaffPrincipal of(LoginAccount a) {
        return new StaffPrincipal(a.staffId(), a.username(), a.fullName(), a.roles());
    }

    public StaffId id() {
        return new StaffId(staffId);
    }

    public boolean hasRole(String role) {
        return roles.contains(Role.valueOf(role));
    }

    public boolean hasAnyRole(String... names) {
        for (String n : names) {
            if (hasRole(n)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
