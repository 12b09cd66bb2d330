package vn.motcua.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.integration.CreatedWebhook;
import vn.motcua.integration.NewWebhook;
import vn.motcua.integration.WebhookEventTypes;
import vn.motcua.integration.WebhookTestResult;
import vn.motcua.integration.Webhooks;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** The administrators' webhook pages: subscriptions, the secret shown once, delivery history, the test button. */
@PageController
@RequestMapping("/admin/integration/webhooks")
public class WebhookPageController {

    /** Times as the pages show them (the province's time). */
    public static final class Fmt {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

        public String time(Instant i) {
            return i == null ? "" : TIME.format(i);
        }
    }

    private final Webhooks webhooks;

    public WebhookPageController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @ModelAttribute("fmt")
    Fmt fmt() {
        return new Fmt();
    }

    @GetMapping
    public String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("subscriptions", webhooks.subscriptions(me));
        model.addAttribute("eventTypes", WebhookEventTypes.ALL);
        return "integration/webhooks";
    }

    @PostMapping
    public String create(@RequestParam(required = false) String partner, @RequestParam(required = false) String url,
                         @RequestParam(name = "eventType", required = false) List<String> eventTypes,
                         @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
        try {
            CreatedWebhook created = webhooks.create(new NewWebhook(partner, url, eventTypes), me, request.getRemoteAddr());
            model.addAttribute("created", created);
            return "integration/webhook-created";
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("partner", partner);
            model.addAttribute("url", url);
            model.addAttribute("chosen", eventTypes == null ? List.of() : eventTypes);
            return list(me, model);
        }
    }

    @GetMapping("/{id}")
    public String subscription(@PathVariable long id, @RequestParam(required = false) String status,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) UUID tested,
                               @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("s", webhooks.subscription(id, me));
        if (tested != null) {
            // the test button's delivery, as recorded: the answer survives the redirect on any node
            model.addAttribute("tested", webhooks.delivery(id, tested, me));
        }
        model.addAttribute("status", status);
        model.addAttribute("deliveries", webhooks.deliveries(id, status, page, 20, me));
        return "integration/webhook";
    }

    @GetMapping("/{id}/deliveries/{delivery}")
    public String delivery(@PathVariable long id, @PathVariable UUID delivery, @AuthenticationPrincipal StaffPrincipal me,
                           Model model) {
        model.addAttribute("s", webhooks.subscription(id, me));
        model.addAttribute("d", webhooks.delivery(id, delivery, me));
        return "integration/webhook-delivery";
    }

    @PostMapping("/{id}/test")
    public String test(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request,
                       RedirectAttributes redirect) {
        WebhookTestResult r = webhooks.test(id, me, request.getRemoteAddr());
        return "redirect:/admin/integration/webhooks/" + id + "?tested=" + r.delivery();
    }

    @PostMapping("/{id}/disable")
    public String disable(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal StaffPrincipal me,
                          HttpServletRequest request, RedirectAttributes redirect) {
        webhooks.disable(id, version, me, request.getRemoteAddr());
        redirect.addFlashAttribute("flash", "webhook.disabled.done");
        return "redirect:/admin/integration/webhooks/" + id;
    }

    @PostMapping("/{id}/enable")
    public String enable(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal StaffPrincipal me,
                         HttpServletRequest request, RedirectAttributes redirect) {
        webhooks.enable(id, version, me, request.getRemoteAddr());
        redirect.addFlashAttribute("flash", "webhook.enabled.done");
        return "redirect:/admin/integration/webhooks/" + id;
    }
}
