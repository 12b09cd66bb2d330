package vn.motcua.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.RatingService;

/**
 * The per-dossier rating through the API, for the kiosks and tablets of the
 * desks and for the national portal: once per dossier, after the return
 * (409 {@code rating-before-return}, {@code rating-once}); a retry with the
 * same {@code Idempotency-Key} answers the first answer again. Who may call
 * it is {@link RatingService#rateThroughApi}'s rule; "machine" means the call
 * was authenticated by an API key ({@code Authorization: Bearer …}), which
 * the API chain has already checked (a wrong key never reaches here).
 */
@RestController
public class RatingApiController {

    /** The rating: {@code rating} required; {@code reasons} (codes of GET /rating-reasons) only with NOT_SATISFIED. */
    public record RatingRequest(RatingService.Rating rating,
                                @Size(max = 12, message = "{validation.list.tooMany}") List<String> reasons,
                                @Size(max = 2000, message = "{validation.tooLong}") String comment,
                                RatingService.Channel channel) {
    }

    /** A reason for "not satisfied", labelled in the request's language. */
    public record ReasonView(String code, String label) {
    }

    private final RatingService ratings;

    public RatingApiController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/api/v1/dossiers/{code}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    public RatingService.RatingView rate(@PathVariable String code, @Valid @RequestBody RatingRequest body,
                                         @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        boolean machine = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
        return ratings.rateThroughApi(code, new RatingService.RateDossier(body.rating(), body.reasons(), body.comment()),
                body.channel(), me, machine);
    }

    @GetMapping("/api/v1/rating-reasons")
    public List<ReasonView> reasons() {
        Locale locale = LocaleContextHolder.getLocale();
        return ratings.reasons().stream().map(r -> new ReasonView(r.code(), r.label(locale))).toList();
    }
}
