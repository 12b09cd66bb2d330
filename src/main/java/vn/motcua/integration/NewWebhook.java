package vn.motcua.integration;

import java.util.List;

/** A new subscription: the partner's name, the address deliveries are POSTed to, the event types it wants. */
public record NewWebhook(String partner, String url, List<String> eventTypes) {
}
