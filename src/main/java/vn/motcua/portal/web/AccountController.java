package vn.motcua.portal.web;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** The signed-in citizen changes the password; every other session of the account then ends, on every node. */
@PageController
public class AccountController {

    private final CitizenAccounts accounts;
    private final MessageSource messages;

    public AccountController(CitizenAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/portal/account/password")
    public String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "portal/password";
    }

    @PostMapping("/portal/account/password")
    public String change(@AuthenticationPrincipal CitizenPrincipal me,
                         @RequestParam(required = false) String currentPassword,
                         @RequestParam(required = false) String password,
                         @RequestParam(required = false) String passwordConfirmation,
                         Model model, RedirectAttributes redirect) {
        try {
            accounts.changePassword(me.accountId(), currentPassword, password, passwordConfirmation);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            return "portal/password";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("citizen.password.changed", null, LocaleContextHolder.getLocale()));
        return "redirect:/portal";
    }
}
