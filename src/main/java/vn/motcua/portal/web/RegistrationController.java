package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.internal.CitizenSignIn;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** A citizen or organisation opens a portal account and is signed in at once. */
@PageController
public class RegistrationController {

    private final CitizenAccounts accounts;
    private final CitizenSignIn signIn;

    public RegistrationController(CitizenAccounts accounts, CitizenSignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @ModelAttribute("kinds")
    ApplicantKind[] kinds() {
        return ApplicantKind.values();
    }

    @GetMapping("/portal/register")
    public String form(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return "portal/register";
    }

    @PostMapping("/portal/register")
    public String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding,
                           HttpServletRequest request, HttpServletResponse response) {
        try {
            CitizenPrincipal citizen = accounts.register(form.toRegistration());
            signIn.signIn(citizen, request, response);
            return "redirect:/portal";
        } catch (InvalidInput e) {
            e.fieldErrors().forEach((field, key) -> binding.rejectValue(field, key));
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            return "portal/register";
        }
    }
}
