package vn.motcua.portal.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;

/**
 * E-mail over SMTP ({@code spring.mail.host}, {@code spring.mail.port}, …).
 * Without a configured server, or for an applicant without an address, it
 * sends nothing.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @Override
    public String channelName() {
        return "email";
    }

    @Override
    public void send(Recipient to, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || to.email() == null || to.email().isBlank()) {
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.email());
        m.setSubject(subject);
        m.setText(body);
        sender.send(m);
    }
}
