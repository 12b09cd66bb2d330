package vn.motcua.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.CitizenRecords;
import vn.motcua.portal.RatingService;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The nine-criteria assessment of the agency that handled a dossier
 * (DOMAIN.md §6, ASSESSMENT.md §2), filled once per returned dossier by its
 * applicant: through the rating link they received (the same signed token,
 * so whoever holds the link of a dossier may assess it) or signed in to the
 * portal with the dossier among their own. The total (0–18) is classified by
 * the bands kept as data ({@link AssessmentBands}).
 */
@Service
public class AssessmentService {

    /** Where the assessment was filled. */
    public enum Channel { LINK, PORTAL }

    private final JdbcClient jdbc;
    private final RatingService ratings;
    private final CitizenRecords records;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AssessmentService(JdbcClient jdbc, RatingService ratings, CitizenRecords records, OrganizationService org,
                             AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.records = records;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The bands, as the table holds them now. */
    @Transactional(readOnly = true)
    public AssessmentBands bands() {
        return new AssessmentBands(jdbc.sql("SELECT code, threshold, strict, sort, label_vi, label_en FROM assessment_band")
                .query((rs, n) -> new AssessmentBands.Band(rs.getString(1), rs.getBigDecimal(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6))).list());
    }

    /** The dossier the link opens, if the token is its rating link's; 404 otherwise. */
    @Transactional(readOnly = true)
    public DossierView dossierByLink(String code, String token) {
        if (!ratings.validToken(code, token)) {
            throw new NotFound("assessment link");
        }
        return ratings.dossier(code);
    }

    /** One of the citizen's own dossiers (CitizenRecords' rule); 404 otherwise. */
    @Transactional(readOnly = true)
    public DossierView dossierOf(String code, CitizenPrincipal citizen) {
        return records.dossier(records.viewer(citizen), code);
    }

    @Transactional(readOnly = true)
    public Optional<AssessmentView> of(String code) {
        AssessmentBands bands = bands();
        return jdbc.sql("SELECT * FROM assessment WHERE dossier_code = ?").param(code).query((rs, n) -> {
            List<Integer> points = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                points.add(rs.getInt("c" + i));
            }
            Long unit = (Long) rs.getObject("unit_id");
            int total = rs.getInt("total");
            return new AssessmentView(rs.getString("dossier_code"), unit, unit == null ? null : unitName(unit),
                    rs.getString("procedure_code"), points, total, bands.classify(total).code(), rs.getString("channel"),
                    rs.getString("comment"), rs.getObject("submitted_at", OffsetDateTime.class));
        }).optional();
    }

    /** Filled through the rating link of the dossier. */
    @Transactional
    public AssessmentView submitByLink(String code, String token, List<Integer> points, String comment) {
        return submit(dossierByLink(code, token), points, comment, Channel.LINK, "applicant");
    }

    /** Filled on the portal by the citizen whose dossier it is. */
    @Transactional
    public AssessmentView submitByCitizen(String code, CitizenPrincipal citizen, List<Integer> points, String comment) {
        return submit(dossierOf(code, citizen), points, comment, Channel.PORTAL, citizen.fileOwner());
    }

    /**
     * Records the assessment once the dossier is returned (409
     * {@code assessment-before-return}), once ({@code assessment-once}); nine
     * points of 0–2 each are required (422).
     */
    AssessmentView submit(DossierView d, List<Integer> points, String comment, Channel channel, String actor) {
        return submit(d, points, comment, channel, actor, clock.instant());
    }

    /** The same, at a given moment (the demo data). */
    @Transactional
    public AssessmentView submitGiven(DossierView d, List<Integer> points, String comment, Instant at) {
        return submit(d, points, comment, Channel.LINK, "applicant", at);
    }

    private AssessmentView submit(DossierView d, List<Integer> points, String comment, Channel channel, String actor, Instant at) {
        if (d.statusCode() != DossierStatus.RETURNED.code()) {
            throw new DomainRuleViolation("assessment-before-return", "assessment.notReturned");
        }
        if (points == null || points.size() != AssessmentCriterion.values().length
                || points.stream().anyMatch(p -> p == null || p < 0 || p > AssessmentCriterion.MAX_POINTS)) {
            throw InvalidInput.of("points", "assessment.points");
        }
        String text = Texts.clean(comment);
        if (text != null && (text.length() > 2000 || Texts.hasControl(text))) {
            throw InvalidInput.of("comment", "validation.tooLong");
        }
        int total = points.stream().mapToInt(Integer::intValue).sum();
        Long unit = d.receivingUnit() == null ? null : d.receivingUnit().id();
        try {
            jdbc.sql("""
                    INSERT INTO assessment (dossier_code, unit_id, procedure_code, c1, c2, c3, c4, c5, c6, c7, c8, c9, total, channel,
                                            comment, submitted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.code(), unit, d.procedureCode(), points.get(0), points.get(1), points.get(2), points.get(3),
                            points.get(4), points.get(5), points.get(6), points.get(7), points.get(8), total, channel.name(),
                            Texts.isBlank(text) ? null : text, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("assessment-once", "assessment.once");
        }
        String band = bands().classify(total).code();
        audit.record(AuditEntry.of("assessment.submitted", actor, "dossier", d.code()).detail(total + "/18; " + band + "; " + channel));
        events.publishEvent(new AgencyAssessed(d.code(), unit == null ? null : new UnitId(unit), d.procedureCode(), List.copyOf(points),
                total, band, at));
        return of(d.code()).orElseThrow();
    }

    /** A unit's assessments in a period: how many, the average total and its band, and each criterion's average. */
    public record UnitScore(long unitId, String unitName, long count, BigDecimal average, String band, List<BigDecimal> criteria) {
    }

    /** Per receiving unit, the assessments submitted from {@code from} (inclusive) to {@code to} (exclusive), best first. */
    @Transactional(readOnly = true)
    public List<UnitScore> byUnit(Instant from, Instant to, java.util.Collection<Long> units) {
        AssessmentBands bands = bands();
        List<Object> params = new ArrayList<>(List.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
        String filter = "";
        if (units != null) {
            filter = " AND unit_id = ANY(?)";
            params.add(units.toArray(Long[]::new));
        }
        return jdbc.sql("""
                SELECT unit_id, count(*), avg(total), avg(c1), avg(c2), avg(c3), avg(c4), avg(c5), avg(c6), avg(c7), avg(c8), avg(c9)
                  FROM assessment WHERE submitted_at >= ? AND submitted_at < ? AND unit_id IS NOT NULL""" + filter
                        + " GROUP BY unit_id ORDER BY avg(total) DESC")
                .params(params)
                .query((rs, n) -> {
                    BigDecimal avg = rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP);
                    List<BigDecimal> criteria = new ArrayList<>();
                    for (int i = 4; i <= 12; i++) {
                        criteria.add(rs.getBigDecimal(i).setScale(2, RoundingMode.HALF_UP));
                    }
                    long unit = rs.getLong(1);
                    return new UnitScore(unit, unitName(unit), rs.getLong(2), avg, bands.classify(avg).code(), criteria);
                }).list();
    }

    private String unitName(long id) {
        return org.findUnit(new UnitId(id)).map(UnitView::name).orElse("#" + id);
    }
}
