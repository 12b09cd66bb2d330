package vn.motcua.indicators.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierActs;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.shared.DomainRuleViolation;

/**
 * Rebuilds the read model ({@code ind_dossier}, {@code ind_unit_day}) from
 * the dossiers' histories, which the dossier module replays through its API
 * ({@link DossierHistory#replayActs}), a page of dossiers at a time: each
 * dossier's acts are folded in memory by the live path's own code
 * ({@link IndicatorReadModel#fold}), each dossier is written once, and the
 * aggregates move by the differences summed per unit, day and field (a few
 * statements per page, whatever its size). This is also the back-fill of the
 * dossiers acted on before the read model existed.
 *
 * <p>Idempotent: a dossier whose facts come out as held is not written; a
 * changed one is replaced and the aggregates move by the difference, so a
 * second run changes nothing. Once across the nodes: the run holds the
 * ShedLock lock {@value #LOCK}. Resumable: the run's cursor (the last code
 * written) moves in the transaction of the page it wrote.
 *
 * <p>Live acts during a rebuild are neither lost nor counted twice. A page's
 * transaction reads the histories, then locks the page's fact rows; the live
 * listener locks its dossier's row too (or inserts it only if absent), so the
 * two take turns on a dossier. If a live act committed between the read and
 * the lock, the row held carries a later version than the history read: the
 * page is read again. If the row was inserted meanwhile by a live act, the
 * rebuild's insert does nothing and the page is read again. A live act that
 * waits on the rebuild's lock then finds the rebuilt row, marked with the
 * version the history was read at: an act of that version or older is in the
 * history and ignored, a later one is applied on top.
 */
@Component
public class ReadModelRebuild {

    static final String LOCK = "indicators-read-model-rebuild";
    /**
     * The shape of the read model this code keeps ({@code ind_rebuild.model}):
     * 2 since V42 (each dossier's fee, known only from the catalogue). The
     * back-fill rebuilds once after an upgrade to a new shape.
     */
    static final int MODEL = 2;
    /** Dossiers per page (one transaction each). */
    static final int PAGE = 1000;
    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** One run and how far it has come. */
    public record Run(long id, Instant startedAt, String startedBy, String status, String afterCode, long dossiers,
                      long acts, long changed, Instant updatedAt, Instant finishedAt, String error) {
    }

