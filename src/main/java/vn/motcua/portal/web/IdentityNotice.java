package vn.motcua.portal.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.motcua.portal.CitizenRecords;
import vn.motcua.portal.internal.IdentityProvider;

/**
 * What the notice on the portal's pages needs (fragment
 * {@code portal/fragments/identity-notice}): whether the account is proven,
 * and, until it is, where each of the three ways to prove it starts.
 */
@Component
public class IdentityNotice {

    private final IdentityProvider identityProvider;

    IdentityNotice(IdentityProvider identityProvider) {
        this.identityProvider = identityProvider;
    }

    void addTo(Model model, CitizenRecords.Viewer viewer) {
        model.addAttribute("proven", viewer.proven());
        model.addAttribute("vneidPath", identityProvider.enabled() ? identityProvider.loginPath() : null);
    }
}
