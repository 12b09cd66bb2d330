package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.UnitRef;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Texts;

/**
 * Read side of dossiers: search and inboxes as single SQL queries over the
 * indexed columns (no aggregate loading), scoped to the officer's units.
 */
@Component
public class DossierQueries {

    static final int DUE_SOON_WORKING_DAYS = 2;

    /** The columns of a list line: the dossier and its current step. */
    private static final String SUMMARY_SELECT = """
                SELECT d.code, d.procedure_name, d.applicant_name, d.status, d.handling_unit_id, d.receiving_unit_id,
                       s.name AS step_name, d.received_at, d.appointment_at, s.due_at AS step_due_at, d.finished_at,
                       d.paused_since, d.apology_count, d.supplement_count
                  FROM dossier d LEFT JOIN dossier_step s ON s.dossier_id = d.id AND s.seq = d.current_step
                """;

    private final JdbcClient jdbc;

    public DossierQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<DossierSummary> search(DossierQuery q, OfficerScope scope, WorkingCalendar calendar, Instant now) {
        Texts.query("q", q.q());
        vn.motcua.shared.Paging.of(q.page(), q.size(), 200);
        if (!Texts.isBlank(q.q()) && Texts.fold(q.q()).matches("[a-z ]+")) {
            // a name: first as typed from the start of the name (fast), then anywhere in it
            PageResult<DossierSummary> byPrefix = search(q, scope, calendar, now, true);
            if (byPrefix.total() > 0) {
                return byPrefix;
            }
        }
        return search(q, scope, calendar, now, false);
    }

