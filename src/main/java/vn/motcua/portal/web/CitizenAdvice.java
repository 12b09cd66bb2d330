package vn.motcua.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.shared.PageController;

/** Puts the signed-in citizen (or null) into every page's model as {@code citizen}, for the layout. */
@ControllerAdvice(annotations = PageController.class)
public class CitizenAdvice {

    @ModelAttribute("citizen")
    public CitizenPrincipal citizen() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof CitizenPrincipal p ? p : null;
    }
}
