package vn.motcua.organization.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;

/** The staff form as the page binds it. */
public class StaffForm {

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "^[a-z0-9._-]{3,64}$", message = "{staff.username.pattern}")
    private String username;
    @NotBlank(message = "{validation.required}")
    @Size(max = 255, message = "{validation.tooLong}")
    private String fullName;
    private String password;
    @Size(max = 255, message = "{validation.tooLong}")
    private String jobPosition;
    @Email(message = "{validation.email}")
    @Size(max = 255, message = "{validation.tooLong}")
    private String email;
    @Size(max = 50, message = "{validation.tooLong}")
    private String phone;
    @NotEmpty(message = "{staff.roles.required}")
    private Set<Role> roles = new LinkedHashSet<>();
    @NotEmpty(message = "{staff.units.required}")
    private Set<Long> unitIds = new LinkedHashSet<>();
    private int version;

    public static StaffForm of(StaffView s) {
        StaffForm f = new StaffForm();
        f.username = s.username();
        f.fullName = s.fullName();
        f.jobPosition = s.jobPosition();
        f.email = s.email();
        f.phone = s.phone();
        f.roles = new LinkedHashSet<>(s.roles());
        f.unitIds = s.units().stream().map(UnitView::id).collect(Collectors.toCollection(LinkedHashSet::new));
        f.version = s.version();
        return f;
    }

    public StaffCommand toCommand() {
        return new StaffCommand(username == null ? null : username.trim(), fullName, password, jobPosition,
                email == null || email.isBlank() ? null : email.trim(), phone, roles, unitIds);
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getJobPosition() { return jobPosition; }
    public void setJobPosition(String jobPosition) { this.jobPosition = jobPosition; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? new LinkedHashSet<>() : roles; }
    public Set<Long> getUnitIds() { return unitIds; }
    public void setUnitIds(Set<Long> unitIds) { this.unitIds = unitIds == null ? new LinkedHashSet<>() : unitIds; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