    private PageResult<DossierSummary> search(DossierQuery q, OfficerScope scope, WorkingCalendar calendar, Instant now,
                                              boolean namePrefixOnly) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(q, scope, calendar, now, p, namePrefixOnly);
        vn.motcua.shared.Paging paging = vn.motcua.shared.Paging.of(q.page(), q.size(), 200);
        int size = paging.size();
        int page = paging.page();
        p.addValue("limit", size).addValue("offset", paging.offset());
        String order = q.inbox() != null || q.overdue() != null || q.dueBefore() != null
                ? " ORDER BY d.appointment_at NULLS LAST, d.id" : " ORDER BY d.filed_at DESC, d.id DESC";
        List<Row> rows = jdbc.sql(SUMMARY_SELECT + where + order + " LIMIT :limit OFFSET :offset")
                .paramSource(p).query(DossierQueries::row).list();
        long total = jdbc.sql("SELECT count(*) FROM dossier d" + where).paramSource(p).query(Long.class).single();
        return new PageResult<>(summaries(rows, now), page, size, total);
    }

    /** The dossiers of one applicant (citizen ID or tax code), newest first. */
    public PageResult<DossierSummary> ofApplicant(String identityNumber, int page, int size, Instant now) {
        vn.motcua.shared.Paging paging = vn.motcua.shared.Paging.of(page, size, 100);
        int limit = paging.size();
        int p = paging.page();
        String where = " WHERE (d.applicant_id_number = :k OR d.applicant_tax_code = :k)";
        List<Row> rows = jdbc.sql(SUMMARY_SELECT + where + " ORDER BY d.filed_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .param("k", identityNumber).param("limit", limit).param("offset", paging.offset())
                .query(DossierQueries::row).list();
        long total = jdbc.sql("SELECT count(*) FROM dossier d" + where).param("k", identityNumber).query(Long.class).single();
        return new PageResult<>(summaries(rows, now), p, limit, total);
    }

    /** Dossiers received (or filed) at a unit in [from, to), in order of receipt: the log book. */
    public List<DossierSummary> logBook(long unitId, Instant from, Instant to, Instant now) {
        List<Row> rows = jdbc.sql(SUMMARY_SELECT + """
                 WHERE d.receiving_unit_id = :unit AND coalesce(d.received_at, d.filed_at) >= :from
                   AND coalesce(d.received_at, d.filed_at) < :to
                 ORDER BY coalesce(d.received_at, d.filed_at), d.id""")
                .param("unit", unitId).param("from", ts(from)).param("to", ts(to))
                .query(DossierQueries::row).list();
        return summaries(rows, now);
    }

    private List<DossierSummary> summaries(List<Row> rows, Instant now) {
        Map<Long, UnitRef> units = unitNames(rows);
        List<DossierSummary> items = new ArrayList<>();
        for (Row r : rows) {
            Instant end = r.finishedAt != null ? r.finishedAt : r.pausedSince != null ? r.pausedSince : now;
            boolean overdue = r.appointmentAt != null && end.isAfter(r.appointmentAt);
            Long unit = r.handlingUnitId != null ? r.handlingUnitId : r.receivingUnitId;
            items.add(new DossierSummary(r.code, r.procedureName, r.applicantName, r.status, DossierStatus.of(r.status).name(),
                    units.get(unit), r.stepName, odt(r.receivedAt), odt(r.appointmentAt), odt(r.stepDueAt), overdue,
                    r.apologies, r.supplements));
        }
        return items;
    }

    public Map<DossierQuery.Inbox, Long> inboxCounts(OfficerScope scope, Long unit, WorkingCalendar calendar, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(new DossierQuery(null, unit, null, null, null, null, null, 0, 0), scope, calendar, now, p);
        p.addValue("now", ts(now)).addValue("soon", ts(dueSoonLimit(calendar, now)));
        Map<String, Object> row = jdbc.sql("""
                SELECT count(*) FILTER (WHERE %s) AS new,
                       count(*) FILTER (WHERE %s) AS in_progress,
                       count(*) FILTER (WHERE %s) AS due_soon,
                       count(*) FILTER (WHERE %s) AS overdue,
                       count(*) FILTER (WHERE %s) AS waiting_supplement,
                       count(*) FILTER (WHERE %s) AS waiting_payment,
                       count(*) FILTER (WHERE %s) AS ready_to_return
                  FROM dossier d""".formatted(inbox(DossierQuery.Inbox.NEW), inbox(DossierQuery.Inbox.IN_PROGRESS),
                        inbox(DossierQuery.Inbox.DUE_SOON), inbox(DossierQuery.Inbox.OVERDUE),
                        inbox(DossierQuery.Inbox.WAITING_SUPPLEMENT), inbox(DossierQuery.Inbox.WAITING_PAYMENT),
                        inbox(DossierQuery.Inbox.READY_TO_RETURN)) + where + " AND " + StatusSql.PENDING)
                .paramSource(p).query().singleRow();
        Map<DossierQuery.Inbox, Long> out = new EnumMap<>(DossierQuery.Inbox.class);
        for (DossierQuery.Inbox i : DossierQuery.Inbox.values()) {
            out.put(i, ((Number) row.get(i.name().toLowerCase())).longValue());
        }
        return out;
    }

    private static Instant dueSoonLimit(WorkingCalendar calendar, Instant now) {
        try {
            return calendar.due(now, BigDecimal.valueOf(DUE_SOON_WORKING_DAYS), DurationUnit.WORKING_DAYS);
        } catch (RuntimeException e) {
            return now.plus(java.time.Duration.ofDays(DUE_SOON_WORKING_DAYS));
        }
    }

    private static String where(DossierQuery q, OfficerScope scope, WorkingCalendar calendar, Instant now, MapSqlParameterSource p) {
        return where(q, scope, calendar, now, p, false);
    }

    private static String where(DossierQuery q, OfficerScope scope, WorkingCalendar calendar, Instant now,
                                MapSqlParameterSource p, boolean namePrefixOnly) {
        StringBuilder w = new StringBuilder(" WHERE TRUE");
        if (!scope.allUnits()) {
            // where the dossier is now (or the desk, before it is received), or the desk that received it
            w.append(" AND (coalesce(d.handling_unit_id, d.receiving_unit_id) = ANY(:scope) OR d.receiving_unit_id = ANY(:scope))");
            p.addValue("scope", scope.unitIdArray());
        }
        if (q.status() != null) {
            w.append(" AND d.status = :status");
            p.addValue("status", q.status());
        }
        if (q.unit() != null) {
            w.append(" AND (coalesce(d.handling_unit_id, d.receiving_unit_id) = :unit OR d.receiving_unit_id = :unit)");
            p.addValue("unit", q.unit());
        }
        if (q.assignee() != null) {
            w.append(" AND d.assignee_id = :assignee");
            p.addValue("assignee", q.assignee());
        }
        if (q.overdue() != null) {
            String overdue = StatusSql.OVERDUE;
            w.append(q.overdue() ? " AND " + overdue : " AND NOT coalesce(" + overdue + ", FALSE)");
            p.addValue("now", ts(now));
        }
        if (q.dueBefore() != null) {
            w.append(" AND " + StatusSql.OPEN + " AND d.appointment_at < :dueBefore");
            p.addValue("dueBefore", q.dueBefore());
        }
        if (!Texts.isBlank(q.q())) {
            String raw = q.q().trim();
            String folded = Texts.fold(raw);
            if (namePrefixOnly && folded.matches("[a-z ]+")) {
                // a name typed from its start: a range scan of the B-tree over the folded name
                w.append(" AND search_fold(d.applicant_name) LIKE :qPrefix");
                p.addValue("qPrefix", Texts.likeEscape(folded) + "%");
            } else {
                w.append(" AND (d.code = :qRaw OR d.applicant_id_number = :qRaw OR d.applicant_tax_code = :qRaw"
                        + " OR search_fold(d.applicant_name) LIKE :qLike)");
                p.addValue("qRaw", raw).addValue("qLike", "%" + Texts.likeEscape(Texts.fold(raw)) + "%");
            }
        }
        if (q.inbox() != null) {
            p.addValue("now", ts(now));
            w.append(" AND ").append(inbox(q.inbox()));
            if (q.inbox() == DossierQuery.Inbox.DUE_SOON) {
                p.addValue("soon", ts(dueSoonLimit(calendar, now)));
            }
        }
        return w.toString();
    }

    /** The condition of one inbox over {@code dossier d} ({@code :now}, and {@code :soon} for due soon). */
    private static String inbox(DossierQuery.Inbox inbox) {
        return switch (inbox) {
            case NEW -> StatusSql.is(DossierStatus.NEW);
            case IN_PROGRESS -> StatusSql.CLOCK_RUNNING;
            case DUE_SOON -> "(" + StatusSql.CLOCK_RUNNING + " AND d.appointment_at >= :now AND d.appointment_at < :soon)";
            case OVERDUE -> StatusSql.OPEN_OVERDUE;
            case WAITING_SUPPLEMENT -> StatusSql.is(DossierStatus.WAITING_SUPPLEMENT);
            case WAITING_PAYMENT -> StatusSql.is(DossierStatus.WAITING_PAYMENT);
            case READY_TO_RETURN -> StatusSql.is(DossierStatus.DONE);
        };
    }

    private Map<Long, UnitRef> unitNames(List<Row> rows) {
        List<Long> ids = rows.stream().map(r -> r.handlingUnitId != null ? r.handlingUnitId : r.receivingUnitId).distinct().toList();
        Map<Long, UnitRef> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, code, name FROM unit WHERE id = ANY(?)").param(ids.toArray(Long[]::new))
                    .query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list().forEach(u -> out.put(u.id(), u));
        }
        return out;
    }

    private record Row(String code, String procedureName, String applicantName, int status, Long handlingUnitId,
                       Long receivingUnitId, String stepName, Instant receivedAt, Instant appointmentAt, Instant stepDueAt,
                       Instant finishedAt, Instant pausedSince, int apologies, int supplements) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("code"), rs.getString("procedure_name"), rs.getString("applicant_name"),
                rs.getInt("status"), rs.getObject("handling_unit_id", Long.class), rs.getObject("receiving_unit_id", Long.class),
                rs.getString("step_name"), DossierStore.instant(rs, "received_at"), DossierStore.instant(rs, "appointment_at"),
                DossierStore.instant(rs, "step_due_at"), DossierStore.instant(rs, "finished_at"),
                DossierStore.instant(rs, "paused_since"), rs.getInt("apology_count"), rs.getInt("supplement_count"));
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return DossierStore.ts(i);
    }

    private static java.time.OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(CalendarService.ZONE).toOffsetDateTime();
    }
}
