package vn.motcua.integration;

import java.time.Instant;
import java.util.List;

/**
 * A partner's webhook subscription as administrators see it (never its
 * secret). {@code disabledReason} is {@code FAILURES} (a delivery ran out of
 * attempts: deliveries are kept and resume when it is enabled again) or
 * {@code ADMIN} (switched off by an administrator).
 */
public record WebhookSubscriptionView(long id, String partner, String url, List<String> eventTypes, boolean active,
                                      int consecutiveFailures, Instant disabledAt, String disabledReason,
                                      Instant createdAt, String createdBy, int version,
                                      long pending, long delivered, long failed) {
}
