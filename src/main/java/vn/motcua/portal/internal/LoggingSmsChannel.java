package vn.motcua.portal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;

/**
 * The SMS channel's stand-in until a provider is contracted: it writes that a
 * message left, with its subject, to the log; never the body (it may carry a
 * one-time code) and never the whole phone number (personal data: all but
 * the last three digits are masked). A real provider implements
 * NotificationChannel the same way and replaces this bean: present only
 * while no SMS gateway is configured ({@code motcua.integration.sms.url}).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${motcua.integration.sms.url:}'.isBlank()")
class LoggingSmsChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

    @Override
    public void send(Recipient to, String subject, String body) {
        if (to.phone() != null && !to.phone().isBlank()) {
            log.info("SMS to {}: {}", Masking.phone(to.phone()), subject);
        }
    }
}
