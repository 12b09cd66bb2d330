package vn.motcua.platform.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageController;

/** The login page and the start page after signing in. */
@PageController
public class HomeController {

    private final OrganizationService organization;

    public HomeController(OrganizationService organization) {
        this.organization = organization;
    }

    @GetMapping("/login")
    public String login() {
        return "platform/login";
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        organization.findStaffByUsername(me.getUsername()).ifPresent(s -> model.addAttribute("profile", s));
        return "platform/home";
    }
}
