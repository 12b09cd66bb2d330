package vn.motcua.integration;

import java.util.UUID;

/** What the "send test" button got: the delivery made, whether the partner took it, its status code or the error. */
public record WebhookTestResult(UUID delivery, boolean delivered, Integer status, String error) implements java.io.Serializable {
}
