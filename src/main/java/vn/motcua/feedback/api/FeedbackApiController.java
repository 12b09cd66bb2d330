package vn.motcua.feedback.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.feedback.FeedbackAct;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackQueue;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackSummary;
import vn.motcua.feedback.FeedbackView;
import vn.motcua.feedback.FileFeedback;
import vn.motcua.feedback.FiledFeedback;
import vn.motcua.feedback.PublicFeedbackView;
import vn.motcua.feedback.SenderFeedbackView;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;

/**
 * PAKN through the API. Public: filing (a name and a contact required; the
 * answer holds the code and the sender's key, given this once), following by
 * code (no personal data), the list of published answers, and the sender's
 * own acts with the key ({@code key} in the body, or the {@code Feedback-Key}
 * header to read). Staff, with an account: the queue, the whole record and
 * the acts {@code receive}, {@code refuse}, {@code request-supplement},
 * {@code route}, {@code return}, {@code answer}, {@code publish}
 * (docs/feedback.md says who may do which). Errors are problem+json: 404
 * outside one's scope or with a wrong key, 403 for an act that is not one's,
 * 422 for input, 409 with the {@code rule} for the lifecycle.
 */
@RestController
@RequestMapping("/api/v1/feedback")
public class FeedbackApiController {

    /** The sender's supplement: the key given at filing and the text. */
    public record SupplementRequest(@Size(max = 64) String key, @Size(max = 4000, message = "{validation.tooLong}") String text) {
    }

    /** The sender's rating of the published answer: the key, the rating, an optional comment. */
    public record RatingRequest(@Size(max = 64) String key, FeedbackRating rating,
                                @Size(max = 2000, message = "{validation.tooLong}") String comment) {
    }

    private final FeedbackService feedback;

    public FeedbackApiController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping
    public ResponseEntity<FiledFeedback> file(@Valid @RequestBody FileFeedback body, HttpServletRequest request) {
        FiledFeedback filed = feedback.file(body, java.util.List.of(), FeedbackChannel.API, null, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/feedback/" + filed.code())).body(filed);
    }

    /** Published answers ({@code published} may only be true: the other PAKN are the staff's, under /inbox). */
    @GetMapping
    public PageResult<PublicFeedbackView> published(@RequestParam(required = false) Boolean published,
                                                    @RequestParam(required = false) String q,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        if (Boolean.FALSE.equals(published)) {
            throw new InvalidParameter("published", "feedback.published.only");
        }
        return feedback.published(q, page, size);
    }

    @GetMapping("/{code}")
    public PublicFeedbackView follow(@PathVariable String code) {
        return feedback.publicView(code);
    }

    @GetMapping("/{code}/sender")
    public SenderFeedbackView sender(@PathVariable String code, @RequestHeader(name = "Feedback-Key", required = false) String key) {
        return feedback.senderView(code, key);
    }

    @PostMapping("/{code}/supplement")
    public SenderFeedbackView supplement(@PathVariable String code, @Valid @RequestBody SupplementRequest body,
                                         HttpServletRequest request) {
        return feedback.supplement(code, body.key(), null, body.text(), request.getRemoteAddr());
    }

    @PostMapping("/{code}/rating")
    public SenderFeedbackView rate(@PathVariable String code, @Valid @RequestBody RatingRequest body, HttpServletRequest request) {
        return feedback.rate(code, body.key(), null, body.rating(), body.comment(), request.getRemoteAddr());
    }

    /** The staff queue: the PAKN the caller may see, of one queue (default all). */
    @GetMapping("/inbox")
    public PageResult<FeedbackSummary> inbox(@RequestParam(required = false) FeedbackQueue queue,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size,
                                             @AuthenticationPrincipal StaffPrincipal me) {
        return feedback.queue(queue, q, page, size, me);
    }

    @GetMapping("/{code}/record")
    public FeedbackView record(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me) {
        return feedback.get(code, me);
    }

    @PostMapping("/{code}/{action}")
    public FeedbackView act(@PathVariable String code, @PathVariable String action,
                            @Valid @RequestBody(required = false) FeedbackAct body, @AuthenticationPrincipal StaffPrincipal me) {
        FeedbackAction a = FeedbackAction.staffAct(action).orElseThrow(() -> new NotFound("action " + action));
        return feedback.act(code, a, body, me);
    }
}
