package vn.motcua.portal.web;

import java.util.List;
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
                       @RequestParam(required = false) List<String> reasons,
                       @RequestParam(required = false) String comment, Model model) {
        if (!ratings.validToken(code, token)) {
            throw new NotFound("rating link");
        }
        return submit(code, token, new RatingService.RateDossier(rating, reasons, comment), RatingService.Channel.LINK, false, model);
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
                            @RequestParam(required = false) List<String> reasons,
                            @RequestParam(required = false) String comment, @AuthenticationPrincipal StaffPrincipal me,
                            Model model) {
        DossierView d = ratings.dossierAtDesk(code, org.scopeOf(me.id()));
        return submit(d.code(), null, new RatingService.RateDossier(rating, reasons, comment), RatingService.Channel.KIOSK, true,
                model, me.username());
    }

    private String submit(String code, String token, RatingService.RateDossier rating, RatingService.Channel channel,
                          boolean kiosk, Model model) {
        return submit(code, token, rating, channel, kiosk, model, null);
    }

    private String submit(String code, String token, RatingService.RateDossier rating, RatingService.Channel channel,
                          boolean kiosk, Model model, String by) {
        try {
            ratings.rate(code, rating, channel, by);
            model.addAttribute("thanks", true);
            model.addAttribute("kiosk", kiosk);
            model.addAttribute("code", code);
            model.addAttribute("token", token);
            return "portal/rating";
        } catch (DomainRuleViolation e) {
            return page(code, token, kiosk, model, e.messageKey());
        } catch (InvalidInput e) {
            return page(code, token, kiosk, model, errorKey(e));
        }
    }

    /** The message of a refused rating: "choose an answer" when it was missing, else the first field's own. */
    static String errorKey(InvalidInput e) {
        return e.fieldErrors().containsKey("rating") || e.fieldErrors().isEmpty() ? "rating.choose"
                : e.fieldErrors().values().iterator().next();
    }

    private String page(String code, String token, boolean kiosk, Model model, String errorKey) {
        model.addAttribute("d", ratings.dossier(code));
        model.addAttribute("token", token);
        model.addAttribute("kiosk", kiosk);
        model.addAttribute("rated", ratings.rated(code));
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("answers", RatingService.Rating.values());
        model.addAttribute("ratingReasons", ratings.reasons());
        return "portal/rating";
    }
}
