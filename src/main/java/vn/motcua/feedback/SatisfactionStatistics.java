package vn.motcua.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.RatingService;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/**
 * The satisfaction figures of a period, from this module's own tables and
 * read models: the per-dossier ratings by receiving unit, procedure, officer
 * (everyone who acted on the dossier) and month, the reasons for "not
 * satisfied", the PAKN handled per unit (on time, overdue, rated), the
 * nine-criteria assessments per unit with their band, and every free-text
 * comment (ratings, assessments, survey answers, PAKN ratings), searchable
 * without diacritics. Supervisors and administrators see every unit;
 * leaders the units of their scope; others are refused.
 */
@Service
public class SatisfactionStatistics {

    /** A period of whole days, both ends included, in the province's zone. */
    public record Period(LocalDate from, LocalDate to) {

        public Period {
            if (from == null || to == null) {
                throw new InvalidParameter("from", "validation.required");
            }
            if (to.isBefore(from) || to.isAfter(from.plusYears(3))) {
                throw new InvalidParameter("to", "satisfaction.period.invalid");
            }
        }

        public OffsetDateTime start() {
            return from.atStartOfDay(CalendarService.ZONE).toOffsetDateTime();
        }

        public OffsetDateTime end() {
            return to.plusDays(1).atStartOfDay(CalendarService.ZONE).toOffsetDateTime();
        }
    }

    /** The ratings of one unit, procedure, officer or month. */
    public record RatingRow(String key, String label, long verySatisfied, long satisfied, long notSatisfied) {

        public long total() {
            return verySatisfied + satisfied + notSatisfied;
        }

        /** Very satisfied or satisfied, in percent of the ratings (0 without any). */
        public double satisfiedRate() {
            return total() == 0 ? 0 : Math.round(1000.0 * (verySatisfied + satisfied) / total()) / 10.0;
        }
    }

    public record ReasonRow(String code, String label, long count) {
    }

    /** One unit's PAKN of the period (by filing): received, answered, answered and published on time, still open, overdue, rated, satisfied. */
    public record FeedbackRow(long unitId, String unitName, long received, long answered, long handledOnTime, long open, long overdue,
                              long rated, long satisfied) {

        public double onTimeRate() {
            return answered == 0 ? 0 : Math.round(1000.0 * handledOnTime / answered) / 10.0;
        }
    }

    public record Overview(Period period, List<RatingRow> byUnit, List<RatingRow> byProcedure, List<RatingRow> byOfficer,
                           List<RatingRow> byMonth, List<ReasonRow> reasons, List<FeedbackRow> feedback,
                           List<AssessmentService.UnitScore> assessments, RatingRow total) {
    }

    /** A comment someone wrote: where it comes from, what it is about, when, and the rating or score given with it. */
    public record Comment(String source, String reference, String text, OffsetDateTime at, String given) {
    }

    private final JdbcClient jdbc;
    private final OrganizationService org;
    private final CatalogService catalog;
    private final RatingService ratings;
    private final AssessmentService assessments;
    private final Clock clock;

