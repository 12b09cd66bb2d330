package vn.motcua.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.portal.internal.RatingLinks;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The applicant rates the handling of a returned dossier once: very
 * satisfied, satisfied or not satisfied, with the reasons for "not satisfied"
 * chosen from a list kept as data ({@link #reasons()}) and an optional
 * comment. Online the rating link carries an HMAC of the dossier code, so only
 * the person who got the link can rate; on the desk's tablet the officer's
 * session stands for it; through the API ({@link #rateThroughApi}) a one-stop
 * officer's account (the kiosk or tablet of a desk, its scope checked) or the
 * API key of a machine account that sees every unit (the national portal,
 * which identifies the applicant itself). Every rating is announced as
 * {@link DossierRated} and written to the audit trail.
 */
@Service
public class RatingService {

    /** The three answers of DOMAIN.md §6. */
    public enum Rating { VERY_SATISFIED, SATISFIED, NOT_SATISFIED }

    /** Where the rating was given. */
    public enum Channel { LINK, KIOSK, PORTAL, TABLET, NATIONAL_PORTAL }

    /** A reason for "not satisfied" as the list offers it. */
    public record Reason(String code, String labelVi, String labelEn) {

        public String label(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelVi;
        }
    }

    /** A rating as it was recorded. */
    public record RatingView(String dossierCode, Rating rating, List<String> reasons, String comment, Channel channel,
                             OffsetDateTime ratedAt) {
    }

    /** A rating to record: the reasons count only with {@link Rating#NOT_SATISFIED} and must be codes of the list. */
    public record RateDossier(Rating rating, List<String> reasons, String comment) {

        public RateDossier {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** The most reasons one rating may give (the list is short). */
    static final int MAX_REASONS = 12;
    static final int MAX_COMMENT = 2000;
    public static final String AUDIT_RATED = "dossier.rated";

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final RatingLinks links;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RatingService(JdbcClient jdbc, DossierService dossiers, RatingLinks links, OrganizationService org, AuditTrail audit,
                         ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.links = links;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
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

    /** The rating of a dossier, if it was rated. */
    public Optional<RatingView> rating(String code) {
        return jdbc.sql("SELECT dossier_code, rating, reasons, comment, channel, rated_at FROM dossier_rating WHERE dossier_code = ?")
                .param(code)
                .query((rs, n) -> new RatingView(rs.getString(1), Rating.valueOf(rs.getString(2)),
                        List.of((String[]) rs.getArray(3).getArray()), rs.getString(4), Channel.valueOf(rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class)))
                .optional();
    }

    /** The reasons for "not satisfied" that can be chosen, in their order. */
    public List<Reason> reasons() {
        return jdbc.sql("SELECT code, label_vi, label_en FROM rating_reason WHERE active ORDER BY sort")
                .query((rs, n) -> new Reason(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional
    public void rate(String code, Rating rating, String comment, Channel channel) {
        rate(code, new RateDossier(rating, List.of(), comment), channel, null);
    }

    /** Records the rating of a returned dossier, once; {@code by} is the account that relayed it (null for the applicant's own). */
    @Transactional
    public RatingView rate(String code, RateDossier r, Channel channel, String by) {
        return record(dossier(code), r, channel, by, clock.instant());
    }

    /**
     * A rating given through the API. Who may relay it: a one-stop officer
     * whose units hold the dossier (channel {@code KIOSK}, the default, or
     * {@code TABLET}), or, authenticated by an API key ({@code machine}), an
     * account that sees every unit (channel {@code NATIONAL_PORTAL}). A
     * dossier outside the caller's scope is 404; anyone else is refused (403),
     * people signed in with a password to a supervisor's or administrator's
     * account included: an identity number alone proves nothing, so the API
     * trusts only the desk that hands the result over and the national portal
     * that signed the applicant in.
     */
    @Transactional
    public RatingView rateThroughApi(String code, RateDossier r, Channel asked, StaffPrincipal me, boolean machine) {
        OfficerScope scope = org.scopeOf(me.id());
        DossierView d = dossiers.get(code, scope);
        Channel channel;
        if (machine && scope.allUnits()) {
            if (asked != null && asked != Channel.NATIONAL_PORTAL) {
                throw InvalidInput.of("channel", "rating.channel");
            }
            channel = Channel.NATIONAL_PORTAL;
        } else if (me.roles().contains(Role.ONE_STOP_OFFICER)) {
            if (asked != null && asked != Channel.KIOSK && asked != Channel.TABLET) {
                throw InvalidInput.of("channel", "rating.channel");
            }
            channel = asked == null ? Channel.KIOSK : asked;
        } else {
            throw new AccessDeniedException("rating through the API");
        }
        return record(d, r, channel, me.username(), clock.instant());
    }

    /**
     * A rating given earlier elsewhere, recorded with its own time (the demo
     * data, imports). The same rules as {@link #rate}.
     */
    @Transactional
    public RatingView recordGiven(String code, RateDossier r, Channel channel, String by, Instant at) {
        return record(dossier(code), r, channel, by, at);
    }

    private RatingView record(DossierView d, RateDossier r, Channel channel, String by, Instant at) {
        if (d.statusCode() != DossierStatus.RETURNED.code()) {
            throw new DomainRuleViolation("rating-before-return", "rating.notReturned");
        }
        if (r == null || r.rating() == null) {
            throw InvalidInput.of("rating", "validation.required");
        }
        String text = Texts.clean(r.comment());
        if (text != null && text.length() > MAX_COMMENT) {
            throw InvalidInput.of("comment", "validation.tooLong");
        }
        if (text != null && Texts.hasControl(text)) {
            throw InvalidInput.of("comment", "validation.text.control");
        }
        List<String> reasons = reasons(r);
        if (rated(d.code())) {
            throw new DomainRuleViolation("rating-once", "rating.once");
        }
        try {
            jdbc.sql("""
                    INSERT INTO dossier_rating (dossier_code, rating, comment, channel, rated_at, reasons, rated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.code(), r.rating().name(), Texts.isBlank(text) ? null : text, channel.name(),
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC), reasons.toArray(String[]::new), by)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("rating-once", "rating.once");
        }
        audit.record(AuditEntry.of(AUDIT_RATED, by == null ? "applicant" : by, "dossier", d.code())
                .detail(r.rating().name() + "; " + channel.name() + (reasons.isEmpty() ? "" : "; " + String.join(",", reasons))));
        UnitId unit = d.receivingUnit() == null ? null : new UnitId(d.receivingUnit().id());
        events.publishEvent(new DossierRated(d.code(), unit, d.procedureCode(), r.rating(), reasons,
                Texts.isBlank(text) ? null : text, channel, at));
        return rating(d.code()).orElseThrow();
    }

    /** The chosen reasons, each once and known; none unless the answer is "not satisfied". */
    private List<String> reasons(RateDossier r) {
        if (r.reasons().isEmpty() || r.rating() != Rating.NOT_SATISFIED) {
            return List.of();
        }
        if (r.reasons().size() > MAX_REASONS) {
            throw InvalidInput.of("reasons", "rating.reason.tooMany");
        }
        Set<String> known = new java.util.HashSet<>(reasons().stream().map(Reason::code).toList());
        Set<String> chosen = new LinkedHashSet<>();
        for (String code : r.reasons()) {
            if (code == null || !known.contains(code)) {
                throw InvalidInput.of("reasons", "rating.reason.unknown");
            }
            chosen.add(code);
        }
        return new ArrayList<>(chosen);
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
