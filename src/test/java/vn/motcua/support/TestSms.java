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
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> failing =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The next {@code times} messages to the number fail (the channel is down), for the tests of retries. */
    public void failNext(String phone, int times) {
        failing.put(phone, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    @Override
    public void send(Recipient to, String subject, String body) {
        if (to.phone() != null && !to.phone().isBlank()) {
            java.util.concurrent.atomic.AtomicInteger f = failing.get(to.phone());
            if (f != null && f.getAndDecrement() > 0) {
                throw new IllegalStateException("SMS channel down");
            }
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
