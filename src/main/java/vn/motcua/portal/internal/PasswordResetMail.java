package vn.motcua.portal.internal;

import java.util.Locale;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;

/**
 * Sends the password-reset link by e-mail only (never by SMS: the channel
 * that logs SMS would write the link to the log). Sent off the request
 * thread, so the forgotten-password page answers as fast for an unknown
 * address as for a known one. Not through the event publication registry on
 * purpose: the event would keep the raw token in the database, where only its
 * hash may be; a lost message costs the citizen one more request.
 */
@Component
public class PasswordResetMail {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMail.class);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final EmailChannel email;
    private final MessageSource messages;
    private final String publicUrl;
    private final Executor executor;

    PasswordResetMail(EmailChannel email, MessageSource messages,
                      @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> executor,
                      @Value("${motcua.public-url:http://localhost:8080}") String publicUrl) {
        this.email = email;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.executor = executor.getIfAvailable(() -> Runnable::run);
    }

    public void send(String fullName, String address, String token, long validMinutes) {
        String link = publicUrl + "/portal/password/reset?token=" + token;
        String subject = messages.getMessage("citizen.reset.mail.subject", null, VI);
        String body = messages.getMessage("citizen.reset.mail.body", new Object[] {fullName, link, validMinutes}, VI);
        Runnable sending = () -> executor.execute(() -> {
            try {
                email.send(new NotificationChannel.Recipient(fullName, address, null), subject, body);
            } catch (RuntimeException e) {
                log.warn("Could not send the password-reset e-mail: {}", e.getMessage());
            }
        });
        // only once the token is committed, so the link never arrives before it works
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sending.run();
                }
            });
        } else {
            sending.run();
        }
    }
}