    public SatisfactionStatistics(JdbcClient jdbc, OrganizationService org, CatalogService catalog, RatingService ratings,
                                  AssessmentService assessments, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.catalog = catalog;
        this.ratings = ratings;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** The last 90 days up to today. */
    public Period defaultPeriod() {
        LocalDate today = LocalDate.now(clock.withZone(CalendarService.ZONE));
        return new Period(today.minusDays(89), today);
    }

    @Transactional(readOnly = true)
    public Overview overview(Period p, Long unit, StaffPrincipal me) {
        Set<Long> units = units(unit, me);
        String ratingWhere = " WHERE r.rated_at >= ? AND r.rated_at < ?" + (units == null ? "" : " AND d.receiving_unit_id = ANY(?)");
        List<RatingRow> byUnit = ratingRows("d.receiving_unit_id::text", ratingWhere, p, units, "",
                k -> k == null ? "—" : unitName(Long.parseLong(k)));
        List<RatingRow> byProcedure = ratingRows("d.procedure_code", ratingWhere, p, units, "",
                k -> k == null ? "—" : catalog.findPublished(k).map(pd -> k + " — " + pd.name()).orElse(k));
        List<RatingRow> byOfficer = ratingRows("o.officer_key", ratingWhere, p, units,
                " JOIN satisfaction_dossier_officer o ON o.code = r.dossier_code", this::officerName);
        List<RatingRow> byMonth = ratingRows("to_char(r.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')", ratingWhere, p, units, "",
                k -> k);
        byMonth = byMonth.stream().sorted(java.util.Comparator.comparing(RatingRow::key)).toList();
        long very = byUnit.stream().mapToLong(RatingRow::verySatisfied).sum();
        long sat = byUnit.stream().mapToLong(RatingRow::satisfied).sum();
        long not = byUnit.stream().mapToLong(RatingRow::notSatisfied).sum();
        Map<String, RatingService.Reason> reasonList = ratings.reasons().stream()
                .collect(Collectors.toMap(RatingService.Reason::code, Function.identity()));
        Locale locale = LocaleContextHolder.getLocale();
        List<ReasonRow> reasons = jdbc.sql("SELECT x.reason, count(*) FROM satisfaction_rating r JOIN satisfaction_dossier d ON d.code = "
                        + "r.dossier_code CROSS JOIN LATERAL unnest(r.reasons) AS x(reason)" + ratingWhere
                        + " GROUP BY x.reason ORDER BY count(*) DESC")
                .params(params(p, units))
                .query((rs, n) -> {
                    RatingService.Reason r = reasonList.get(rs.getString(1));
                    return new ReasonRow(rs.getString(1), r == null ? rs.getString(1) : r.label(locale), rs.getLong(2));
                }).list();
        return new Overview(p, byUnit, byProcedure, top(byOfficer), byMonth, reasons, feedback(p, units),
                assessments.byUnit(p.start().toInstant(), p.end().toInstant(), units), new RatingRow("ALL", "", very, sat, not));
    }

    private static List<RatingRow> top(List<RatingRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparingLong(RatingRow::total).reversed()).limit(50).toList();
    }

