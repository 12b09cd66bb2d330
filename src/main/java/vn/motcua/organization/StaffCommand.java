package vn.motcua.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Create or edit a staff account. {@code password} is required on creation and
 * optional on edit (blank keeps the current one).
 */
public record StaffCommand(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^[a-z0-9._-]{3,64}$", message = "{staff.username.pattern}") String username,
        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.tooLong}") String fullName,
        String password,
        @Size(max = 255, message = "{validation.tooLong}") String jobPosition,
        @Email(message = "{validation.email}") @Size(max = 255, message = "{validation.tooLong}") String email,
        @Size(max = 50, message = "{validation.tooLong}") String phone,
        @NotEmpty(message = "{staff.roles.required}") Set<Role> roles,
        @NotEmpty(message = "{staff.units.required}") Set<Long> unitIds) {
}