    private final DossierHistory history;
    private final IndicatorReadModel readModel;
    private final FactStore facts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "indicators-rebuild");
        t.setDaemon(true);
        return t;
    });

    public ReadModelRebuild(DossierHistory history, IndicatorReadModel readModel, FactStore facts, JdbcClient jdbc,
                            PlatformTransactionManager transactions, LockProvider lockProvider, Clock clock) {
        this.history = history;
        this.readModel = readModel;
        this.facts = facts;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The latest run, if any. */
    public Optional<Run> latest() {
        return jdbc.sql("SELECT * FROM ind_rebuild ORDER BY id DESC LIMIT 1").query(ReadModelRebuild::run).optional();
    }

    public Optional<Run> find(long id) {
        return jdbc.sql("SELECT * FROM ind_rebuild WHERE id = ?").param(id).query(ReadModelRebuild::run).optional();
    }

    /**
     * Records a new run and starts it in the background; refused (rule
     * {@code rebuild-running}) while a run holds the lock on any node.
     * {@code afterCode} (blank for all) rebuilds only the dossiers after it.
     */
    public Run start(String by, String afterCode) {
        if (running()) {
            throw new DomainRuleViolation("rebuild-running", "indicators.rebuild.running");
        }
        long id = create(by, afterCode);
        background.execute(() -> {
            try {
                if (!runLocked(id)) {
                    fail(id, "another node holds the lock");
                }
            } catch (RuntimeException e) {
                log.warn("Rebuild {} of the 766 read model failed", id, e);
            }
        });
        return find(id).orElseThrow();
    }

    /** Runs a new rebuild now, in this thread; refused while another holds the lock. */
    public Run runNow(String by, String afterCode) {
        long id = create(by, afterCode);
        if (!runLocked(id)) {
            fail(id, "another node holds the lock");
            throw new DomainRuleViolation("rebuild-running", "indicators.rebuild.running");
        }
        return find(id).orElseThrow();
    }

    /**
     * The back-fill: while no run of the read model's current shape
     * ({@link #MODEL}) has finished, resumes the latest unfinished one (a node
     * stopped during it) or starts one; after that, nothing. Returns the run
     * made, if any.
     */
    public Optional<Run> backfillIfNeverDone() {
        boolean done = jdbc.sql("SELECT count(*) FROM ind_rebuild WHERE status = 'DONE' AND model >= ?").param(MODEL)
                .query(Long.class).single() > 0;
        if (done || running()) {
            return Optional.empty();
        }
        // resume an unfinished run of this shape; a run of an older shape is not resumed (its first pages lack what changed)
        Optional<Run> last = jdbc.sql("SELECT * FROM ind_rebuild WHERE status <> 'DONE' AND model = ? ORDER BY id DESC LIMIT 1")
                .param(MODEL).query(ReadModelRebuild::run).optional();
        long id = last.isPresent() ? last.get().id() : create("system", "");
        if (last.isPresent()) {
            jdbc.sql("UPDATE ind_rebuild SET status = 'RUNNING', error = NULL, finished_at = NULL, updated_at = ? WHERE id = ?")
                    .params(now(), id).update();
        }
        runLocked(id);
        return find(id);
    }

    /** Whether a run holds the lock now (on any node). */
    boolean running() {
        return jdbc.sql("SELECT count(*) FROM shedlock WHERE name = ? AND lock_until > now()").param(LOCK)
                .query(Long.class).single() > 0;
    }

    private long create(String by, String afterCode) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                INSERT INTO ind_rebuild (started_at, started_by, status, after_code, updated_at, model)
                VALUES (?, ?, 'RUNNING', ?, ?, ?) RETURNING id""")
                .params(now, by, afterCode == null ? "" : afterCode.trim(), now, MODEL).query(Long.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private boolean runLocked(long id) {
        try {
            return locks.executeWithLock(() -> {
                execute(id);
                return Boolean.TRUE;
            }, new LockConfiguration(clock.instant(), LOCK, Duration.ofHours(6), Duration.ZERO)).wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private void execute(long id) {
        readModel.forgetRemembered();
        Run run = find(id).orElseThrow();
        String after = run.afterCode();
        try {
            while (true) {
                String from = after;
                String next = null;
                for (int attempt = 1; next == null; attempt++) {
                    try {
                        next = tx.execute(s -> page(id, from));
                    } catch (ConcurrencyFailureException e) {
                        // a deadlock with a live act, detected by the database: this page's transaction was rolled back
                        if (attempt >= ATTEMPTS) {
                            throw e;
                        }
                    }
                }
                if (next.isEmpty()) {
                    break;
                }
                after = next;
            }
            jdbc.sql("UPDATE ind_rebuild SET status = 'DONE', finished_at = ?, updated_at = ? WHERE id = ?")
                    .params(now(), now(), id).update();
        } catch (RuntimeException e) {
            fail(id, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private void fail(long id, String error) {
        jdbc.sql("UPDATE ind_rebuild SET status = 'FAILED', error = ?, finished_at = ?, updated_at = ? WHERE id = ?")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, now(), now(), id).update();
    }

    /** One page, in the caller's transaction; returns the last code written, or "" when there was none. */
    private String page(long id, String after) {
        for (int pass = 1; ; pass++) {
            List<DossierActs> page = history.replayActs(after, PAGE);
            if (page.isEmpty()) {
                return "";
            }
            List<String> codes = new ArrayList<>(page.size());
            for (DossierActs d : page) {
                codes.add(d.code());
            }
            Map<String, DossierFact> held = facts.lockAll(codes);
            Map<String, DossierFact.Marks> marks = facts.marks(codes);
            boolean stale = false;
            List<DossierFact> rebuilt = new ArrayList<>(page.size());
            long acts = 0;
            for (DossierActs d : page) {
                DossierFact h = held.get(d.code());
                if (h != null && h.lastVersion() > d.version()) {
                    stale = true; // a live act committed between the read and the lock
                }
                acts += d.acts().size();
                DossierFact f = readModel.fold(d, marks);
                if (f != null) {
                    rebuilt.add(f);
                }
            }
            if (stale) {
                if (pass >= ATTEMPTS) {
                    // writing now would put an older history over what a live act has just added
                    throw new IllegalStateException("dossiers acted on during the rebuild, again, after " + pass + " reads");
                }
                continue;
            }
            int changed = 0;
            for (DossierFact f : rebuilt) {
                DossierFact h = held.get(f.code());
                if (h == null || !FactStore.sameFacts(h, f)) {
                    changed++;
                }
            }
            List<String> lost = facts.writeAll(held, rebuilt);
            if (!lost.isEmpty()) {
                if (pass >= ATTEMPTS) {
                    throw new IllegalStateException("dossiers inserted by live acts during the rebuild, again: " + lost);
                }
                continue; // rows inserted meanwhile by live acts: read the page again, now with those rows locked
            }
            String last = codes.get(codes.size() - 1);
            jdbc.sql("""
                    UPDATE ind_rebuild SET after_code = ?, dossiers = dossiers + ?, acts = acts + ?, changed = changed + ?,
                        updated_at = ? WHERE id = ?""")
                    .params(last, page.size(), acts, changed, now(), id).update();
            return last;
        }
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), FactStore.instant(rs, "started_at"), rs.getString("started_by"),
                rs.getString("status"), rs.getString("after_code"), rs.getLong("dossiers"), rs.getLong("acts"),
                rs.getLong("changed"), FactStore.instant(rs, "updated_at"), FactStore.instant(rs, "finished_at"),
                rs.getString("error"));
    }
}
