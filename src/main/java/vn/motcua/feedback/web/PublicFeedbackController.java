package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FiledFeedback;
import vn.motcua.feedback.SenderFeedbackView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;
import vn.motcua.shared.Texts;

/**
 * The public site's PAKN pages, no account needed: the form (a name and a
 * contact required), following by code (the sender's key opens what they
 * wrote, what the desk asks for, the full answer and the rating), and the
 * published answers, searchable without diacritics.
 */
@PageController
public class PublicFeedbackController {

    private final FeedbackService feedback;

    public PublicFeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/public/feedback")
    public String home(Model model) {
        model.addAttribute("form", new FeedbackForm());
        FeedbackPages.formModel(model, feedback);
        model.addAttribute("latest", feedback.published(null, 0, 5).items());
        return "feedback/public-home";
    }

    @PostMapping("/public/feedback")
    public String file(@ModelAttribute("form") FeedbackForm form, BindingResult binding,
                       @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
                       Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            FeedbackPages.formModel(model, feedback);
            model.addAttribute("latest", List.of());
            return "feedback/public-home";
        }
        try {
            FiledFeedback filed = feedback.file(form.toCommand(), FeedbackPages.uploads(files), FeedbackChannel.PUBLIC_SITE, null,
                    request.getRemoteAddr());
            redirect.addFlashAttribute("filed", filed);
            return "redirect:" + UriComponentsBuilder.fromPath("/public/feedback/{code}").queryParam("k", filed.key())
                    .buildAndExpand(filed.code()).toUriString();
        } catch (InvalidInput | DomainRuleViolation e) {
            FeedbackPages.reject(binding, e);
            FeedbackPages.formModel(model, feedback);
            model.addAttribute("latest", List.of());
            return "feedback/public-home";
        }
    }

    @GetMapping("/public/feedback/follow")
    public String follow(@RequestParam(required = false) String code, @RequestParam(required = false) String key) {
        String c = Texts.clean(Texts.query("code", code));
        if (Texts.isBlank(c)) {
            return "redirect:/public/feedback";
        }
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/public/feedback/{code}");
        String k = Texts.clean(Texts.query("key", key));
        if (!Texts.isBlank(k)) {
            b.queryParam("k", k);
        }
        return "redirect:" + b.buildAndExpand(c.toUpperCase(java.util.Locale.ROOT)).toUriString();
    }

    @GetMapping("/public/feedback/answers")
    public String answers(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", feedback.published(q, page, 20));
        return "feedback/answers";
    }

    @GetMapping("/public/feedback/{code}")
    public String view(@PathVariable String code, @RequestParam(name = "k", required = false) String key, Model model) {
        return page(code, key, model, null);
    }

    @PostMapping("/public/feedback/{code}/supplement")
    public String supplement(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
                             @RequestParam(required = false) String text, HttpServletRequest request, Model model,
                             RedirectAttributes redirect) {
        try {
            feedback.supplement(code, key, null, text, request.getRemoteAddr());
            redirect.addFlashAttribute("sent", "supplement");
            return redirectTo(code, key);
        } catch (InvalidInput e) {
            return page(code, key, model, e.fieldErrors().values().iterator().next());
        } catch (DomainRuleViolation e) {
            return page(code, key, model, e.messageKey());
        }
    }

    @PostMapping("/public/feedback/{code}/rating")
    public String rate(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
                       @RequestParam(required = false) FeedbackRating rating, @RequestParam(required = false) String comment,
                       HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            feedback.rate(code, key, null, rating, comment, request.getRemoteAddr());
            redirect.addFlashAttribute("sent", "rating");
            return redirectTo(code, key);
        } catch (InvalidInput e) {
            return page(code, key, model, e.fieldErrors().containsKey("rating") ? "feedback.rating.choose"
                    : e.fieldErrors().values().iterator().next());
        } catch (DomainRuleViolation e) {
            return page(code, key, model, e.messageKey());
        }
    }

    private static String redirectTo(String code, String key) {
        return "redirect:" + UriComponentsBuilder.fromPath("/public/feedback/{code}").queryParam("k", key)
                .buildAndExpand(code).toUriString();
    }

    private String page(String code, String key, Model model, String errorKey) {
        model.addAttribute("p", feedback.publicView(code));
        SenderFeedbackView sender = null;
        if (!Texts.isBlank(key)) {
            try {
                sender = feedback.senderView(code, key);
            } catch (NotFound e) {
                model.addAttribute("wrongKey", true);
            }
        }
        model.addAttribute("s", sender);
        model.addAttribute("k", sender == null ? null : key);
        model.addAttribute("base", "/public/feedback/" + code);
        model.addAttribute("ratings", FeedbackRating.values());
        model.addAttribute("errorKey", errorKey);
        return "feedback/public-view";
    }
}
