package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.IdentityProofs;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;

/**
 * The one-stop desk's page for citizen accounts ({@code /citizen-accounts}):
 * find the account by identity number, and, with the person and their ID card
 * at the desk, confirm that the account is theirs ("Xác nhận danh tính"), or
 * freeze an unproven account that is not theirs. One-stop officers and
 * administrators only: the service's guard refuses everyone else (403), as it
 * does on the API ({@code /api/v1/citizen-accounts}).
 */
@PageController
public class CitizenAccountDeskController {

    private final IdentityProofs proofs;
    private final MessageSource messages;

    public CitizenAccountDeskController(IdentityProofs proofs, MessageSource messages) {
        this.proofs = proofs;
        this.messages = messages;
    }

    @GetMapping("/citizen-accounts")
    public String page(@RequestParam(required = false) String q, @AuthenticationPrincipal StaffPrincipal me,
                       HttpServletResponse response, Model model) {
        String number = CitizenAccounts.identityNumber(q);
        if (number == null) {
            proofs.requireDeskOfficer(me);
            return render(model, null, null, Map.of(), null, null, null);
        }
        try {
            return render(model, number, proofs.card(number, me), Map.of(), null, null, null);
        } catch (NotFound e) {
            response.setStatus(404);
            model.addAttribute("notFound", true);
            return render(model, number, null, Map.of(), null, null, null);
        }
    }

    @PostMapping("/citizen-accounts/{identityNumber}/proof")
    public String prove(@PathVariable String identityNumber, @RequestParam(required = false) String document,
                        @RequestParam(required = false) String note, @AuthenticationPrincipal StaffPrincipal me,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            IdentityProofs.AccountCard card = proofs.proveAtDesk(identityNumber,
                    new IdentityProofs.DeskProof(document(document), note), me);
            redirect.addFlashAttribute("flash", messages.getMessage("desk.prove.done", new Object[] {card.fullName()},
                    LocaleContextHolder.getLocale()));
            return redirect(card.identityNumber());
        } catch (InvalidInput e) {
            return render(model, identityNumber, proofs.card(identityNumber, me), e.fieldErrors(), null, document, note);
        } catch (DomainRuleViolation e) {
            response.setStatus(409);
            return render(model, identityNumber, proofs.card(identityNumber, me), Map.of(), e.messageKey(), document, note);
        }
    }

    @PostMapping("/citizen-accounts/{identityNumber}/freeze")
    public String freeze(@PathVariable String identityNumber, @RequestParam(required = false) String note,
                         @AuthenticationPrincipal StaffPrincipal me, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        try {
            proofs.freezeAtDesk(identityNumber, note, me);
            redirect.addFlashAttribute("flash", messages.getMessage("desk.freeze.done", new Object[] {identityNumber},
                    LocaleContextHolder.getLocale()));
            return redirect(CitizenAccounts.identityNumber(identityNumber));
        } catch (InvalidInput e) {
            return render(model, identityNumber, proofs.card(identityNumber, me), Map.of(), "desk.freeze.note.required", null, null);
        } catch (DomainRuleViolation e) {
            response.setStatus(409);
            return render(model, identityNumber, proofs.card(identityNumber, me), Map.of(), e.messageKey(), null, null);
        }
    }

    private static IdentityProofs.DocumentChecked document(String raw) {
        for (IdentityProofs.DocumentChecked d : IdentityProofs.DocumentChecked.values()) {
            if (d.name().equals(raw)) {
                return d;
            }
        }
        return null;
    }

    private static String redirect(String identityNumber) {
        return "redirect:/citizen-accounts?q=" + UriUtils.encodeQueryParam(identityNumber, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String render(Model model, String q, IdentityProofs.AccountCard card, Map<String, String> errors, String error,
                          String document, String note) {
        model.addAttribute("q", q);
        model.addAttribute("card", card);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute("document", document);
        model.addAttribute("note", note);
        model.addAttribute("documents", IdentityProofs.DocumentChecked.values());
        return "portal/desk-accounts";
    }
}
