package vn.motcua.audit.internal;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditChain;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditQuery;
import vn.motcua.audit.AuditVerification;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/**
 * SQL over {@code audit_entry}: appends and reads only (the table refuses
 * anything else, migration V21). An append locks the one row of
 * {@code audit_chain_head} until its transaction ends, so appends from any
 * node and thread are chained one after another.
 */
@Repository
public class AuditStore {

    static final String COLUMNS = "id, seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason,"
            + " address, changes, event_key, prev_hash, hash";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM audit_entry";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Rows read per query while walking the chain. */
    static final int VERIFY_BATCH = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public AuditStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2_000);
    }

    /** The head of the chain: the last seq (0 when empty) and its hash. */
    public record Head(long seq, byte[] hash) {
    }

    /**
     * Appends an entry at the end of the chain, in the current transaction
     * (or one of its own). With an {@code eventKey} already in the trail,
     * appends nothing and answers empty: entries made from events are
     * recorded once however often the event is delivered.
     */
    @Transactional
    public Optional<Long> append(AuditEntry e, Instant at, String eventKey) {
        Head head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).single();
        String key = cut(eventKey, 200);
        if (key != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE event_key = ?)").param(key)
                .query(Boolean.class).single()) {
            return Optional.empty();
        }
        long seq = head.seq() + 1;
        Instant when = AuditChain.stored(at);
        String kind = cut(e.kind(), 60);
        String actor = cut(e.actor(), 120);
        String subjectType = cut(e.subjectType(), 40);
        String subjectId = cut(e.subjectId(), 120);
        String dossier = cut(e.dossierCode(), 40);
        String detail = AuditChain.clean(e.detail());
        String reason = AuditChain.clean(e.reason());
        String address = cut(e.address(), 64);
        String changes = AuditChain.clean(AuditChain.changesJson(e.changes()));
        byte[] hash = AuditChain.hash(head.hash(), AuditChain.canonical(seq, when, kind, actor, e.unitId(), subjectType,
                subjectId, dossier, detail, reason, address, changes, key));
        jdbc.sql("""
                WITH added AS (
                  INSERT INTO audit_entry (seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason,
                                           address, changes, event_key, prev_hash, hash)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
                UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1""")
                .params(seq, OffsetDateTime.ofInstant(when, ZoneOffset.UTC), kind, actor, e.unitId(), subjectType, subjectId,
                        dossier, detail, reason, address, changes, key, head.hash(), hash, seq, hash)
                .update();
        return Optional.of(seq);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Long> appendAlone(AuditEntry e, Instant at, String eventKey) {
        return append(e, at, eventKey);
    }

    public Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).single();
    }

    public List<AuditEntry> about(String subjectType, String subjectId, int limit) {
        return jdbc.sql(SELECT + " WHERE subject_type = ? AND subject_id = ? ORDER BY seq DESC LIMIT ?")
                .params(subjectType, subjectId, limit).query(AuditStore::map).list();
    }

    public List<AuditEntry> ofKind(String kind, int limit) {
        return jdbc.sql(SELECT + " WHERE kind = ? ORDER BY seq DESC LIMIT ?").params(kind, limit).query(AuditStore::map).list();
    }

    public Optional<AuditEntry> bySeq(long seq) {
        return jdbc.sql(SELECT + " WHERE seq = ?").param(seq).query(AuditStore::map).optional();
    }

    // --- search ------------------------------------------------------------------------------------

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditQuery q) {
        StringBuilder w = new StringBuilder(" WHERE TRUE");
        List<Object> p = new ArrayList<>();
        if (q.actor() != null) {
            w.append(" AND actor = ?");
            p.add(q.actor());
        }
        if (q.unitId() != null) {
            w.append(" AND unit_id = ?");
            p.add(q.unitId());
        }
        if (q.subjectType() != null) {
            w.append(" AND subject_type = ?");
            p.add(q.subjectType());
        }
        if (q.subjectId() != null) {
            w.append(" AND subject_id = ?");
            p.add(q.subjectId());
        }
        if (q.dossierCode() != null) {
            w.append(" AND dossier_code = ?");
            p.add(q.dossierCode());
        }
        if (q.kind() != null) {
            w.append(" AND kind = ?");
            p.add(q.kind());
        }
        if (q.from() != null) {
            w.append(" AND at >= ?");
            p.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            w.append(" AND at < ?");
            p.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        return new Where(w.toString(), p);
    }

    /** One page of the entries that match, newest first; the total without a filter is the head's seq (no count). */
    public PageResult<AuditEntry> search(AuditQuery q, Paging paging) {
        Where w = where(q);
        List<Object> params = new ArrayList<>(w.params());
        params.add(paging.size());
        params.add(paging.offset());
        List<AuditEntry> items = jdbc.sql(SELECT + w.sql() + " ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?")
                .params(params).query(AuditStore::map).list();
        long total = q.isEmpty() ? head().seq()
                : jdbc.sql("SELECT count(*) FROM audit_entry" + w.sql()).params(w.params()).query(Long.class).single();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** The entries that match, newest first, at most {@code max}, one at a time (for exports; a cursor, not a list). */
    @Transactional(readOnly = true)
    public void forEach(AuditQuery q, int max, Consumer<AuditEntry> each) {
        Where w = where(q);
        List<Object> params = new ArrayList<>(w.params());
        params.add(max);
        int[] n = {0};
        streaming.query(SELECT + w.sql() + " ORDER BY at DESC, seq DESC LIMIT ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(map(rs, n[0]++)), params.toArray());
    }

    /** Every kind in the trail, in order (a skip scan over the kind index: one probe per kind). */
    public List<String> kinds() {
        return jdbc.sql("""
                WITH RECURSIVE k(kind) AS (
                  (SELECT kind FROM audit_entry ORDER BY kind LIMIT 1)
                  UNION ALL
                  SELECT (SELECT e.kind FROM audit_entry e WHERE e.kind > k.kind ORDER BY e.kind LIMIT 1) FROM k WHERE k.kind IS NOT NULL)
                SELECT kind FROM k WHERE kind IS NOT NULL""").query(String.class).list();
    }

    // --- verification ------------------------------------------------------------------------------

    /**
     * Walks the chain from seq 1 up to the head as it is when the walk starts,
     * {@value #VERIFY_BATCH} rows per query, recomputing every hash; stops at
     * the first entry that breaks it.
     */
    public AuditVerification verify() {
        long started = System.nanoTime();
        Head head = head();
        MessageDigest sha = AuditChain.digest();
        byte[] prev = AuditChain.GENESIS;
        long expected = 1;
        AuditVerification.Broken broken = null;
        while (expected <= head.seq() && broken == null) {
            List<Row> rows = streaming.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?",
                    (rs, n) -> row(rs), expected, head.seq(), VERIFY_BATCH);
            if (rows.isEmpty()) {
                broken = new AuditVerification.Broken(expected, null, null, null, "tail");
                break;
            }
            for (Row r : rows) {
                if (r.seq != expected) {
                    broken = new AuditVerification.Broken(r.seq, r.id, r.at, r.kind, "gap");
                    break;
                }
                if (!Arrays.equals(r.prevHash, prev)) {
                    broken = new AuditVerification.Broken(r.seq, r.id, r.at, r.kind, "link");
                    break;
                }
                byte[] h = AuditChain.hash(sha, prev, AuditChain.canonical(r.seq, r.at, r.kind, r.actor, r.unitId, r.subjectType,
                        r.subjectId, r.dossierCode, r.detail, r.reason, r.address, r.changes, r.eventKey));
                if (!Arrays.equals(h, r.hash)) {
                    broken = new AuditVerification.Broken(r.seq, r.id, r.at, r.kind, "hash");
                    break;
                }
                prev = r.hash;
                expected++;
            }
        }
        if (broken == null && head.seq() > 0 && !Arrays.equals(prev, head.hash())) {
            broken = new AuditVerification.Broken(head.seq(), null, null, null, "tail");
        }
        long checked = expected - 1;
        return new AuditVerification(broken == null, checked, broken, (System.nanoTime() - started) / 1_000_000,
                head.seq(), AuditChain.hex(head.hash()));
    }

    private record Row(long id, long seq, Instant at, String kind, String actor, Long unitId, String subjectType,
                       String subjectId, String dossierCode, String detail, String reason, String address, String changes,
                       String eventKey, byte[] prevHash, byte[] hash) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new Row(rs.getLong("id"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("kind"), rs.getString("actor"), unitId, rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("dossier_code"), rs.getString("detail"), rs.getString("reason"), rs.getString("address"),
                rs.getString("changes"), rs.getString("event_key"), rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }

    private static String cut(String s, int max) {
        return AuditChain.clean(s == null || s.length() <= max ? s : s.substring(0, max));
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        Row r = row(rs);
        return new AuditEntry(r.id, r.seq, r.at, r.kind, r.actor, r.unitId, r.subjectType, r.subjectId, r.dossierCode,
                r.detail, r.reason, r.address, changes(r.changes), AuditChain.hex(r.hash));
    }

    static List<AuditEntry.Change> changes(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<AuditEntry.Change> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(json)) {
                out.add(new AuditEntry.Change(text(n.get("field")), text(n.get("old")), text(n.get("new"))));
            }
            return out;
        } catch (RuntimeException e) {
            return List.of(new AuditEntry.Change("?", null, json));
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }
}
