package vn.motcua.feedback.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.FeedbackAct;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackQueue;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackView;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.StoredFile;

/**
 * The staff's PAKN pages: the queues with their counts (the desk's intake,
 * supplements, processing, publication; the overdue ones flagged), each PAKN
 * with its due times, attachments, history and the forms of the acts the
 * officer may do now. The same guards as the API (the service's): a PAKN one
 * may not see is 404, an act that is not one's is 403.
 */
@PageController
public class FeedbackDeskController {

    private final FeedbackService feedback;
    private final MessageSource messages;

    public FeedbackDeskController(FeedbackService feedback, MessageSource messages) {
        this.feedback = feedback;
        this.messages = messages;
    }

    @GetMapping("/feedback")
    public String queue(@RequestParam(required = false) FeedbackQueue queue, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        boolean desk = feedback.isDesk(me);
        FeedbackQueue shown = queue != null ? queue : desk ? FeedbackQueue.INTAKE : FeedbackQueue.PROCESSING;
        model.addAttribute("queue", shown);
        model.addAttribute("queues", FeedbackQueue.values());
        model.addAttribute("counts", feedback.counts(me));
        model.addAttribute("q", q);
        model.addAttribute("desk", desk);
        model.addAttribute("result", feedback.queue(shown, q, page, 20, me));
        return "feedback/queue";
    }

    @GetMapping("/feedback/{code}")
    public String detail(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        FeedbackView f = feedback.get(code, me);
        model.addAttribute("f", f);
        java.util.Set<String> acts = feedback.allowedActs(code, me).stream().map(FeedbackAction::path)
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("acts", acts);
        model.addAttribute("officers", acts.contains("receive") ? feedback.officersOf(f) : null);
        model.addAttribute("history", feedback.history(code, me));
        model.addAttribute("suggestion", feedback.suggestion(code, me));
        model.addAttribute("units", feedback.routableUnits());
        return "feedback/detail";
    }

    @PostMapping("/feedback/{code}/{action}")
    public String act(@PathVariable String code, @PathVariable String action,
                      @RequestParam(required = false) Long toUnit, @RequestParam(required = false) Long officerId,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String text,
                      @RequestParam(required = false) String publishedTitle,
                      @RequestParam(required = false) String publishedQuestion,
                      @RequestParam(required = false) String publishedAnswer,
                      @RequestParam(required = false) Integer version,
                      @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        FeedbackAction a = FeedbackAction.staffAct(action).orElseThrow(() -> new NotFound("action " + action));
        Locale locale = LocaleContextHolder.getLocale();
        try {
            feedback.act(code, a, new FeedbackAct(toUnit, officerId, reason, text, publishedTitle, publishedQuestion,
                    publishedAnswer, version), me);
            redirect.addFlashAttribute("flash", messages.getMessage("feedback.act.done." + a.path(), null, locale));
        } catch (InvalidInput e) {
            StringBuilder sb = new StringBuilder();
            e.fieldErrors().forEach((field, key) -> sb.append(sb.isEmpty() ? "" : " ")
                    .append(messages.getMessage("feedback.field." + field, null, field, locale)).append(": ")
                    .append(messages.getMessage(key, e.args(field), key, locale)));
            redirect.addFlashAttribute("flashError", sb.toString());
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/feedback/" + code;
    }

    @GetMapping("/feedback/{code}/attachments/{fileId}")
    public ResponseEntity<InputStreamResource> attachment(@PathVariable String code, @PathVariable UUID fileId,
                                                          @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        StoredFile f = feedback.attachment(code, fileId, me);
        InputStream in = feedback.content(f);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .contentLength(f.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(new InputStreamResource(in));
    }
}
