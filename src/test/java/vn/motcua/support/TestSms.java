package vn.motcua.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import vn.motcua.portal.NotificationChannel;

/**
 * An SMS channel for the tests: keeps every text message the application
 * sends (to a phone number) so a test can read it, as GreenMail does for
 * e-mail. It sits beside the application's channels (the one that logs).
 */
public class TestSms implements NotificationChannel {

    /** One text message as it left. */
    public record Sms(String phone, String subject, String body) {
    }

    private final ConcurrentLinkedQueue<Sms> sent = new ConcurrentLinkedQueue<>();

    @Override
    public void send(Recipient to, String subject, String body) {
        if (to.phone() != null && !to.phone().isBlank()) {
            sent.add(new Sms(to.phone(), subject, body));
        }
    }

    public List<Sms> to(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }

    /** The newest message to the number whose subject contains the text; messages leave on another thread: wait, bounded. */
    public Sms await(String phone, String subjectPart, int countAtLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Sms> mine = to(phone).stream().filter(s -> s.subject().contains(subjectPart)).toList();
            if (mine.size() >= countAtLeast) {
                return mine.get(mine.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no text message to " + phone + " about \"" + subjectPart + "\"");
    }
}
