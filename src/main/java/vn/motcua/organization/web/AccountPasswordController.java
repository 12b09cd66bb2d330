package vn.motcua.organization.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Any member of staff changes their own password (the current one required).
 * Their other sessions end on every node; the one they use stays.
 */
@PageController
@RequestMapping("/account/password")
public class AccountPasswordController {

    private final OrganizationService org;
    private final MessageSource messages;

    public AccountPasswordController(OrganizationService org, MessageSource messages) {
        this.org = org;
        this.messages = messages;
    }

    @GetMapping
    public String form() {
        return "organization/password";
    }

    @PostMapping
    public String change(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String currentPassword,
                         @RequestParam(defaultValue = "") String newPassword,
                         @RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes redirect) {
        try {
            org.changeOwnPassword(me.id(), currentPassword, newPassword, confirmation);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            return "organization/password";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("account.password.changed", null, LocaleContextHolder.getLocale()));
        return "redirect:/";
    }
}
