package vn.motcua.portal.internal;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.portal.NotificationChannel;

/**
 * Sends the password-reset link by e-mail only (the recipient has no phone
 * number, so no SMS channel takes it: the one that logs SMS would write the
 * link to the log), once the token is committed and off the request thread,
 * so the forgotten-password page answers as fast for an unknown address as
 * for a known one (see {@link CitizenMessages}).
 */
@Component
public class PasswordResetMail {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final CitizenMessages outgoing;
    private final MessageSource messages;
    private final String publicUrl;

    PasswordResetMail(CitizenMessages outgoing, MessageSource messages,
                      @Value("${motcua.public-url:http://localhost:8080}") String publicUrl) {
        this.outgoing = outgoing;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public void send(String fullName, String address, String token, long validMinutes) {
        String link = publicUrl + "/portal/password/reset?token=" + token;
        String subject = messages.getMessage("citizen.reset.mail.subject", null, VI);
        String body = messages.getMessage("citizen.reset.mail.body", new Object[] {fullName, link, validMinutes}, VI);
        outgoing.sendAfterCommit(new NotificationChannel.Recipient(fullName, address, null), subject, body);
    }
}
