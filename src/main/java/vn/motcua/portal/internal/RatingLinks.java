package vn.motcua.portal.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.LinkSigner;

/**
 * Signs and checks the token of a rating link ({@code /public/rating/{code}?t=…}):
 * an HMAC-SHA256 of the dossier code. The key is the same on every node and
 * survives restarts, so a link mailed yesterday by one node opens on another
 * today: {@code motcua.rating.secret} when configured, else a random key made
 * once in the database ({@code app_secret}, the first node to need it wins,
 * the others read it) and kept in memory after the first use.
 */
@Component
public class RatingLinks {

    static final String SECRET_NAME = "rating-link";

    private final LinkSigner signer;

    public RatingLinks(JdbcClient jdbc, @Value("${motcua.rating.secret:}") String configured) {
        this.signer = new LinkSigner(jdbc, SECRET_NAME, configured);
    }

    /** The token of the link for {@code code}. */
    public String token(String code) {
        return signer.token(code);
    }

    public boolean valid(String code, String token) {
        return signer.valid(code, token);
    }
}
