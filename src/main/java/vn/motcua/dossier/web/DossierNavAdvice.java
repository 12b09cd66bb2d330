package vn.motcua.dossier.web;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageController;

/**
 * The inbox counts shown in the navigation of every page, for officers who handle dossiers. Only pages need
 * them, so the advice applies to {@link PageController}s only: JSON API calls do not pay for counts they never show.
 */
@ControllerAdvice(annotations = PageController.class)
public class DossierNavAdvice {

    private final DossierService dossiers;
    private final OrganizationService org;

    public DossierNavAdvice(DossierService dossiers, OrganizationService org) {
        this.dossiers = dossiers;
        this.org = org;
    }

    @ModelAttribute("inboxCounts")
    public Map<String, Long> inboxCounts() {
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
