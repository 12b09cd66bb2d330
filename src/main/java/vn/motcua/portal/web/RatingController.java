package vn.motcua.portal.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.RatingService;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;

/**
 * Rating pages: the public one behind the link sent to the applicant
 * ({@code /public/rating/{code}?t=…}), and the kiosk for the desk's tablet
 * ({@code /kiosk}, signed in as a one-stop officer), where the applicant taps
 * an answer after collecting the result. The kiosk shows and rates only
 * dossiers of the officer's units, through the same scope check as every
 * staff page and API call: another unit's dossier is 404.
 */
@PageController
public class RatingController {

    private final RatingService ratings;
    private final OrganizationService org;

    public RatingController(RatingService ratings, OrganizationService org) {
        this.ratings = ratings;
        this.org = org;
    }

    @GetMapping("/public/rating/{code}")
    public String form(@PathVariable String code, @RequestParam(name = "t", required = false) String token, Model model) {
        if (!ratings.validToken(code, token)) {
            throw new NotFound("rating link");
        }
        return page(code, token, false, model, null);
    }

    @PostMapping("/public/rating/{code}")
    public String rate(@PathVariable String code, @RequestParam(name = "t", required = false) String token,
                       @RequestParam(required = false) RatingService.Rating rating,
                       @RequestParam(required = false) String comment, Model model) {
        if (!ratings.validToken(code, token)) {
            throw new NotFound("rating link");
        }
        return submit(code, token, rating, comment, RatingService.Channel.LINK, false, model);
    }

    @GetMapping("/kiosk")
    public String kiosk(@RequestParam(required = false) String code, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (code == null || code.isBlank()) {
            return "portal/kiosk";
        }
        DossierView d = ratings.dossierAtDesk(code.trim(), org.scopeOf(me.id()));
        return page(d.code(), null, true, model, null);
    }

    @PostMapping("/kiosk/{code}")
    public String kioskRate(@PathVariable String code, @RequestParam(required = false) RatingService.Rating rating,
                            @RequestParam(required = false) String comment, @AuthenticationPrincipal StaffPrincipal me,
                            Model model) {
        DossierView d = ratings.dossierAtDesk(code, org.scopeOf(me.id()));
        return submit(d.code(), null, rating, comment, RatingService.Channel.KIOSK, true, model);
    }

    private String submit(String code, String token, RatingService.Rating rating, String comment, RatingService.Channel channel,
                          boolean kiosk, Model model) {
        try {
            ratings.rate(code, rating, comment, channel);
            model.addAttribute("thanks", true);
            model.addAttribute("kiosk", kiosk);
            return "portal/rating";
        } catch (DomainRuleViolation e) {
            return page(code, token, kiosk, model, e.messageKey());
        } catch (InvalidInput e) {
            return page(code, token, kiosk, model, "rating.choose");
        }
    }

    private String page(String code, String token, boolean kiosk, Model model, String errorKey) {
        model.addAttribute("d", ratings.dossier(code));
        model.addAttribute("token", token);
        model.addAttribute("kiosk", kiosk);
        model.addAttribute("rated", ratings.rated(code));
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("answers", RatingService.Rating.values());
        return "portal/rating";
    }
}
