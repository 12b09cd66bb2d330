package vn.motcua.portal.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.portal.internal.IdentityProvider;
import vn.motcua.shared.PageController;

/** The citizen's login page and the portal's home. */
@PageController
public class PortalController {

    /** The reasons the login redirects with ({@code ?error=…}); anything else reads as a bad password. */
    private static final java.util.Set<String> LOGIN_ERRORS =
            java.util.Set.of("bad", "locked", "disabled", "vneid", "vneid-identity", "vneid-account");

    private final IdentityProvider identityProvider;
    private final vn.motcua.portal.OnlineFiling filing;
    private final vn.motcua.portal.CitizenRecords records;
    private final IdentityNotice notice;

    public PortalController(IdentityProvider identityProvider, vn.motcua.portal.OnlineFiling filing,
                            vn.motcua.portal.CitizenRecords records, IdentityNotice notice) {
        this.identityProvider = identityProvider;
        this.filing = filing;
        this.records = records;
        this.notice = notice;
    }

    @GetMapping("/portal/login")
    public String login(@org.springframework.web.bind.annotation.RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("errorKey", "citizen.login.error." + (LOGIN_ERRORS.contains(error) ? error.replace('-', '.') : "bad"));
        }
        model.addAttribute("vneid", identityProvider.enabled() ? identityProvider.loginPath() : null);
        return "portal/login";
    }

    @GetMapping("/portal")
    public String home(@org.springframework.security.core.annotation.AuthenticationPrincipal vn.motcua.portal.CitizenPrincipal me,
                       Model model) {
        // the greeting and the links take the signed-in citizen from the model (CitizenAdvice)
        vn.motcua.portal.CitizenRecords.Viewer v = records.viewer(me);
        model.addAttribute("drafts", filing.drafts(me));
        model.addAttribute("recent", records.dossiers(v, 0, 5).items());
        notice.addTo(model, v);
        return "portal/home";
    }
}
