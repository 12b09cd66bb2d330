package vn.motcua.portal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.portal.internal.RatingLinks;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The applicant rates the handling of a returned dossier once: very
 * satisfied, satisfied or not satisfied, with an optional comment. Online the
 * rating link carries an HMAC of the dossier code, so only the person who got
 * the link can rate; on the desk's tablet the officer's session stands for it.
 */
@Service
public class RatingService {

    /** The three answers of DOMAIN.md §6. */
    public enum Rating { VERY_SATISFIED, SATISFIED, NOT_SATISFIED }

    /** Where the rating was given. */
    public enum Channel { LINK, KIOSK, PORTAL }

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final RatingLinks links;

    public RatingService(JdbcClient jdbc, DossierService dossiers, RatingLinks links) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.links = links;
    }

    /** The token of the rating link for a dossier (the same on every node and after a restart: {@link RatingLinks}). */
    public String token(String code) {
        return links.token(code);
    }

    public boolean validToken(String code, String token) {
        return links.valid(code, token);
    }

    /** The dossier a rating is about; 404 if unknown. */
    public DossierView dossier(String code) {
        return dossiers.get(code, OfficerScope.everything(null));
    }

    public boolean rated(String code) {
        return jdbc.sql("SELECT count(*) FROM dossier_rating WHERE dossier_code = ?").param(code).query(Long.class).single() > 0;
    }

    @Transactional
    public void rate(String code, Rating rating, String comment, Channel channel) {
        DossierView d = dossier(code);
        if (d.statusCode() != DossierStatus.RETURNED.code()) {
            throw new DomainRuleViolation("rating-before-return", "rating.notReturned");
        }
        if (rating == null) {
            throw InvalidInput.of("rating", "validation.required");
        }
        String text = Texts.clean(comment);
        if (text != null && text.length() > 2000) {
            throw InvalidInput.of("comment", "validation.tooLong");
        }
        try {
            jdbc.sql("INSERT INTO dossier_rating (dossier_code, rating, comment, channel) VALUES (?, ?, ?, ?)")
                    .params(code, rating.name(), Texts.isBlank(text) ? null : text, channel.name()).update();
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("rating-once", "rating.once");
        }
    }

    /**
     * The dossier as the desk's tablet may show and rate it: one of the
     * officer's units received, holds or handled it (the scope check of every
     * staff act); otherwise {@link NotFound}, as if it did not exist.
     */
    public DossierView dossierAtDesk(String code, OfficerScope scope) {
        return dossiers.get(code, scope);
    }
}
