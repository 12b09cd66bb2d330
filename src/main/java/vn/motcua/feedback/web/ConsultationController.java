package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.ConsultationCommand;
import vn.motcua.feedback.ConsultationKind;
import vn.motcua.feedback.ConsultationService;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Consultations: the public list, each draft with its approved comments and
 * the form to comment while it is open (comments wait for moderation); the
 * units' pages to draft, open, moderate and conclude (the service's guards).
 */
@PageController
public class ConsultationController {

    private final ConsultationService consultations;
    private final FeedbackService feedback;
    private final MessageSource messages;

    public ConsultationController(ConsultationService consultations, FeedbackService feedback, MessageSource messages) {
        this.consultations = consultations;
        this.feedback = feedback;
        this.messages = messages;
    }

    @GetMapping("/public/consultations")
    public String publicList(Model model) {
        model.addAttribute("list", consultations.publicList());
        return "feedback/consultations-public";
    }

    @GetMapping("/public/consultations/{id}")
    public String publicView(@PathVariable long id, Model model) {
        model.addAttribute("c", consultations.publicView(id));
        return "feedback/consultation-public";
    }

    @PostMapping("/public/consultations/{id}/comments")
    public String comment(@PathVariable long id, @RequestParam(required = false) String authorName,
                          @RequestParam(required = false) String authorEmail, @RequestParam(required = false) String organisation,
                          @RequestParam(required = false) String text, HttpServletRequest request, Model model,
                          RedirectAttributes redirect) {
        try {
            consultations.comment(id, authorName, authorEmail, organisation, text, request.getRemoteAddr());
            redirect.addFlashAttribute("commented", true);
            return "redirect:/public/consultations/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (DomainRuleViolation e) {
            model.addAttribute("ruleKey", e.messageKey());
        }
        model.addAttribute("c", consultations.publicView(id));
        model.addAttribute("authorName", authorName);
        model.addAttribute("authorEmail", authorEmail);
        model.addAttribute("organisation", organisation);
        model.addAttribute("text", text);
        return "feedback/consultation-public";
    }

    @GetMapping("/consultations")
    public String staffList(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("list", consultations.staffList(me));
        model.addAttribute("units", feedback.units());
        model.addAttribute("kinds", ConsultationKind.values());
        return "feedback/consultations";
    }

    @PostMapping("/consultations")
    public String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) ConsultationKind kind,
                         @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                         @RequestParam(required = false) String reference,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                         @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            long id = consultations.create(new ConsultationCommand(unitId, kind, title, body, reference, closesOn), me).id();
            return "redirect:/consultations/" + id;
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", describe(e));
            return "redirect:/consultations";
        }
    }

    @GetMapping("/consultations/{id}")
    public String staffView(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        var c = consultations.staffView(id, me);
        model.addAttribute("c", c);
        model.addAttribute("runs", consultations.runs(c.unitId(), me));
        return "feedback/consultation";
    }

    @PostMapping("/consultations/{id}/{act}")
    public String act(@PathVariable long id, @PathVariable String act, @RequestParam(required = false) String conclusion,
                      @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            switch (act) {
                case "open" -> consultations.open(id, me);
                case "conclude" -> consultations.conclude(id, conclusion, me);
                default -> throw new vn.motcua.shared.NotFound("consultation act " + act);
            }
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", describe(e));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale()));
        }
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/comments/{commentId}")
    public String moderate(@PathVariable long id, @PathVariable long commentId, @RequestParam(defaultValue = "false") boolean approve,
                           @RequestParam(required = false) String reason, @RequestParam(required = false) String reply,
                           @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            consultations.moderate(id, commentId, approve, reason, reply, me);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", describe(e));
        }
        return "redirect:/consultations/" + id;
    }

    private String describe(InvalidInput e) {
        StringBuilder sb = new StringBuilder();
        e.fieldErrors().forEach((f, k) -> sb.append(sb.isEmpty() ? "" : " ")
                .append(messages.getMessage("consultation.field." + f, null, f, locale())).append(": ")
                .append(messages.getMessage(k, null, k, locale())));
        return sb.toString();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
