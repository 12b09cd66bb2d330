package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;

/**
 * The inbox counts shown in the navigation of every page, for officers who handle dossiers. Only pages need
 * them: {@code @RestController}s are {@code @Controller}s too, so JSON API calls are skipped here, otherwise every
 * API call would pay for the counts it never shows.
 */
@ControllerAdvice(annotations = Controller.class)
public class DossierNavAdvice {

    private final DossierService dossiers;
    private final OrganizationService org;

    public DossierNavAdvice(DossierService dossiers, OrganizationService org) {
        this.dossiers = dossiers;
        this.org = org;
    }

    @ModelAttribute("inboxCounts")
    public Map<String, Long> inboxCounts(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !(a.getPrincipal() instanceof StaffPrincipal me)
                || !me.hasAnyRole("ONE_STOP_OFFICER", "SPECIALIST", "LEADER", "SUPERVISOR")) {
            return null;
        }
        Map<String, Long> out = new java.util.HashMap<>();
        dossiers.inboxCounts(org.scopeOf(me.id()), null).forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
