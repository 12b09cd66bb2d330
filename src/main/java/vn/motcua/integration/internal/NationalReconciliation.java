package vn.motcua.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Compares what the national portal holds with the local state: asks it
 * ({@code TraCuuHoSo} with {@code tungay}/{@code denngay}) for the dossiers
 * changed in a window, takes the dossiers whose last act falls in the same
 * window here, and records every difference (table {@code ntl_difference}):
 * held here and not there ({@code MISSING_NATIONALLY}), there and not here
 * ({@code UNKNOWN_LOCALLY}), another status ({@code STATUS_DIFFERS}) or
 * another appointment ({@code APPOINTMENT_DIFFERS}), each with the number
 * of messages still waiting to be sent for the dossier (a difference with
 * messages pending is expected to close by itself).
 */
@Component
public class NationalReconciliation {

    /** The kinds of difference. */
    public enum Kind { MISSING_NATIONALLY, UNKNOWN_LOCALLY, STATUS_DIFFERS, APPOINTMENT_DIFFERS }

    private record Local(String code, int status, Instant appointment) {
    }

    private record National(String code, Integer status, Instant appointment) {
    }

    private final JdbcClient jdbc;
    private final NationalPortalClient client;
    private final NationalPortalProperties props;
    private final Clock clock;

    public NationalReconciliation(JdbcClient jdbc, NationalPortalClient client, NationalPortalProperties props,
                                  Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.props = props;
        this.clock = clock;
    }

    /** Runs one reconciliation of [from, to) and returns its id. */
    public long run(Instant from, Instant to, String by) {
        long id = jdbc.sql("""
                INSERT INTO ntl_reconciliation (window_from, window_to, ran_at, ran_by) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(ts(from), ts(to), ts(clock.instant()), by).query(Long.class).single();
        if (!props.connected()) {
            error(id, "not connected: motcua.integration.national-portal.url is not set");
            return id;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tungay", NationalFormat.national(from));
        fields.put("denngay", NationalFormat.national(to));
        NationalPortalClient.Reply reply = client.call(NationalSyncSender.LOOKUP, fields, null, null, null);
        if (!reply.ok()) {
            error(id, "TraCuuHoSo: " + reply.describe());
            return id;
        }
        Map<String, National> national = new LinkedHashMap<>();
        String codeField = props.field("code");
        String statusField = props.field("status");
        String appointmentField = props.field("appointmentAt");
        for (JsonNode n : reply.body().path("result")) {
            String code = n.path(codeField).asString("");
            if (code.isBlank()) {
                continue;
            }
            JsonNode st = n.path(statusField);
            Integer status = st.isMissingNode() || st.isNull() || st.asString("").isBlank() ? null
                    : props.localStatus(Integer.parseInt(st.asString().trim()));
            national.put(code, new National(code, status, NationalFormat.parse(n.path(appointmentField).asString(""))));
        }
        Map<String, Local> local = new LinkedHashMap<>();
        jdbc.sql("SELECT code, status, appointment_at FROM ntl_dossier WHERE last_act_at >= ? AND last_act_at < ? ORDER BY code")
                .params(ts(from), ts(to)).query((rs, i) -> local(rs)).list().forEach(l -> local.put(l.code(), l));
        int localInWindow = local.size();
        Set<String> outside = new LinkedHashSet<>(national.keySet());
        outside.removeAll(local.keySet());
        if (!outside.isEmpty()) {
            // changed there in the window but not here: compare with what is known here, if anything
            jdbc.sql("SELECT code, status, appointment_at FROM ntl_dossier WHERE code = ANY(?)")
                    .param(outside.toArray(String[]::new)).query((rs, i) -> local(rs)).list()
                    .forEach(l -> local.put(l.code(), l));
        }
        Set<String> codes = new LinkedHashSet<>(local.keySet());
        codes.addAll(national.keySet());
        Map<String, Integer> pending = pending(codes);
        List<Object[]> rows = new ArrayList<>();
        for (String code : codes) {
            Local l = local.get(code);
            National n = national.get(code);
            int waiting = pending.getOrDefault(code, 0);
            if (n == null) {
                rows.add(row(id, code, Kind.MISSING_NATIONALLY, l.status(), null, l.appointment(), null, waiting));
            } else if (l == null) {
                rows.add(row(id, code, Kind.UNKNOWN_LOCALLY, null, n.status(), null, n.appointment(), waiting));
            } else if (!Objects.equals(l.status(), n.status())) {
                rows.add(row(id, code, Kind.STATUS_DIFFERS, l.status(), n.status(), l.appointment(), n.appointment(), waiting));
            } else if (!Objects.equals(seconds(l.appointment()), seconds(n.appointment()))) {
                rows.add(row(id, code, Kind.APPOINTMENT_DIFFERS, l.status(), n.status(), l.appointment(), n.appointment(), waiting));
            }
        }
        for (Object[] r : rows) {
            jdbc.sql("""
                    INSERT INTO ntl_difference (run_id, dossier_code, kind, local_status, national_status, local_appointment,
                        national_appointment, pending_messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(r).update();
        }
        jdbc.sql("UPDATE ntl_reconciliation SET local_count = ?, national_count = ?, difference_count = ? WHERE id = ?")
                .params(localInWindow, national.size(), rows.size(), id).update();
        return id;
    }

    private Map<String, Integer> pending(Set<String> codes) {
        Map<String, Integer> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT dossier_code, count(*) AS n FROM ntl_outbox WHERE sent_at IS NULL AND dossier_code = ANY(?) GROUP BY dossier_code")
                .param(codes.toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Local local(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp a = rs.getTimestamp("appointment_at");
        return new Local(rs.getString("code"), rs.getInt("status"), a == null ? null : a.toInstant());
    }

    private static Object[] row(long run, String code, Kind kind, Integer localStatus, Integer nationalStatus,
                                Instant localAppointment, Instant nationalAppointment, int pending) {
        return new Object[] {run, code, kind.name(), localStatus, nationalStatus, ts(localAppointment),
                ts(nationalAppointment), pending};
    }

    private void error(long id, String error) {
        jdbc.sql("UPDATE ntl_reconciliation SET error = ? WHERE id = ?").params(error, id).update();
    }

    private static Instant seconds(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i.truncatedTo(ChronoUnit.MICROS));
    }
}
