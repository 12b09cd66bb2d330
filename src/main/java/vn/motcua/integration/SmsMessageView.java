package vn.motcua.integration;

import java.time.Instant;

/**
 * One text message as the history shows it: the phone number masked (all
 * but the last three digits); {@code status} PENDING, SENT (the gateway took
 * it: {@code gatewayId}), DELIVERED or UNDELIVERED (the gateway's report),
 * REJECTED (refused for good) or FAILED (no attempt left). The text of a
 * message that is not a dossier notice (a one-time code) is not kept once sent.
 */
public record SmsMessageView(long id, String kind, String dossierCode, String phone, String body, String status,
                             int attempts, String gatewayId, String lastError, Instant createdAt, Instant sentAt,
                             Instant statusAt) {
}
