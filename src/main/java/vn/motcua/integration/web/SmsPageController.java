package vn.motcua.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.integration.SmsService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** The administrators' SMS page: templates per notice kind and the messages sent with their delivery status. */
@PageController
@RequestMapping("/admin/integration/sms")
public class SmsPageController {

    private final SmsService sms;

    public SmsPageController(SmsService sms) {
        this.sms = sms;
    }

    @ModelAttribute("fmt")
    WebhookPageController.Fmt fmt() {
        return new WebhookPageController.Fmt();
    }

    @GetMapping
    public String page(@RequestParam(required = false) String code, @RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("templates", sms.templates(me));
        model.addAttribute("code", code);
        model.addAttribute("status", status);
        model.addAttribute("statuses", SmsService.STATUSES);
        try {
            model.addAttribute("messages", sms.messages(code, status, page, 20, me));
        } catch (InvalidInput e) {
            model.addAttribute("filterErrors", e.fieldErrors());
            model.addAttribute("messages", sms.messages(code, null, page, 20, me));
        }
        return "integration/sms";
    }

    @PostMapping("/templates/{kind}")
    public String template(@PathVariable String kind, @RequestParam(required = false) String body,
                           @RequestParam(defaultValue = "false") boolean plain, @RequestParam int version,
                           @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model,
                           RedirectAttributes redirect) {
        try {
            sms.updateTemplate(kind, body, plain, version, me, request.getRemoteAddr());
            redirect.addFlashAttribute("flash", "sms.template.saved");
            return "redirect:/admin/integration/sms";
        } catch (InvalidInput e) {
            model.addAttribute("errorKind", kind);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("errorArgs", e.args("body"));
            model.addAttribute("errorBody", body);
            return page(null, null, 0, me, model);
        }
    }

    @PostMapping("/refresh")
    public String refresh(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        int changed = sms.refreshStatuses(me);
        redirect.addFlashAttribute("flash", "sms.refresh.done");
        redirect.addFlashAttribute("changed", changed);
        return "redirect:/admin/integration/sms";
    }
}
