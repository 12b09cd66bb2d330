package vn.motcua.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of an event to a partner, with its attempts: {@code id} is the
 * idempotency key the partner receives on every attempt ({@code
 * X-MotCua-Delivery}); {@code status} PENDING, DELIVERED or FAILED (no attempt
 * left).
 */
public record WebhookDeliveryView(UUID id, long subscriptionId, String eventType, Instant createdAt, String status,
                                  int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                                  String lastError, Instant deliveredAt, List<Attempt> history) {

    /** One attempt: when, the partner's status code (null: no answer), the error, how long it took. */
    public record Attempt(int attempt, Instant at, Integer status, String error, int millis) {
    }
}
