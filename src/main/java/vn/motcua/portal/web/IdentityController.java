package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CalendarService;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.CitizenRecords;
import vn.motcua.portal.IdentityProofs;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * The citizen proves that the account's identity number is theirs: the three
 * ways explained, and the one-time code sent to a contact the desk recorded
 * ({@code POST /portal/identity/otp} sends, {@code POST /portal/identity/otp/verify}
 * checks; a rate limit per address sits on these two paths too).
 */
@PageController
public class IdentityController {

    private final IdentityProofs proofs;
    private final CitizenRecords records;
    private final CitizenAccounts accounts;
    private final IdentityNotice notice;
    private final MessageSource messages;

    public IdentityController(IdentityProofs proofs, CitizenRecords records, CitizenAccounts accounts, IdentityNotice notice,
                              MessageSource messages) {
        this.proofs = proofs;
        this.records = records;
        this.accounts = accounts;
        this.notice = notice;
        this.messages = messages;
    }

    @GetMapping("/portal/identity")
    public String page(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
        return page(me, model, Map.of(), null);
    }

    @PostMapping("/portal/identity/otp")
    public String send(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(required = false) String contact,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            IdentityProofs.CodeSent sent = proofs.sendCode(me, contact);
            redirect.addFlashAttribute("sent", messages.getMessage("identity.code.sent", new Object[] {
                    messages.getMessage("identity.code.kind." + sent.kind(), null, LocaleContextHolder.getLocale()),
                    sent.masked(), IdentityProofs.CODE_VALIDITY.toMinutes()}, LocaleContextHolder.getLocale()));
            return "redirect:/portal/identity#way-code";
        } catch (InvalidInput e) {
            return page(me, model, e.fieldErrors(), null);
        } catch (DomainRuleViolation e) {
            response.setStatus("code-throttled".equals(e.rule()) ? 429 : 409);
            return page(me, model, Map.of(), e);
        }
    }

    @PostMapping("/portal/identity/otp/verify")
    public String verify(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(required = false) String code,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            proofs.verifyCode(me, code);
            redirect.addFlashAttribute("flash", messages.getMessage("identity.proven.now", null, LocaleContextHolder.getLocale()));
            return "redirect:/portal";
        } catch (InvalidInput e) {
            model.addAttribute("codeArgs", e.args("code"));
            return page(me, model, e.fieldErrors(), null);
        } catch (DomainRuleViolation e) {
            response.setStatus(409);
            return page(me, model, Map.of(), e);
        }
    }

    private String page(CitizenPrincipal me, Model model, Map<String, String> errors, DomainRuleViolation refused) {
        CitizenRecords.Viewer v = records.viewer(me);
        notice.addTo(model, v);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("codeArgs")) {
            model.addAttribute("codeArgs", new Object[0]);
        }
        model.addAttribute("error", refused == null ? null : refused.messageKey());
        model.addAttribute("errorArgs", refused == null ? new Object[0] : refused.args());
        model.addAttribute("codeMinutes", IdentityProofs.CODE_VALIDITY.toMinutes());
        if (v.proven()) {
            var proof = accounts.find(me.identityNumber()).map(a -> a.proof()).orElse(null);
            model.addAttribute("proof", proof);
            model.addAttribute("proofAt", proof == null ? null
                    : proof.at().atZone(CalendarService.ZONE).toLocalDateTime());
            model.addAttribute("contacts", java.util.List.of());
        } else {
            model.addAttribute("contacts", proofs.codeContacts(me));
        }
        return "portal/identity";
    }
}
