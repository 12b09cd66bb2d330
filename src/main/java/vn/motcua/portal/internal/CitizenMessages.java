package vn.motcua.portal.internal;

import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;
import vn.motcua.shared.AfterCommit;

/**
 * Messages to one account holder that are not about a dossier (a password-reset
 * link, a one-time code, a frozen account): sent through every channel that
 * can reach the recipient (give only the address or only the phone number to
 * choose the channel), once the current transaction has committed, so a
 * message never speaks of something that did not happen, and off the request
 * thread, so the page answers as fast whether a message leaves or not. Not
 * through the event publication registry on purpose: links and codes must not
 * be stored in clear; a lost message costs the citizen one more request.
 */
@Component
public class CitizenMessages {

    private static final Logger log = LoggerFactory.getLogger(CitizenMessages.class);

    private final List<NotificationChannel> channels;
    private final Executor executor;

    CitizenMessages(List<NotificationChannel> channels,
                    @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> executor) {
        this.channels = channels;
        this.executor = executor.getIfAvailable(() -> Runnable::run);
    }

    public void sendAfterCommit(NotificationChannel.Recipient to, String subject, String body) {
        AfterCommit.run(() -> executor.execute(() -> {
            for (NotificationChannel c : channels) {
                try {
                    c.send(to, subject, body);
                } catch (RuntimeException e) {
                    log.warn("Could not send \"{}\" through {}: {}", subject, c.getClass().getSimpleName(), e.getMessage());
                }
            }
        }));
    }
}
