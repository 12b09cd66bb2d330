package vn.motcua.integration;

import java.time.Instant;

/**
 * One exchange with the National Public Service Portal as the signed log
 * holds it: what was sent, what came back (or the error), and whether the
 * row still matches its signature ({@code intact}: false = edited since).
 */
public record SyncLogEntry(long id, Instant at, Long messageId, String dossierCode, String idempotencyKey,
                           String service, String url, String request, Integer responseStatus, String response,
                           String error, int durationMs, boolean ok, String signature, boolean intact) {
}
