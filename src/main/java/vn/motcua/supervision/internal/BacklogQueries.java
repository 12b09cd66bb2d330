package vn.motcua.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.Paging;
import vn.motcua.supervision.BacklogDossier;
import vn.motcua.supervision.Figure;

/**
 * The dashboard's counts and the lists behind them over {@code sv_dossier}:
 * one condition per figure ({@link Figure}), the scope and the unit filter
 * on the figure's own unit column, and the same WHERE for a count and its list.
 */
@Component
public class BacklogQueries {

    /** The drill-down's filter: a figure, optionally one group's key and one ageing bucket. */
    public record Filter(Figure figure, Figure.Grouping grouping, String key, Figure.Bucket bucket, Set<Long> units,
                         OfficerScope scope, Instant from, Instant to, Instant now) {
    }

    private final JdbcClient jdbc;
    private final OpenTally tally;

    public BacklogQueries(JdbcClient jdbc, OpenTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /**
     * The figure from the open backlog's counters ({@link OpenTally}) when it
     * is one of the open figures (in progress, overdue, due soon, paused, and
     * any of them in an ageing bucket); null otherwise or when the counters
     * cannot answer it (a boundary on a folded day).
     */
    private Map<String, Long> tallied(Filter f, boolean grouped, WorkingCalendar cal) {
        List<OpenTally.Part> parts;
        switch (f.figure()) {
            case IN_PROGRESS -> parts = List.of(new OpenTally.Part(List.of(1), null, null));
            case PAUSED -> parts = List.of(new OpenTally.Part(List.of(2, 3), null, null));
            case OVERDUE -> parts = List.of(new OpenTally.Part(List.of(1), null, f.now()), new OpenTally.Part(List.of(3), null, null));
            case DUE_SOON -> parts = List.of(new OpenTally.Part(List.of(1), f.now(), soon(cal, f.now())));
            default -> {
                return null;
            }
        }
        if (f.bucket() != null) {
            // the bucket's range of appointments, [hi, lo), intersected with each part's
            Instant lo = before(cal, f.now(), f.bucket().from());
            Instant hi = f.bucket().to() > 0 ? before(cal, f.now(), f.bucket().to()) : null;
            parts = parts.stream().map(x -> new OpenTally.Part(x.states(), later(x.from(), hi), earlier(x.to(), lo))).toList();
        }
        return tally.count(parts, grouped ? f.grouping() : null, f.key(), f.scope(), f.units());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** Each group's count of the figure (key null: no unit / officer). */
    public Map<String, Long> countBy(Filter f, WorkingCalendar cal) {
        Map<String, Long> counted = tallied(f, f.grouping() != null, cal);
        return counted != null ? counted : countRowsBy(f, cal);
    }

    /** As {@link #countBy}, counting the rows of {@code sv_dossier} (the period figures; a check of the counters). */
    public Map<String, Long> countRowsBy(Filter f, WorkingCalendar cal) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, p, cal);
        String col = f.grouping() == null ? "''" : f.figure().column(f.grouping()) + "::text";
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + col + " AS k, count(*) AS n FROM sv_dossier d WHERE " + where + " GROUP BY 1").paramSource(p)
                .query((rs, n) -> out.put(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** The overdue dossiers of each ageing bucket, in one pass. */
    public Map<Figure.Bucket, Long> ageing(Filter f, WorkingCalendar cal) {
        if (f.figure() == Figure.OVERDUE && f.key() == null) {
            // the five buckets in one statement, each part labelled with its bucket
            List<OpenTally.Part> parts = new java.util.ArrayList<>();
            for (Figure.Bucket b : Figure.Bucket.values()) {
                Instant lo = before(cal, f.now(), b.from());
                Instant hi = b.to() > 0 ? before(cal, f.now(), b.to()) : null;
                parts.add(new OpenTally.Part(List.of(1, 3), hi, earlier(f.now(), lo), b.name()));
            }
            Map<String, Long> n = tally.count(parts, null, null, f.scope(), f.units());
            if (n != null) {
                Map<Figure.Bucket, Long> out = new EnumMap<>(Figure.Bucket.class);
                for (Figure.Bucket b : Figure.Bucket.values()) {
                    out.put(b, n.getOrDefault(b.name(), 0L));
                }
                return out;
            }
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, p, cal);
        StringBuilder select = new StringBuilder("SELECT ");
        for (Figure.Bucket b : Figure.Bucket.values()) {
            select.append("count(*) FILTER (WHERE ").append(bucket(b, p, f.now(), cal)).append(") AS ").append(b.name()).append(", ");
        }
        select.setLength(select.length() - 2);
        Map<String, Object> row = jdbc.sql(select + " FROM sv_dossier d WHERE " + where).paramSource(p).query().singleRow();
        Map<Figure.Bucket, Long> out = new EnumMap<>(Figure.Bucket.class);
        for (Figure.Bucket b : Figure.Bucket.values()) {
            out.put(b, ((Number) row.get(b.name().toLowerCase())).longValue());
        }
        return out;
    }

    public long count(Filter f, WorkingCalendar cal) {
        Map<String, Long> counted = tallied(f, f.key() != null, cal);
        if (counted != null) {
            return counted.values().stream().mapToLong(Long::longValue).sum();
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        return jdbc.sql("SELECT count(*) FROM sv_dossier d WHERE " + where(f, p, cal)).paramSource(p).query(Long.class).single();
    }

    public List<BacklogDossier> list(Filter f, Paging paging, WorkingCalendar cal) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, p, cal);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        return jdbc.sql("SELECT * FROM sv_dossier d WHERE " + where
                        + " ORDER BY d.appointment_at NULLS LAST, d.code LIMIT :limit OFFSET :offset")
                .paramSource(p).query(BacklogQueries::row).list();
    }

    /** Stale dossiers for the clean-up: open, in the units, and overdue beyond, idle beyond or at an inactive unit. */
    public List<BacklogDossier> stale(Set<Long> units, Instant overdueBefore, Instant idleBefore, Set<Long> inactiveUnits,
                                      int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("units", units.toArray(Long[]::new))
                .addValue("limit", limit);
        StringBuilder any = new StringBuilder("FALSE");
        if (overdueBefore != null) {
            // overdue as the dossier module counts it (a paused dossier only if paused after its appointment), by more than N days
            any.append(" OR (d.appointment_at < :overdue AND (d.status IN (2, 4) OR d.paused_since > d.appointment_at))");
            p.addValue("overdue", Timestamp.from(overdueBefore));
        }
        if (idleBefore != null) {
            any.append(" OR d.last_act_at < :idle");
            p.addValue("idle", Timestamp.from(idleBefore));
        }
        if (inactiveUnits != null && !inactiveUnits.isEmpty()) {
            any.append(" OR d.handling_unit = ANY(:inactive)");
            p.addValue("inactive", inactiveUnits.toArray(Long[]::new));
        }
        return jdbc.sql("SELECT * FROM sv_dossier d WHERE d.status IN (2, 4, 5, 6) AND d.handling_unit = ANY(:units) AND ("
                        + any + ") ORDER BY d.appointment_at NULLS LAST, d.code LIMIT :limit")
                .paramSource(p).query(BacklogQueries::row).list();
    }

    public java.util.Optional<BacklogDossier> find(String code) {
        return jdbc.sql("SELECT * FROM sv_dossier d WHERE code = ?").param(code).query(BacklogQueries::row).optional();
    }

    private String where(Filter f, MapSqlParameterSource p, WorkingCalendar cal) {
        StringBuilder w = new StringBuilder(f.figure().condition());
        p.addValue("now", Timestamp.from(f.now())).addValue("from", Timestamp.from(f.from())).addValue("to", Timestamp.from(f.to()));
        if (f.figure() == Figure.DUE_SOON) {
            p.addValue("soon", Timestamp.from(soon(cal, f.now())));
        }
        String unitCol = f.figure().unitColumn();
        if (!f.scope().allUnits()) {
            w.append(" AND ").append(unitCol).append(" = ANY(:scope)");
            p.addValue("scope", f.scope().unitIdArray());
        }
        if (f.units() != null) {
            w.append(" AND ").append(unitCol).append(" = ANY(:units)");
            p.addValue("units", f.units().toArray(Long[]::new));
        }
        if (f.grouping() != null && f.key() != null) {
            String col = f.figure().column(f.grouping());
            if (f.key().isEmpty()) {
                w.append(" AND ").append(col).append(" IS NULL");
            } else if (f.grouping() == Figure.Grouping.PROCEDURE) {
                w.append(" AND ").append(col).append(" = :key");
                p.addValue("key", f.key());
            } else {
                w.append(" AND ").append(col).append(" = :key");
                p.addValue("key", Long.parseLong(f.key()));
            }
        }
        if (f.bucket() != null) {
            w.append(" AND ").append(bucket(f.bucket(), p, f.now(), cal));
        }
        return w.toString();
    }

    private static String bucket(Figure.Bucket b, MapSqlParameterSource p, Instant now, WorkingCalendar cal) {
        String lo = "b" + b.ordinal() + "lo";
        String hi = "b" + b.ordinal() + "hi";
        p.addValue(lo, Timestamp.from(before(cal, now, b.from())));
        String c = "d.appointment_at < :" + lo;
        if (b.to() > 0) {
            p.addValue(hi, Timestamp.from(before(cal, now, b.to())));
            c += " AND d.appointment_at >= :" + hi;
        }
        return "(" + c + ")";
    }

    private static Instant before(WorkingCalendar cal, Instant now, int days) {
        try {
            return WorkingTime.before(cal, now, BigDecimal.valueOf(days));
        } catch (RuntimeException e) {
            return now.minus(java.time.Duration.ofDays(days)); // outside the calendar's years: calendar days
        }
    }

    /** Two working days ahead, as the dossier module's due-soon inbox. */
    static Instant soon(WorkingCalendar cal, Instant now) {
        try {
            return cal.due(now, BigDecimal.valueOf(2), DurationUnit.WORKING_DAYS);
        } catch (RuntimeException e) {
            return now.plus(java.time.Duration.ofDays(2));
        }
    }

    private static BacklogDossier row(ResultSet rs, int n) throws SQLException {
        return new BacklogDossier(rs.getString("code"), rs.getString("procedure_code"), null, longOrNull(rs, "receiving_unit"),
                longOrNull(rs, "handling_unit"), null, longOrNull(rs, "assignee"), null, rs.getInt("status"),
                instant(rs, "received_at"), instant(rs, "appointment_at"), instant(rs, "step_due_at"), instant(rs, "last_act_at"),
                instant(rs, "finished_at"), rs.getString("timing"), rs.getInt("apologies"), rs.getInt("supplement_requests"));
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
