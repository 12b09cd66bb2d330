package vn.motcua.integration.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.CreatedWebhook;
import vn.motcua.integration.NewWebhook;
import vn.motcua.integration.WebhookDeliveryView;
import vn.motcua.integration.WebhookSubscriptionView;
import vn.motcua.integration.WebhookTestResult;
import vn.motcua.integration.Webhooks;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageResult;

/**
 * Webhook subscriptions for administrators (403 for anyone else, before the
 * body is read): make one (its secret is in the 201 answer only), list,
 * read, delivery history, test, switch off and on.
 */
@RestController
@RequestMapping("/api/v1/integration/webhooks")
@PreAuthorize("hasRole('ADMIN')")
public class WebhookApiController {

    private final Webhooks webhooks;

    public WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    public List<WebhookSubscriptionView> list(@AuthenticationPrincipal StaffPrincipal me) {
        return webhooks.subscriptions(me);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedWebhook create(@RequestBody(required = false) NewWebhook body, @AuthenticationPrincipal StaffPrincipal me,
                                 HttpServletRequest request) {
        return webhooks.create(body, me, request.getRemoteAddr());
    }

    @GetMapping("/{id}")
    public WebhookSubscriptionView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return webhooks.subscription(id, me);
    }

    @GetMapping("/{id}/deliveries")
    public PageResult<WebhookDeliveryView> deliveries(@PathVariable long id, @RequestParam(required = false) String status,
                                                      @RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "20") int size,
                                                      @AuthenticationPrincipal StaffPrincipal me) {
        return webhooks.deliveries(id, status, page, size, me);
    }

    @GetMapping("/{id}/deliveries/{delivery}")
    public WebhookDeliveryView delivery(@PathVariable long id, @PathVariable UUID delivery,
                                        @AuthenticationPrincipal StaffPrincipal me) {
        return webhooks.delivery(id, delivery, me);
    }

    @PostMapping("/{id}/test")
    public WebhookTestResult test(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        return webhooks.test(id, me, request.getRemoteAddr());
    }

    @PostMapping("/{id}/disable")
    public WebhookSubscriptionView disable(@PathVariable long id, @RequestParam int version,
                                           @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        return webhooks.disable(id, version, me, request.getRemoteAddr());
    }

    @PostMapping("/{id}/enable")
    public WebhookSubscriptionView enable(@PathVariable long id, @RequestParam int version,
                                          @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        return webhooks.enable(id, version, me, request.getRemoteAddr());
    }
}
