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
        Fields f = Fields.of(e, at, eventKey);
        Head head = lockHead();
        if (f.eventKey() != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE event_key = ?)").param(f.eventKey())
                .query(Boolean.class).single()) {
            return Optional.empty();
        }
        long seq = head.seq() + 1;
        byte[] hash = f.hash(head.hash(), seq);
        jdbc.sql("""
                WITH added AS (
                  INSERT INTO audit_entry (seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason,
                                           address, changes, event_key, prev_hash, hash)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
                UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1""")
                .params(f.row(seq, head.hash(), hash, seq, hash))
                .update();
        return Optional.of(seq);
    }

    private Head lockHead() {
        return jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).single();
    }

    /** An entry's fields as they are stored and hashed: text cleaned and cut to the columns, the instant to microseconds. */
    record Fields(Instant at, String kind, String actor, Long unitId, String subjectType, String subjectId, String dossier,
                  String detail, String reason, String address, String changes, String eventKey) {

        static Fields of(AuditEntry e, Instant at, String eventKey) {
            return new Fields(AuditChain.stored(at), cut(e.kind(), 60), cut(e.actor(), 120), e.unitId(), cut(e.subjectType(), 40),
                    cut(e.subjectId(), 120), cut(e.dossierCode(), 40), AuditChain.clean(e.detail()),
                    AuditChain.clean(e.reason()), cut(e.address(), 64), AuditChain.clean(AuditChain.changesJson(e.changes())),
                    cut(eventKey, 200));
        }

        byte[] hash(byte[] prev, long seq) {
            return AuditChain.hash(prev, AuditChain.canonical(seq, at, kind, actor, unitId, subjectType, subjectId, dossier,
                    detail, reason, address, changes, eventKey));
        }

        /** The values of an INSERT of the chained entry (then any extra values). */
        Object[] row(long seq, byte[] prev, byte[] hash, Object... more) {
            Object[] v = {seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), kind, actor, unitId, subjectType, subjectId, dossier,
                detail, reason, address, changes, eventKey, prev, hash};
            Object[] all = Arrays.copyOf(v, v.length + more.length);
            System.arraycopy(more, 0, all, v.length, more.length);
            return all;
        }
    }

    // --- staged entries ----------------------------------------------------------------------------

    /** Stages an entry in the current transaction (or alone): no lock, no chain; {@link #chainStaged} chains it later. */
    public void stage(AuditEntry e, Instant at, String eventKey) {
        Fields f = Fields.of(e, at, eventKey);
        jdbc.sql("""
                INSERT INTO audit_staged (at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason, address,
                                          changes, event_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.ofInstant(f.at(), ZoneOffset.UTC), f.kind(), f.actor(), f.unitId(), f.subjectType(),
                        f.subjectId(), f.dossier(), f.detail(), f.reason(), f.address(), f.changes(), f.eventKey())
                .update();
    }

    /** Whether any entry waits to be chained (no lock taken). */
    public boolean hasStaged() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_staged)").query(Boolean.class).single();
    }

    /**
     * Chains up to {@code max} staged entries, oldest first, in one
     * transaction that holds the head: appends them, moves the head, deletes
     * them from the stage. An entry whose event key is in the trail already is
     * dropped. Answers how many staged entries were taken (0: none left).
     */
    @Transactional
    public int chainStaged(int max) {
        Head head = lockHead();
        List<Long> ids = new ArrayList<>();
        List<Fields> staged = jdbc.sql("""
                SELECT id, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason, address, changes, event_key
                  FROM audit_staged ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(max)
                .query((rs, n) -> {
                    ids.add(rs.getLong("id"));
                    long unit = rs.getLong("unit_id");
                    return new Fields(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                            rs.getString("actor"), rs.wasNull() ? null : unit, rs.getString("subject_type"),
                            rs.getString("subject_id"), rs.getString("dossier_code"), rs.getString("detail"),
                            rs.getString("reason"), rs.getString("address"), rs.getString("changes"), rs.getString("event_key"));
                }).list();
        if (staged.isEmpty()) {
            return 0;
        }
        String[] keys = staged.stream().map(Fields::eventKey).filter(java.util.Objects::nonNull).toArray(String[]::new);
        java.util.Set<String> seen = new java.util.HashSet<>(keys.length == 0 ? List.of()
                : jdbc.sql("SELECT event_key FROM audit_entry WHERE event_key = ANY(?)")
                        .param(keys).query(String.class).list());
        long seq = head.seq();
        byte[] prev = head.hash();
        List<Object[]> rows = new ArrayList<>();
        for (Fields f : staged) {
            if (f.eventKey() != null && !seen.add(f.eventKey())) {
                continue;
            }
            seq++;
            byte[] hash = f.hash(prev, seq);
            rows.add(f.row(seq, prev, hash));
            prev = hash;
        }
        if (!rows.isEmpty()) {
            streaming.batchUpdate("""
                    INSERT INTO audit_entry (seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason,
                                             address, changes, event_key, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            jdbc.sql("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1").params(seq, prev).update();
        }
        jdbc.sql("DELETE FROM audit_staged WHERE id = ANY(?)").param(ids.toArray(Long[]::new)).update();
        return staged.size();
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
