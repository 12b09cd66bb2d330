package vn.motcua.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of a login through the staff login form (as opposed to HTTP
 * Basic): such a login always runs its BCrypt check and is always audited.
 */
public class FormLoginDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public FormLoginDetails(HttpServletRequest request) {
        super(request);
    }
}
