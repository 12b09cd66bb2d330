package vn.motcua.feedback.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.LinkSigner;

/**
 * Signs the links the feedback module mails (survey invitations:
 * {@code /public/survey/{id}?t=…}) with an HMAC-SHA256 of what they open. The
 * key is the same on every node and after restarts: {@code motcua.feedback.link-secret}
 * when configured, else a random key made once in the database
 * ({@code app_secret} "feedback-link").
 */
@Component
public class FeedbackLinks {

    static final String SECRET_NAME = "feedback-link";

    private final LinkSigner signer;

    public FeedbackLinks(JdbcClient jdbc, @Value("${motcua.feedback.link-secret:}") String configured) {
        this.signer = new LinkSigner(jdbc, SECRET_NAME, configured);
    }

    /** The token of the link for {@code subject}. */
    public String token(String subject) {
        return signer.token(subject);
    }

    public boolean valid(String subject, String token) {
        return signer.valid(subject, token);
    }
}
