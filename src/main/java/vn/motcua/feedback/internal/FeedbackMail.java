package vn.motcua.feedback.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;
import vn.motcua.shared.AfterCommit;

/**
 * Tells senders and survey invitees, in Vietnamese, through the portal's
 * channels (e-mail over SMTP; SMS is logged). Messages leave once the act's
 * transaction has committed, on a thread of their own, so a slow mail server
 * never holds a request; a message that fails is logged (the sender can
 * always follow the PAKN by its code; unsent survey invitations are kept and
 * sent again by {@code SurveyService.sendPending}).
 */
@Component
public class FeedbackMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedbackMail.class);
    static final Locale VI = Locale.forLanguageTag("vi");

    private final List<NotificationChannel> channels;
    private final MessageSource messages;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feedback-mail");
        t.setDaemon(true);
        return t;
    });

    public FeedbackMail(List<NotificationChannel> channels, MessageSource messages) {
        this.channels = channels;
        this.messages = messages;
    }

    /** After the commit, sends the message whose subject and body are {@code key.subject} and {@code key.body} with the arguments. */
    public void afterCommit(String name, String email, String phone, String key, Object... args) {
        if ((email == null || email.isBlank()) && (phone == null || phone.isBlank())) {
            return;
        }
        String subject = messages.getMessage(key + ".subject", args, VI);
        String body = messages.getMessage(key + ".body", args, VI);
        NotificationChannel.Recipient to = new NotificationChannel.Recipient(name, email, phone);
        AfterCommit.run(() -> sender.execute(() -> {
            try {
                sendNow(to, subject, body);
            } catch (RuntimeException e) {
                log.warn("Feedback message {} not sent: {}", key, e.toString());
            }
        }));
    }

    /** Sends at once on the caller's thread through every channel; a failure is the caller's to handle. */
    public void sendNow(NotificationChannel.Recipient to, String subject, String body) {
        for (NotificationChannel c : channels) {
            c.send(to, subject, body);
        }
    }

    /** Runs the work on the mail thread (sending many messages must not hold a request). */
    public void later(Runnable work) {
        sender.execute(work);
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
