package vn.motcua.portal.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ApplicantNotice;
import vn.motcua.dossier.ApplicantNotices;
import vn.motcua.dossier.ApplicantNoticesQueued;
import vn.motcua.portal.NotificationChannel;
import vn.motcua.portal.RatingService;
import vn.motcua.shared.AfterCommit;
import vn.motcua.shared.PollingWorker;

/**
 * Tells the applicant, in Vietnamese, when the dossier is received, refused,
 * needs a supplement, has its result ready, or has it returned. The acts
 * write these messages into the outbox ({@link ApplicantNotices}) in their
 * own statement; this sender, one thread per node, claims them in batches and
 * sends them through every channel, once per channel: a channel that sent a
 * message is recorded ({@link NoticeChannelDeliveries}), so when another
 * channel fails and the message is tried again, only the channels that have
 * not sent it yet are used. It starts right after the commit of an
 * act on this node, and otherwise every {@code motcua.notices.poll-seconds}
 * (messages left by another node or by a node that stopped). A message whose
 * sending fails is tried again later (see ApplicantNotices.claim).
 */
@Component
class DossierNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DossierNotifications.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int BATCH = 50;

    private final ApplicantNotices notices;
    private final NoticeChannelDeliveries deliveries;
    private final List<NotificationChannel> channels;
    private final MessageSource messages;
    private final String publicUrl;
    private final RatingService ratings;
    private final Duration poll;
    private final Duration lease;
    private final PollingWorker worker;

    DossierNotifications(ApplicantNotices notices, NoticeChannelDeliveries deliveries, List<NotificationChannel> channels, MessageSource messages,
                         @Value("${motcua.public-url:http://localhost:8080}") String publicUrl, RatingService ratings,
                         @Value("${motcua.notices.poll-seconds:5}") long pollSeconds,
                         @Value("${motcua.notices.lease-seconds:60}") long leaseSeconds) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.channels = channels;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.ratings = ratings;
        this.poll = Duration.ofSeconds(pollSeconds);
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.worker = new PollingWorker("applicant-notices", () -> poll, this::sendDue, log);
    }

    /** An act owes messages: send them once its transaction has committed (not before: they are not visible yet). */
    @EventListener
    void on(ApplicantNoticesQueued event) {
        AfterCommit.run(this::wake);
    }

    private void wake() {
        worker.wake();
    }

    /**
     * Sends what is due now, batch after batch, until nothing is left;
     * returns how many messages were claimed. Runs on the sender's thread,
     * and may be called by tests: concurrent callers never take the same row.
     */
    int sendDue() {
        int total = 0;
        while (true) {
            List<ApplicantNotice> batch = notices.claim(BATCH, lease);
            List<Long> sent = new ArrayList<>(batch.size());
            for (ApplicantNotice n : batch) {
                try {
                    send(n);
                    sent.add(n.id());
                } catch (RuntimeException e) {
                    log.warn("Notice {} ({} of {}) not sent, attempt {}: {}", n.id(), n.kind(), n.code(), n.attempt(), e.toString());
                    notices.failed(n.id(), e.toString());
                }
            }
            notices.sent(sent);
            total += batch.size();
            if (batch.size() < BATCH) {
                return total;
            }
        }
    }

    private void send(ApplicantNotice n) {
        String what = n.kind().name().toLowerCase(Locale.ROOT);
        String detail = switch (n.kind()) {
            case RECEIVED -> n.appointmentAt() == null ? "" : DATE.format(n.appointmentAt());
            case RETURNED -> publicUrl + "/public/rating/" + n.code() + "?t=" + ratings.token(n.code());
            default -> n.detail() == null ? "" : n.detail();
        };
        String subject = messages.getMessage("notify." + what + ".subject", new Object[] {n.code()}, VI);
        String body = messages.getMessage("notify." + what + ".body", new Object[] {n.applicantName(), n.code(),
                n.procedureName(), detail, publicUrl + "/public/tracking/" + n.code()}, VI);
        NotificationChannel.Recipient to = new NotificationChannel.Recipient(n.applicantName(), n.email(), n.phone());
        NotificationChannel.Notice notice = new NotificationChannel.Notice("notice-" + n.id(), n.kind().name(), n.code(),
                subject, body, java.util.Map.of("name", nz(n.applicantName()), "code", n.code(), "procedure",
                nz(n.procedureName()), "detail", detail, "link", publicUrl + "/public/tracking/" + n.code()));
        // a first attempt has no channel behind it yet; a later one skips the channels that already sent it
        java.util.Set<String> done = n.attempt() > 1 ? deliveries.sentBy(n.id()) : java.util.Set.of();
        RuntimeException failure = null;
        for (NotificationChannel c : channels) {
            String name = c.channelName();
            if (done.contains(name)) {
                continue;
            }
            try {
                c.send(to, notice);
                deliveries.sent(n.id(), name);
            } catch (RuntimeException e) {
                // the other channels still send; the message is tried again for this one only
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
