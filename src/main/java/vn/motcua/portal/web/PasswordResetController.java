package vn.motcua.portal.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Forgotten password: the citizen gives an identity number or e-mail address
 * and always gets the same answer (so nobody learns who has an account); the
 * e-mailed link opens the page that sets a new password.
 */
@PageController
public class PasswordResetController {

    private final CitizenAccounts accounts;

    public PasswordResetController(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/portal/password/forgot")
    public String forgotForm() {
        return "portal/forgot";
    }

    @PostMapping("/portal/password/forgot")
    public String forgot(@RequestParam(name = "login", defaultValue = "") String login, Model model) {
        if (login.isBlank()) {
            model.addAttribute("loginError", "validation.required");
            return "portal/forgot";
        }
        accounts.requestPasswordReset(login);
        model.addAttribute("sent", true);
        return "portal/forgot";
    }

    @GetMapping("/portal/password/reset")
    public String resetForm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        CitizenAccounts.ResetTokenState state = accounts.resetTokenState(token);
        model.addAttribute("token", token);
        if (state != CitizenAccounts.ResetTokenState.VALID) {
            model.addAttribute("tokenError", "citizen.reset.token." + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        return "portal/reset";
    }

    @PostMapping("/portal/password/reset")
    public String reset(@RequestParam(name = "token", defaultValue = "") String token,
                        @RequestParam(name = "password", required = false) String password,
                        @RequestParam(name = "passwordConfirmation", required = false) String confirmation, Model model) {
        model.addAttribute("token", token);
        try {
            accounts.resetPassword(token, password, confirmation);
            return "redirect:/portal/login?reset";
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            return "portal/reset";
        } catch (DomainRuleViolation e) {
            model.addAttribute("tokenError", e.messageKey());
            return "portal/reset";
        }
    }
}
