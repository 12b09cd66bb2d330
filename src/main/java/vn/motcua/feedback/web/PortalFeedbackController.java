package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FiledFeedback;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * The citizen portal's PAKN pages: the account's own PAKN, filing with the
 * account's details filled in, and each PAKN with the supplement and the
 * rating, no key needed (the account that filed it is the sender; another
 * account's PAKN is 404).
 */
@PageController
public class PortalFeedbackController {

    private final FeedbackService feedback;

    public PortalFeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/portal/feedback")
    public String mine(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", feedback.mine(me, page, 20));
        return "feedback/portal-list";
    }

    @GetMapping("/portal/feedback/new")
    public String form(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
        FeedbackForm form = new FeedbackForm();
        form.setSenderName(me.fullName());
        form.setEmail(me.email());
        form.setPhone(me.phone());
        form.setAddress(me.address());
        model.addAttribute("form", form);
        FeedbackPages.formModel(model, feedback);
        return "feedback/portal-form";
    }

    @PostMapping("/portal/feedback")
    public String file(@ModelAttribute("form") FeedbackForm form, BindingResult binding,
                       @RequestParam(name = "files", required = false) List<MultipartFile> files,
                       @AuthenticationPrincipal CitizenPrincipal me, HttpServletRequest request, Model model,
                       RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                FiledFeedback filed = feedback.file(form.toCommand(), FeedbackPages.uploads(files), FeedbackChannel.PORTAL, me,
                        request.getRemoteAddr());
                redirect.addFlashAttribute("filed", filed);
                return "redirect:/portal/feedback/" + filed.code();
            } catch (InvalidInput | DomainRuleViolation e) {
                FeedbackPages.reject(binding, e);
            }
        }
        FeedbackPages.formModel(model, feedback);
        return "feedback/portal-form";
    }

    @GetMapping("/portal/feedback/{code}")
    public String view(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        return page(code, me, model, null);
    }

    @PostMapping("/portal/feedback/{code}/supplement")
    public String supplement(@PathVariable String code, @RequestParam(required = false) String text,
                             @AuthenticationPrincipal CitizenPrincipal me, HttpServletRequest request, Model model,
                             RedirectAttributes redirect) {
        try {
            feedback.supplement(code, null, me, text, request.getRemoteAddr());
            redirect.addFlashAttribute("sent", "supplement");
            return "redirect:/portal/feedback/" + code;
        } catch (InvalidInput e) {
            return page(code, me, model, e.fieldErrors().values().iterator().next());
        } catch (DomainRuleViolation e) {
            return page(code, me, model, e.messageKey());
        }
    }

    @PostMapping("/portal/feedback/{code}/rating")
    public String rate(@PathVariable String code, @RequestParam(required = false) FeedbackRating rating,
                       @RequestParam(required = false) String comment, @AuthenticationPrincipal CitizenPrincipal me,
                       HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            feedback.rate(code, null, me, rating, comment, request.getRemoteAddr());
            redirect.addFlashAttribute("sent", "rating");
            return "redirect:/portal/feedback/" + code;
        } catch (InvalidInput e) {
            return page(code, me, model, e.fieldErrors().containsKey("rating") ? "feedback.rating.choose"
                    : e.fieldErrors().values().iterator().next());
        } catch (DomainRuleViolation e) {
            return page(code, me, model, e.messageKey());
        }
    }

    private String page(String code, CitizenPrincipal me, Model model, String errorKey) {
        var s = feedback.senderView(code, me);
        model.addAttribute("s", s);
        model.addAttribute("p", s.status());
        model.addAttribute("k", null);
        model.addAttribute("base", "/portal/feedback/" + code);
        model.addAttribute("ratings", FeedbackRating.values());
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("portal", true);
        return "feedback/public-view";
    }
}
