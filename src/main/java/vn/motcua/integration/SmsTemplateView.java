package vn.motcua.integration;

import java.time.Instant;

/**
 * The text message sent for one kind of notice ({@code RECEIVED},
 * {@code REFUSED}, {@code SUPPLEMENT}, {@code COMPLETED}, {@code RETURNED};
 * {@code OTHER} for messages that are not dossier notices, e.g. one-time
 * codes). Placeholders: {@code {name}}, {@code {code}}, {@code {procedure}},
 * {@code {detail}}, {@code {link}}, {@code {body}}. {@code plain}: sent
 * without Vietnamese marks (đ → d). {@code preview}: the template filled with
 * an example.
 */
public record SmsTemplateView(String kind, String body, boolean plain, Instant updatedAt, String updatedBy, int version,
                              String preview) {
}
