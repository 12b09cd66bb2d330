package vn.motcua.integration.internal.sms;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;

/**
 * The portal's SMS channel through the HTTP SMS gateway. Sending here means
 * writing the message, filled from the template of its kind, into the SMS
 * outbox (table {@code sms_message}, keyed by the notice so a notice owed
 * twice is written once); {@link SmsSender} delivers it with its own retries
 * and follows its delivery status. So the applicant notices' outbox feeds
 * e-mail and SMS alike, and a gateway that is down neither holds the e-mail
 * back nor has it sent again. Does nothing without a configured gateway or
 * for an applicant without a phone number.
 */
@Component
class SmsGatewayChannel implements NotificationChannel {

    private final SmsGateway gateway;
    private final SmsStore store;
    private final Clock clock;

    SmsGatewayChannel(SmsGateway gateway, SmsStore store, Clock clock) {
        this.gateway = gateway;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String channelName() {
        return "sms";
    }

    /** A message that is not a dossier notice (a one-time code): its text as it is, through the OTHER template. */
    @Override
    public void send(Recipient to, String subject, String body) {
        if (!reachable(to)) {
            return;
        }
        write("msg-" + UUID.randomUUID(), "OTHER", null, to.phone(), Map.of("body", body == null ? "" : body));
    }

    @Override
    public void send(Recipient to, Notice notice) {
        if (!reachable(to)) {
            return;
        }
        Map<String, String> values = new java.util.HashMap<>(notice.values());
        values.putIfAbsent("body", notice.subject() == null ? "" : notice.subject());
        write(notice.key(), notice.kind(), notice.dossierCode(), to.phone(), values);
    }

    private boolean reachable(Recipient to) {
        return gateway.enabled() && to.phone() != null && !to.phone().isBlank();
    }

    private void write(String key, String kind, String dossierCode, String phone, Map<String, String> values) {
        SmsStore.Template t = store.template(kind).or(() -> store.template("OTHER")).orElse(null);
        String text = t == null ? values.getOrDefault("body", "") : SmsText.fill(t.body(), values, t.plain());
        store.enqueue(key, t == null ? "OTHER" : t.kind(), dossierCode, phone.replaceAll("[\\s.-]", ""),
                text.length() > 1600 ? text.substring(0, 1600) : text, clock.instant());
    }
}
