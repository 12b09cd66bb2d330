package vn.motcua.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.integration.internal.webhook.WebhookAddresses;
import vn.motcua.integration.internal.webhook.WebhookSender;
import vn.motcua.integration.internal.webhook.WebhookSigning;
import vn.motcua.integration.internal.webhook.WebhookStore;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.shared.Texts;

/**
 * Webhooks for partner systems, for administrators: subscriptions per event
 * type ({@link WebhookEventTypes}), each with its secret (shown once), the
 * delivery history, the test button, and switching a subscription off and on.
 * The pages and the API call the same methods, which check the caller.
 * How deliveries are signed and retried: docs/integration.md §5.
 */
@Service
public class Webhooks {

    public static final String AUDIT_CREATED = "integration.webhook.created";
    public static final String AUDIT_DISABLED = "integration.webhook.disabled";
    public static final String AUDIT_ENABLED = "integration.webhook.enabled";
    public static final String AUDIT_TESTED = "integration.webhook.tested";

    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookAddresses addresses;
    private final AuditTrail audit;
    private final Clock clock;

    public Webhooks(WebhookStore store, WebhookSender sender, WebhookAddresses addresses, AuditTrail audit, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.addresses = addresses;
        this.audit = audit;
        this.clock = clock;
    }

    /** Webhooks are for administrators only. */
    public static void requireAdmin(StaffPrincipal who) {
        if (who == null || !who.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }

    public List<WebhookSubscriptionView> subscriptions(StaffPrincipal who) {
        requireAdmin(who);
        return store.subscriptions();
    }

    public WebhookSubscriptionView subscription(long id, StaffPrincipal who) {
        requireAdmin(who);
        return store.subscription(id).orElseThrow(() -> new NotFound("webhook subscription " + id));
    }

    /** Makes a subscription; its secret is in the answer, and nowhere else ever after. */
    @Transactional
    public CreatedWebhook create(NewWebhook cmd, StaffPrincipal who, String address) {
        requireAdmin(who);
        NewWebhook c = cmd == null ? new NewWebhook(null, null, null) : cmd;
        Map<String, String> errors = new LinkedHashMap<>();
        String partner = Texts.clean(c.partner());
        String url = c.url() == null ? null : c.url().trim();
        if (Texts.isBlank(partner)) {
            errors.put("partner", "validation.required");
        } else if (partner.length() > 200 || Texts.hasControl(partner)) {
            errors.put("partner", "validation.tooLong");
        }
        if (Texts.isBlank(url)) {
            errors.put("url", "validation.required");
        } else if (url.length() > 2000) {
            errors.put("url", "validation.tooLong");
        } else {
            String refusal = addresses.refusal(url);
            if (refusal != null) {
                errors.put("url", refusal);
            }
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(c.eventTypes() == null ? List.of() : c.eventTypes()));
        if (types.isEmpty()) {
            errors.put("eventTypes", "webhook.eventTypes.required");
        } else if (!WebhookEventTypes.ALL.containsAll(types)) {
            errors.put("eventTypes", "webhook.eventTypes.unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        types.sort(java.util.Comparator.comparingInt(WebhookEventTypes.ALL::indexOf));
        String secret = WebhookSigning.newSecret();
        long id = store.create(partner, url, types, secret, clock.instant(), who.username());
        audit.record(AuditEntry.of(AUDIT_CREATED, who.username(), "webhook", String.valueOf(id))
                .detail(partner + " → " + url + " " + types).address(address));
        return new CreatedWebhook(store.subscription(id).orElseThrow(), secret);
    }

    public PageResult<WebhookDeliveryView> deliveries(long id, String status, int page, int size, StaffPrincipal who) {
        subscription(id, who);
        String s = Texts.isBlank(status) ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
        if (s != null && !List.of("PENDING", "DELIVERED", "FAILED").contains(s)) {
            throw InvalidInput.of("status", "webhook.status.unknown");
        }
        return store.deliveries(id, s, Paging.of(page, PageResult.clampSize(size, 20, 100), 100));
    }

    public WebhookDeliveryView delivery(long id, UUID delivery, StaffPrincipal who) {
        subscription(id, who);
        return store.delivery(delivery).filter(d -> d.subscriptionId() == id)
                .orElseThrow(() -> new NotFound("webhook delivery " + delivery));
    }

    /**
     * The test button: one delivery of type {@code webhook.test} sent at once
     * (and, if the partner does not take it, retried like any other).
     */
    public WebhookTestResult test(long id, StaffPrincipal who, String address) {
        WebhookSubscriptionView s = subscription(id, who);
        if (!s.active()) {
            throw new DomainRuleViolation("webhook-inactive", "webhook.rule.inactive");
        }
        Instant now = clock.instant();
        UUID delivery = store.enqueueOne(id, WebhookEventTypes.TEST,
                "{\"message\":\"MotCua webhook test\",\"subscription\":" + id + ",\"at\":\"" + now + "\"}", now);
        WebhookTestResult result = sender.sendNow(delivery)
                .orElse(new WebhookTestResult(delivery, false, null, "not sent"));
        audit.recordAlone(AuditEntry.of(AUDIT_TESTED, who.username(), "webhook", String.valueOf(id))
                .detail(result.delivered() ? "HTTP " + result.status() : result.error()).address(address));
        return result;
    }

    @Transactional
    public WebhookSubscriptionView disable(long id, int version, StaffPrincipal who, String address) {
        WebhookSubscriptionView s = subscription(id, who);
        if (!s.active()) {
            throw new DomainRuleViolation("webhook-inactive", "webhook.rule.inactive");
        }
        if (!store.disable(id, version, clock.instant())) {
            throw new org.springframework.dao.OptimisticLockingFailureException("webhook subscription " + id + " changed");
        }
        audit.record(AuditEntry.of(AUDIT_DISABLED, who.username(), "webhook", String.valueOf(id)).address(address));
        return store.subscription(id).orElseThrow();
    }

    /** Switches it on again; the deliveries that failed while it was paused are queued again. */
    @Transactional
    public WebhookSubscriptionView enable(long id, int version, StaffPrincipal who, String address) {
        WebhookSubscriptionView s = subscription(id, who);
        if (s.active()) {
            throw new DomainRuleViolation("webhook-active", "webhook.rule.active");
        }
        int requeued = store.enable(id, version, clock.instant());
        if (requeued < 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("webhook subscription " + id + " changed");
        }
        audit.record(AuditEntry.of(AUDIT_ENABLED, who.username(), "webhook", String.valueOf(id))
                .detail("requeued " + requeued).address(address));
        return store.subscription(id).orElseThrow();
    }
}
