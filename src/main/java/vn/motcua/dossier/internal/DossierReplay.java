package vn.motcua.dossier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierActs;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * Reads the dossiers' histories back as {@link DossierActed} values, a page
 * of dossiers at a time in code order (keyset on the code): the dossier row
 * and its history rows in one statement (one snapshot, so the version read
 * is the version after the last history row read), then the papers. The
 * state after each act is folded from the history rows' details, the way the
 * acts wrote it (see {@link DossierActs}).
 */
@Repository
public class DossierReplay {

    private final JdbcClient jdbc;
    private final DossierStore store;

    public DossierReplay(JdbcClient jdbc, DossierStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public List<DossierActs> page(String afterCode, int limit) {
        List<String> codes = jdbc.sql("SELECT code FROM dossier WHERE code > ? ORDER BY code LIMIT ?")
                .params(afterCode == null ? "" : afterCode, limit).query(String.class).list();
        if (codes.isEmpty()) {
            return List.of();
        }
        String first = codes.get(0);
        String last = codes.get(codes.size() - 1);
        Map<Long, Folding> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.id, d.code, d.version, d.procedure_code, d.channel, d.receiving_unit_id, d.result_file_id,
                       (SELECT s.unit_id FROM dossier_step s WHERE s.dossier_id = d.id AND s.seq = 1) AS first_step_unit,
                       (SELECT o.to_unit_id FROM dossier_handover o WHERE o.dossier_id = d.id ORDER BY o.seq DESC LIMIT 1)
                           AS last_handover_unit,
                       h.at, h.actor_id, h.actor_name, h.unit_id, h.action, h.from_status, h.to_status, h.reason,
                       h.details::text AS details
                  FROM dossier d JOIN dossier_history h ON h.dossier_id = d.id
                 WHERE d.code >= ? AND d.code <= ?
                 ORDER BY d.code, h.id""")
                .params(first, last)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    Folding f = byId.get(id);
                    if (f == null) {
                        f = new Folding(rs);
                        byId.put(id, f);
                    }
                    f.add(rs, store.parseDetails(rs.getString("details")));
                });
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ComponentItem>> papers = new HashMap<>();
        jdbc.sql("""
                SELECT dossier_id, name, originals, copies, file_id, digitization_state FROM dossier_component
                 WHERE dossier_id = ANY(?) ORDER BY dossier_id, seq""")
                .param(byId.keySet().toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    papers.computeIfAbsent(rs.getLong("dossier_id"), k -> new ArrayList<>()).add(new ComponentItem(
                            rs.getString("name"), rs.getInt("originals"), rs.getInt("copies"), rs.getString("file_id"),
                            rs.getInt("digitization_state")));
                });
        List<DossierActs> out = new ArrayList<>(byId.size());
        for (Map.Entry<Long, Folding> e : byId.entrySet()) {
            Folding f = e.getValue();
            out.add(new DossierActs(f.code, f.version, f.acts, f.resultFileId, papers.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    /** One dossier's state, moved forward act by act as the acts moved it. */
    private static final class Folding {
        final String code;
        final int version;
        final String procedureCode;
        final Channel channel;
        final UnitId receiving;
        final String resultFileId;
        final Long firstStepUnit;
        final Long lastHandoverUnit;
        final List<DossierActed> acts = new ArrayList<>();
        Long handling;
        Instant receivedAt;
        Instant appointmentAt;
        int supplements;
        int apologies;

        Folding(ResultSet rs) throws SQLException {
            code = rs.getString("code");
            version = rs.getInt("version");
            procedureCode = rs.getString("procedure_code");
            channel = Channel.valueOf(rs.getString("channel"));
            receiving = new UnitId(rs.getLong("receiving_unit_id"));
            resultFileId = rs.getString("result_file_id");
            firstStepUnit = (Long) rs.getObject("first_step_unit", Long.class);
            lastHandoverUnit = (Long) rs.getObject("last_handover_unit", Long.class);
        }

        void add(ResultSet rs, Map<String, Object> details) throws SQLException {
            Instant at = instant(rs.getTimestamp("at"));
            Action action = DossierStore.action(rs.getString("action"));
            int fromCode = rs.getInt("from_status");
            DossierStatus from = rs.wasNull() ? null : DossierStatus.of(fromCode);
            DossierStatus to = DossierStatus.of(rs.getInt("to_status"));
            switch (action) {
                case RECEIVE -> {
                    receivedAt = details.containsKey("receivedAt") ? Instant.parse(details.get("receivedAt").toString()) : at;
                    appointmentAt = parse(details.get("appointmentAt"), appointmentAt);
                    handling = firstStepUnit != null ? firstStepUnit : receiving.value();
                }
                case FORWARD -> handling = number(details.get("toUnit"), handling);
                case COMPLETE -> handling = lastHandoverUnit != null ? lastHandoverUnit : receiving.value();
                case TRANSFER_TO_SUCCESSOR -> handling = number(details.get("successor"), handling);
                case REQUEST_SUPPLEMENT -> supplements++;
                case APOLOGIZE -> {
                    apologies++;
                    appointmentAt = parse(details.get("appointmentAfter"), appointmentAt);
                }
                default -> appointmentAt = parse(details.get("appointmentAfter"), appointmentAt);
            }
            long actorId = rs.getLong("actor_id");
            StaffId actor = rs.wasNull() ? null : new StaffId(actorId);
            long unitId = rs.getLong("unit_id");
            UnitId unit = rs.wasNull() ? null : new UnitId(unitId);
            acts.add(new DossierActed(code, version, acts.size(), action, from, to, actor, rs.getString("actor_name"), unit,
                    procedureCode, receiving, handling == null ? null : new UnitId(handling), null, channel, at, receivedAt,
                    appointmentAt, null, rs.getString("reason"), details, supplements, apologies));
        }

        private static Instant instant(Timestamp t) {
            return t == null ? null : t.toInstant();
        }

        private static Instant parse(Object text, Instant otherwise) {
            return text == null ? otherwise : Instant.parse(text.toString());
        }

        private static Long number(Object n, Long otherwise) {
            return n instanceof Number x ? Long.valueOf(x.longValue()) : otherwise;
        }
    }
}
