package vn.motcua.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.support.IntegrationTest;

/**
 * The trail as a hash chain: every entry follows the one before it, the
 * database refuses to change or remove one, an entry edited behind the
 * database's back is named by the walk, concurrent writers still make one
 * gapless chain, and the Java encoding is the database's.
 */
class AuditChainTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    vn.motcua.audit.internal.AuditAnchors anchors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private static String unique() {
        return "t-" + UUID.randomUUID();
    }

    private AuditEntry only(String subjectId) {
        List<AuditEntry> found = audit.about("test", subjectId, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void theChainOfTheWholeTrailHolds() {
        audit.record(AuditEntry.of("test.recorded", "tester", "test", unique()));
        AuditVerification v = audit.verify();
        assertThat(v.ok()).as("%s", v).isTrue();
        assertThat(v.firstBroken()).isNull();
        assertThat(v.entries()).isEqualTo(v.lastSeq()).isPositive();
        assertThat(v.lastHash()).hasSize(64);
    }

    @Test
    void javaAndTheDatabaseComputeTheSameHash() {
        String id = unique();
        audit.record(AuditEntry.of("test.encoding", "chuyên viên \"A\"", "test", id)
                .detail("Hồ sơ: 000.00.00.H40-260302-0001 — đã chuyển, 😀 ,:-,")
                .reason("")
                .unit(42L)
                .dossier("000.00.00.H40-260302-0001")
                .change("status", "2", "4")
                .change("ghi chú", null, "dòng 1\ndòng \\2\t\u0001")
                .address("192.0.2.7"));
        AuditEntry e = only(id);
        assertThat(e.changes()).extracting(AuditEntry.Change::newValue).containsExactly("4", "dòng 1\ndòng \\2\t\u0001");
        String sqlHash = jdbc.sql("SELECT encode(audit_entry_hash(prev_hash, e), 'hex') FROM audit_entry e WHERE id = ?")
                .param(e.id()).query(String.class).single();
        assertThat(sqlHash).isEqualTo(e.hash());
        String sqlCanonical = jdbc.sql("""
                SELECT audit_entry_canonical(seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail,
                       reason, address, changes, event_key) FROM audit_entry WHERE id = ?""")
                .param(e.id()).query(String.class).single();
        assertThat(sqlCanonical).startsWith("motcua-audit-v1," + String.valueOf(e.seq()).length() + ":" + e.seq() + ",")
                .contains("0:,") // the empty reason
                .endsWith("],-,"); // the changes, then no event key
    }

    @Test
    void anEntryEditedInTheDatabaseIsNamedByTheWalk() throws Exception {
        String id = unique();
        audit.record(AuditEntry.of("test.tampered", "tester", "test", id).reason("lý do thật"));
        audit.record(AuditEntry.of("test.after", "tester", "test", unique()));
        AuditEntry e = only(id);
        assertThat(audit.verify().ok()).isTrue();

        try {
            bypassingTheTrigger("UPDATE audit_entry SET reason = 'lý do sửa' WHERE id = ?", e.id());
            AuditVerification v = audit.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBroken()).isNotNull();
            assertThat(v.firstBroken().seq()).isEqualTo(e.seq());
            assertThat(v.firstBroken().id()).isEqualTo(e.id());
            assertThat(v.firstBroken().kind()).isEqualTo("test.tampered");
            assertThat(v.firstBroken().at()).isEqualTo(e.at());
            assertThat(v.firstBroken().problem()).isEqualTo("hash");
            assertThat(v.entries()).isEqualTo(e.seq() - 1);
        } finally {
            bypassingTheTrigger("UPDATE audit_entry SET reason = 'lý do thật' WHERE id = ?", e.id());
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aRemovedEntryBreaksTheLinkOfTheNext() throws Exception {
        String id = unique();
        audit.record(AuditEntry.of("test.removed", "tester", "test", id));
        String next = unique();
        audit.record(AuditEntry.of("test.next", "tester", "test", next));
        AuditEntry removed = only(id);
        AuditEntry after = only(next);
        List<java.util.Map<String, Object>> saved = jdbc.sql("SELECT * FROM audit_entry WHERE id = ?").param(removed.id())
                .query().listOfRows();
        try {
            bypassingTheTrigger("DELETE FROM audit_entry WHERE id = ?", removed.id());
            AuditVerification v = audit.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBroken().seq()).isEqualTo(after.seq());
            assertThat(v.firstBroken().problem()).isEqualTo("gap");
        } finally {
            java.util.Map<String, Object> r = saved.get(0);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                try (PreparedStatement p = c.prepareStatement("""
                        INSERT INTO audit_entry (id, seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail,
                          reason, address, changes, event_key, prev_hash, hash) OVERRIDING SYSTEM VALUE
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    String[] cols = {"id", "seq", "at", "kind", "actor", "unit_id", "subject_type", "subject_id", "dossier_code",
                        "detail", "reason", "address", "changes", "event_key", "prev_hash", "hash"};
                    for (int i = 0; i < cols.length; i++) {
                        p.setObject(i + 1, r.get(cols[i]));
                    }
                    p.executeUpdate();
                } finally {
                    s.execute("SET session_replication_role = DEFAULT");
                }
            }
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aTrailRewrittenAndReChainedIsNamedByTheDailyAnchor() throws Exception {
        audit.record(AuditEntry.of("test.anchored", "tester", "test", unique()).reason("lý do thật"));
        vn.motcua.audit.internal.AuditAnchors.Anchor today = anchors.anchorToday().orElseThrow();
        AuditVerification before = audit.verify();
        assertThat(before.ok()).isTrue();
        assertThat(before.anchors()).isGreaterThanOrEqualTo(1);
        // the entry today's anchor signed, rewritten, and every hash from it on recomputed, the head included
        long id = jdbc.sql("SELECT id FROM audit_entry WHERE seq = ?").param(today.seq()).query(Long.class).single();
        String reason = jdbc.sql("SELECT reason FROM audit_entry WHERE id = ?").param(id).query(String.class).optional().orElse(null);
        try {
            rewriteAndReChain(today.seq(), id, "lý do đã sửa");
            AuditVerification v = audit.verify();
            // the walk alone cannot tell: every hash follows from the one before it
            assertThat(v.firstBroken()).isNull();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBrokenAnchor()).isEqualTo(new AuditVerification.BrokenAnchor(today.day(), today.seq(), "rewritten"));
            // and the supervisor's page says which anchor, in Vietnamese
            var me = vn.motcua.support.DossierFixtures.World.principal(
                    fixtures.staff(vn.motcua.organization.Role.SUPERVISOR, fixtures.province()));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/audit/verify")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(me))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                            org.hamcrest.Matchers.containsString("audit-anchor-broken")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                            org.hamcrest.Matchers.containsString("Mốc ký số ngày")));
        } finally {
            rewriteAndReChain(today.seq(), id, reason);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void anAnchorNotSignedWithTheKeyIsNamed() throws Exception {
        audit.record(AuditEntry.of("test.anchored", "tester", "test", unique()));
        byte[] first = jdbc.sql("SELECT hash FROM audit_entry WHERE seq = 1").query(byte[].class).single();
        LocalDate day = LocalDate.of(2000, 1, 1);
        jdbc.sql("INSERT INTO audit_anchor (day, seq, hash, key_id, signature, signed_at) VALUES (?, 1, ?, 'forged', ?, now())")
                .params(day, first, new byte[32]).update();
        try {
            AuditVerification v = audit.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBroken()).isNull();
            assertThat(v.firstBrokenAnchor()).isEqualTo(new AuditVerification.BrokenAnchor(day, 1, "signature"));
            // append-only: the forged anchor cannot simply be removed by the application
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_anchor WHERE day = ?").param(day).update())
                    .hasStackTraceContaining("audit_anchor is append-only");
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                try {
                    s.execute("DELETE FROM audit_anchor WHERE day = DATE '2000-01-01'");
                } finally {
                    s.execute("SET session_replication_role = DEFAULT");
                }
            }
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    /**
     * What someone who can write the table but lacks the anchor key could do:
     * change an entry and recompute its hash and every later one (and the
     * head), with the chain's own SQL function, so the walk finds nothing.
     */
    private void rewriteAndReChain(long fromSeq, long id, String reason) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                try (PreparedStatement p = c.prepareStatement("UPDATE audit_entry SET reason = ? WHERE id = ?")) {
                    p.setString(1, reason);
                    p.setLong(2, id);
                    assertThat(p.executeUpdate()).isEqualTo(1);
                }
                s.execute("""
                        DO $$ DECLARE e audit_entry; prev bytea; BEGIN
                          SELECT prev_hash INTO prev FROM audit_entry WHERE seq = %d;
                          FOR e IN SELECT * FROM audit_entry WHERE seq >= %d ORDER BY seq LOOP
                            UPDATE audit_entry SET prev_hash = prev, hash = audit_entry_hash(prev, e) WHERE id = e.id
                              RETURNING hash INTO prev;
                          END LOOP;
                          UPDATE audit_chain_head SET hash = prev WHERE id = 1;
                        END $$""".formatted(fromSeq, fromSeq));
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Runs one statement as the superuser with the triggers off, in a connection of its own, restored after. */
    private void bypassingTheTrigger(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, id);
                assertThat(p.executeUpdate()).isEqualTo(1);
            } finally {
                s.execute("SET session_replication_role = DEFAULT");
            }
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        String id = unique();
        audit.record(AuditEntry.of("test.kept", "tester", "test", id));
        long entryId = only(id).id();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET reason = 'x' WHERE id = ?").param(entryId).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(entryId).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_chain_head").update()).rootCause().hasMessageContaining("forward");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_head SET seq = seq - 1").update()).rootCause().hasMessageContaining("forward");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_chain_head").update()).rootCause().hasMessageContaining("forward");
        assertThat(only(id).reason()).isNull();
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void concurrentWritersMakeOneGaplessChain() throws Exception {
        String run = unique();
        int threads = 8;
        int each = 40;
        long before = audit.verify().lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < each; n++) {
                    int i = n;
                    AuditEntry e = AuditEntry.of("test.concurrent", "thread-" + thread, "test", run).detail(thread + "/" + i);
                    switch (i % 3) {
                        case 0 -> audit.recordAlone(e);
                        case 1 -> audit.record(e);
                        default -> tx.executeWithoutResult(s -> {
                            audit.record(e);
                            audit.recordAlone(e.detail(thread + "/" + i + "/alone"));
                        });
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int expected = threads * (each + (each + 1) / 3);
        List<Long> seqs = jdbc.sql("SELECT seq FROM audit_entry WHERE subject_type = 'test' AND subject_id = ? ORDER BY seq")
                .param(run).query(Long.class).list();
        assertThat(seqs).hasSize(expected);
        assertThat(new HashSet<>(seqs)).hasSize(expected);
        AuditVerification v = audit.verify();
        assertThat(v.ok()).as("%s", v).isTrue();
        assertThat(v.lastSeq()).isGreaterThanOrEqualTo(before + expected);
    }

    @Test
    void anEntryOfATransactionRolledBackLeavesNoTraceAndNoGap() {
        String id = unique();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            audit.record(AuditEntry.of("test.rolled-back", "tester", "test", id));
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(audit.about("test", id, 10)).isEmpty();
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void stagedEntriesAreChainedAfterTheirCommitAndNeverBefore() {
        String id = unique();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // rolled back: nothing staged, nothing chained
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            audit.stage(AuditEntry.of("test.staged", "tester", "test", id).detail("rolled back"), null, null);
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);
        // committed: chained by the chainer right after the commit, in staging order; a key already there is dropped
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 3; i++) {
                audit.stage(AuditEntry.of("test.staged", "tester", "test", id).detail("n" + i), null, "test-staged:" + id + ":" + i);
            }
            audit.stage(AuditEntry.of("test.staged", "tester", "test", id).detail("again"), null, "test-staged:" + id + ":1");
            assertThat(audit.about("test", id, 10)).isEmpty(); // not in the chain before the commit
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(audit.about("test", id, 10)).hasSize(3));
        audit.chainStaged();
        List<AuditEntry> chained = audit.about("test", id, 10);
        assertThat(chained).extracting(AuditEntry::detail).containsExactly("n2", "n1", "n0");
        assertThat(chained.get(0).seq()).isEqualTo(chained.get(1).seq() + 1).isEqualTo(chained.get(2).seq() + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_staged").query(Long.class).single()).isZero();
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void anEventKeyIsRecordedOnce() {
        String id = unique();
        String key = "test:" + id;
        assertThat(audit.recordOnce(AuditEntry.of("test.once", "tester", "test", id), key)).isTrue();
        assertThat(audit.recordOnce(AuditEntry.of("test.once", "tester", "test", id), key)).isFalse();
        assertThat(audit.about("test", id, 10)).hasSize(1);
        Set<String> kinds = new HashSet<>(audit.kinds());
        assertThat(kinds).contains("test.once");
    }
}
