package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageController;

/** Puts what the layout needs into every page's model: who is signed in, and the current path. */
@ControllerAdvice(annotations = PageController.class)
public class LayoutAdvice {

    @ModelAttribute("me")
    public StaffPrincipal me() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof StaffPrincipal p ? p : null;
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
