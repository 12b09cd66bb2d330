package vn.motcua.integration;

/** A subscription just made, with its signing secret: shown this once, never again. */
public record CreatedWebhook(WebhookSubscriptionView subscription, String secret) {
}