    private List<RatingRow> ratingRows(String key, String where, Period p, Set<Long> units, String join, Function<String, String> label) {
        return jdbc.sql("SELECT " + key + " AS k, count(*) FILTER (WHERE r.rating = 'VERY_SATISFIED'), "
                        + "count(*) FILTER (WHERE r.rating = 'SATISFIED'), count(*) FILTER (WHERE r.rating = 'NOT_SATISFIED') "
                        + "FROM satisfaction_rating r JOIN satisfaction_dossier d ON d.code = r.dossier_code" + join + where
                        + " GROUP BY k ORDER BY count(*) DESC LIMIT 500")
                .params(params(p, units))
                .query((rs, n) -> new RatingRow(rs.getString(1), label.apply(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private List<FeedbackRow> feedback(Period p, Set<Long> units) {
        List<Object> params = new ArrayList<>();
        params.add(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.add(p.start());
        params.add(p.end());
        String filter = "";
        if (units != null) {
            filter = " AND coalesce(answered_unit_id, routed_unit_id) = ANY(?)";
            params.add(units.toArray(Long[]::new));
        }
        return jdbc.sql("""
                SELECT coalesce(answered_unit_id, routed_unit_id) AS unit, count(received_at), count(answered_at),
                       count(*) FILTER (WHERE answered_at <= handle_due_at AND published_at <= publish_due_at),
                       count(*) FILTER (WHERE status IN ('PROCESSING', 'WAITING_PUBLISH', 'RETURNED')),
                       count(*) FILTER (WHERE due_at < ?), count(rating),
                       count(*) FILTER (WHERE rating IN ('VERY_SATISFIED', 'SATISFIED'))
                  FROM feedback WHERE filed_at >= ? AND filed_at < ? AND coalesce(answered_unit_id, routed_unit_id) IS NOT NULL"""
                        + filter + " GROUP BY unit ORDER BY count(*) DESC")
                .params(params)
                .query((rs, n) -> new FeedbackRow(rs.getLong(1), unitName(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    /**
     * Every comment of the period, newest first: of dossier ratings, of
     * assessments, of survey answers and of PAKN ratings; {@code q} keeps
     * those containing every word, ignoring diacritics and case.
     */
    @Transactional(readOnly = true)
    public PageResult<Comment> comments(String q, Period p, Long unit, int page, int size, StaffPrincipal me) {
        Paging paging = Paging.of(page, size, 100);
        Set<Long> units = units(unit, me);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        source(sql, params, "SELECT 'RATING' AS src, r.dossier_code AS ref, r.comment AS txt, r.rated_at AS at, r.rating AS given "
                + "FROM satisfaction_rating r JOIN satisfaction_dossier d ON d.code = r.dossier_code WHERE r.comment IS NOT NULL "
                + "AND r.rated_at >= ? AND r.rated_at < ?", "r.comment_search", "d.receiving_unit_id", q, p, units);
        sql.append(" UNION ALL ");
        source(sql, params, "SELECT 'ASSESSMENT', a.dossier_code, a.comment, a.submitted_at, a.total::text FROM assessment a "
                + "WHERE a.comment IS NOT NULL AND a.submitted_at >= ? AND a.submitted_at < ?", "a.comment_search", "a.unit_id", q, p, units);
        sql.append(" UNION ALL ");
        source(sql, params, "SELECT 'SURVEY', i.dossier_code, i.comment, i.answered_at, NULL FROM survey_invitation i "
                + "WHERE i.comment IS NOT NULL AND i.answered_at >= ? AND i.answered_at < ?", "i.comment_search", "i.unit_id", q, p, units);
        sql.append(" UNION ALL ");
        source(sql, params, "SELECT 'FEEDBACK', f.code, f.rating_comment, f.rated_at, f.rating FROM feedback f "
                + "WHERE f.rating_comment IS NOT NULL AND f.rated_at >= ? AND f.rated_at < ?", "search_fold(f.rating_comment)",
                "f.answered_unit_id", q, p, units);
        long total = jdbc.sql("SELECT count(*) FROM (" + sql + ") c").params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(paging.size());
        paged.add(paging.offset());
        List<Comment> items = jdbc.sql("SELECT * FROM (" + sql + ") c ORDER BY at DESC LIMIT ? OFFSET ?").params(paged)
                .query((rs, n) -> new Comment(rs.getString(1), rs.getString(2), rs.getString(3),
                        local(rs.getObject(4, OffsetDateTime.class)), rs.getString(5)))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static void source(StringBuilder sql, List<Object> params, String select, String searchColumn, String unitColumn, String q,
                               Period p, Set<Long> units) {
        sql.append(select);
        params.add(p.start());
        params.add(p.end());
        if (units != null) {
            sql.append(" AND ").append(unitColumn).append(" = ANY(?)");
            params.add(units.toArray(Long[]::new));
        }
        sql.append(FeedbackService.words(searchColumn, q, params));
    }

    /**
     * The units whose figures the officer may read, narrowed to the unit asked
     * for and those below it; null for "every unit" (supervisors and
     * administrators, no unit asked). Officers other than leaders are refused.
     */
    private Set<Long> units(Long unit, StaffPrincipal me) {
        boolean all = me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN);
        if (!all && !me.roles().contains(Role.LEADER)) {
            throw new AccessDeniedException("satisfaction statistics");
        }
        OfficerScope scope = org.scopeOf(me.id());
        Set<Long> asked = unit == null ? null : org.selfAndDescendants(List.of(unit));
        if (scope.allUnits()) {
            return asked;
        }
        Set<Long> mine = new java.util.HashSet<>(scope.unitIds());
        if (asked != null) {
            mine.retainAll(asked);
        }
        return mine;
    }

    private static List<Object> params(Period p, Collection<Long> units) {
        List<Object> out = new ArrayList<>(List.of(p.start(), p.end()));
        if (units != null) {
            out.add(units.toArray(Long[]::new));
        }
        return out;
    }

    private String officerName(String key) {
        if (key == null) {
            return "—";
        }
        if (key.startsWith("s:")) {
            long id = Long.parseLong(key.substring(2));
            return org.findStaffName(id).orElse("#" + id);
        }
        return key.startsWith("n:") ? key.substring(2) : key;
    }

    private String unitName(long id) {
        return org.findUnit(new UnitId(id)).map(UnitView::name).orElse("#" + id);
    }

    private static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CalendarService.ZONE).toOffsetDateTime();
    }

    /** A percentage of two counts, one decimal. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }
}
