package vn.motcua.reform.api;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.LegalReviewCommand;
import vn.motcua.reform.LegalReviewList;
import vn.motcua.reform.LegalReviewOutcome;
import vn.motcua.reform.LegalReviewService;
import vn.motcua.reform.LegalReviewView;

/** Legal-document review (docs/reform.md §4), with the service's guards. */
@RestController
@RequestMapping("/api/v1/reform/legal-reviews")
public class LegalReviewApiController {

    /** The outcome (DONE or REJECTED) and its note. */
    public record Outcome(LegalReviewOutcome outcome, String note) {
    }

    private final LegalReviewService reviews;
    public LegalReviewApiController(LegalReviewService reviews) {
        this.reviews = reviews;
    }

    /** The year's records (default: this year) and, for the province level, the catalogue's simplification proposals. */
    @GetMapping
    public LegalReviewList list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me) {
        return reviews.list(year != null ? year : reviews.thisYear(), me);
    }

    @PostMapping
    public LegalReviewView create(@RequestBody(required = false) LegalReviewCommand body, @AuthenticationPrincipal StaffPrincipal me) {
        return reviews.create(body, me);
    }

    @GetMapping("/{id}")
    public LegalReviewView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return reviews.get(id, me);
    }

    @PostMapping("/{id}/outcome")
    public LegalReviewView outcome(@PathVariable long id, @RequestBody(required = false) Outcome body,
                                   @AuthenticationPrincipal StaffPrincipal me) {
        Outcome o = body == null ? new Outcome(null, null) : body;
        return reviews.decide(id, o.outcome(), o.note(), me);
    }
}
