package vn.motcua.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierActs;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.IndicatorFixtures;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.support.IntegrationTest;

/**
 * The read model rebuilt from the dossiers' histories (replayed by the
 * dossier module) equals what the live listener built act by act: the facts,
 * the per-day aggregates and the index; a second rebuild changes nothing; live
 * acts after or during a rebuild are counted once.
 */
class ReadModelRebuildTests extends IntegrationTest {

    static final LocalDate Q1_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2026, 3, 31);
    static final LocalDate Q2_FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate Q2_TO = LocalDate.of(2026, 6, 30);

    @Autowired
    IndicatorFixtures data;

    @Autowired
    ReadModelRebuild rebuild;

    @Autowired
    IndicatorReadModel readModel;

    @Autowired
    DossierHistory history;

    @Autowired
    FactStore facts;

    @Autowired
    IndicatorService indicators;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /** What the read model says of these dossiers and their unit: facts (without the mark of the last act), aggregates, index. */
    record Figures(List<Map<String, Object>> facts, List<Map<String, Object>> days, List<Map<String, Object>> monthEnds,
                   List<Map<String, Object>> procedureMonths, IndexView q1, IndexView q2) {
    }

    Figures figures(List<String> codes, long unit) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM ind_dossier WHERE code = ANY(?) ORDER BY code")
                .param(codes.toArray(String[]::new)).query().listOfRows();
        rows.forEach(f -> {
            f.remove("last_version");
            f.remove("last_index");
        });
        List<Map<String, Object>> days = jdbc.sql("SELECT * FROM ind_unit_day WHERE unit_id = ? ORDER BY day, field")
                .param(unit).query().listOfRows();
        List<Map<String, Object>> monthEnds = jdbc.sql("SELECT * FROM ind_unit_month_end_open WHERE unit_id = ? AND n <> 0 "
                + "ORDER BY open_at, due, month").param(unit).query().listOfRows();
        List<Map<String, Object>> procedureMonths = jdbc.sql("SELECT * FROM ind_unit_month_procedure WHERE unit_id = ? "
                + "AND (received <> 0 OR population <> 0) ORDER BY month, procedure_code").param(unit).query().listOfRows();
        return new Figures(rows, days, monthEnds, procedureMonths, indicators.index(unit, Q1_FROM, Q1_TO, OfficerScope.everything(null)),
                indicators.index(unit, Q2_FROM, Q2_TO, OfficerScope.everything(null)));
    }

    long unitOf(List<String> codes) {
        return jdbc.sql("SELECT DISTINCT unit_id FROM ind_dossier WHERE code = ANY(?)").param(codes.toArray(String[]::new))
                .query(Long.class).single();
    }

    void forget(List<String> codes, long unit) {
        jdbc.sql("DELETE FROM ind_dossier WHERE code = ANY(?)").param(codes.toArray(String[]::new)).update();
        jdbc.sql("DELETE FROM ind_unit_day WHERE unit_id = ?").param(unit).update();
        jdbc.sql("DELETE FROM ind_unit_month_end_open WHERE unit_id = ?").param(unit).update();
        jdbc.sql("DELETE FROM ind_unit_month_procedure WHERE unit_id = ?").param(unit).update();
    }

    /** The aggregates of a unit summed again from its facts: what they must be when nothing was lost or counted twice. */
    List<Map<String, Object>> summedFromFacts(long unit) {
        return jdbc.sql("""
                SELECT day, field, sum(received) received, sum(finished) finished, sum(completed) completed, sum(refused) refused
                FROM (SELECT received_day AS day, field, 1 AS received, 0 AS finished, 0 AS completed, 0 AS refused
                        FROM ind_dossier WHERE unit_id = :u AND received_day IS NOT NULL
                      UNION ALL SELECT finished_day, field, 0, 1, CASE WHEN completed THEN 1 ELSE 0 END, 0
                        FROM ind_dossier WHERE unit_id = :u AND finished_day IS NOT NULL
                      UNION ALL SELECT refused_day, field, 0, 0, 0, 1
                        FROM ind_dossier WHERE unit_id = :u AND refused_day IS NOT NULL) x
                GROUP BY day, field ORDER BY day, field""").param("u", unit).query().listOfRows();
    }

    List<Map<String, Object>> aggregates(long unit) {
        return jdbc.sql("""
                SELECT day, field, sum(received) received, sum(finished) finished, sum(completed) completed, sum(refused) refused
                FROM ind_unit_day WHERE unit_id = ? AND (received <> 0 OR finished <> 0 OR refused <> 0)
                GROUP BY day, field ORDER BY day, field""").param(unit).query().listOfRows();
    }

    @Test
    void aRebuildFromTheHistoriesGivesExactlyTheLiveFigures() {
        IndicatorFixtures.Quarter q = data.quarter();
        List<String> codes = new ArrayList<>(q.codes().values());
        long unit = unitOf(codes);
        // what other modules said of two of them (as the listeners of their events write it): the facts mirror it
        jdbc.sql("INSERT INTO ind_dossier_mark (code, unsatisfied, synced_at) VALUES (?, true, now())").param(codes.get(0)).update();
        jdbc.sql("INSERT INTO ind_dossier_mark (code, paid_at, population_at) VALUES (?, now(), now())").param(codes.get(1)).update();
        facts.remark(codes.get(0));
        facts.remark(codes.get(1));
        assertThat(facts.find(codes.get(0)).orElseThrow().marks()).isEqualTo(new DossierFact.Marks(true, false, false, true));
        assertThat(facts.find(codes.get(1)).orElseThrow().marks()).isEqualTo(new DossierFact.Marks(false, true, true, false));
        Figures live = figures(codes, unit);
        assertThat(live.facts()).hasSize(codes.size());
        assertThat(live.q1().groups()).isNotEmpty();

        forget(codes, unit); // as if these dossiers had been acted on before the read model existed
        assertThat(figures(codes, unit).facts()).isEmpty();
        assertThat(figures(codes, unit)).isNotEqualTo(live);

        ReadModelRebuild.Run run = rebuild.runNow("test", "");
        assertThat(run.status()).isEqualTo("DONE");
        assertThat(run.dossiers()).isGreaterThanOrEqualTo(codes.size());
        assertThat(run.changed()).isGreaterThanOrEqualTo(codes.size());
        Figures rebuilt = figures(codes, unit);
        assertThat(rebuilt.facts()).isEqualTo(live.facts());
        assertThat(rebuilt.days()).isEqualTo(live.days());
        assertThat(rebuilt.monthEnds()).isEqualTo(live.monthEnds());
        assertThat(rebuilt.procedureMonths()).isEqualTo(live.procedureMonths());
        assertThat(rebuilt.q1()).isEqualTo(live.q1());
        assertThat(rebuilt.q2()).isEqualTo(live.q2());

        // idempotent: run again over everything, nothing changes
        ReadModelRebuild.Run again = rebuild.runNow("test", "");
        assertThat(again.status()).isEqualTo("DONE");
        assertThat(again.changed()).isZero();
        assertThat(figures(codes, unit)).isEqualTo(live);
    }

    @Test
    void theReplayedHistoryCarriesTheActsInOrderWithTheVersionItWasReadAt() {
        IndicatorFixtures.Quarter q = data.quarter();
        String d1 = q.codes().get("D1");
        String before = jdbc.sql("SELECT max(code) FROM dossier WHERE code < ?").param(d1).query(String.class).single();
        DossierActs acts = history.replayActs(before == null ? "" : before, 1).get(0);
        assertThat(acts.code()).isEqualTo(d1);
        assertThat(acts.acts()).extracting(DossierActed::action)
                .containsExactly(Action.FILE, Action.RECEIVE, Action.FORWARD, Action.FORWARD, Action.COMPLETE);
        assertThat(acts.acts()).extracting(DossierActed::index).containsExactly(0, 1, 2, 3, 4);
        int version = jdbc.sql("SELECT version FROM dossier WHERE code = ?").param(d1).query(Integer.class).single();
        assertThat(acts.acts()).allMatch(a -> a.version() == version);
        assertThat(acts.acts().get(1).receivedAt()).isEqualTo(IndicatorFixtures.MAR_2);
        assertThat(acts.acts().get(4).details()).containsKey("timing");
    }

    @Test
    void liveActsAfterARebuildCountOnceAndActsAlreadyInTheHistoryAreIgnored() {
        IndicatorFixtures.Quarter q = data.quarter();
        List<String> codes = new ArrayList<>(q.codes().values());
        long unit = unitOf(codes);
        String d3 = q.codes().get("D3");
        forget(codes, unit);
        rebuild.runNow("test", "");
        DossierFact rebuilt = facts.find(d3).orElseThrow();

        // the history's last act delivered again (e.g. a late duplicate): ignored
        String before = jdbc.sql("SELECT max(code) FROM dossier WHERE code < ?").param(d3).query(String.class).single();
        DossierActs acts = history.replayActs(before == null ? "" : before, 1).get(0);
        new TransactionTemplate(transactions).executeWithoutResult(s -> readModel.on(acts.acts().get(acts.acts().size() - 1)));
        assertThat(facts.find(d3).orElseThrow()).isEqualTo(rebuilt);

        // a new act on top of the rebuilt row: applied once
        clock.pin(IndicatorFixtures.MAR_16);
        data.act(d3, Action.FORWARD, q.w().specialistPrincipal(), IndicatorFixtures.MAR_16);
        data.act(d3, Action.COMPLETE, q.w().leaderPrincipal(), IndicatorFixtures.MAR_16);
        DossierFact done = facts.find(d3).orElseThrow();
        assertThat(done.finishedDay()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(done.lastVersion()).isGreaterThan(rebuilt.lastVersion());
        assertThat(aggregates(unit)).isEqualTo(summedFromFacts(unit));
        Figures afterLive = figures(codes, unit);
        forget(codes, unit);
        rebuild.runNow("test", "");
        assertThat(figures(codes, unit)).isEqualTo(afterLive);
    }

    /**
     * A live act on a dossier the read model does not hold yet, whose
     * transaction is still open while a rebuild writes the same dossier: the
     * rebuild waits for it, finds the row inserted, reads the page again and
     * replaces the row with the whole history; nothing is counted twice.
     */
    @Test
    void aLiveActDuringARebuildIsNeitherLostNorCountedTwice() throws Exception {
        IndicatorFixtures.Quarter q = data.quarter();
        List<String> codes = new ArrayList<>(q.codes().values());
        long unit = unitOf(codes);
        Figures complete = figures(codes, unit);
        String d3 = q.codes().get("D3");
        forget(codes, unit);
        String before = jdbc.sql("SELECT max(code) FROM dossier WHERE code < ?")
                .param(codes.stream().sorted().findFirst().orElseThrow()).query(String.class).single();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch actDone = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            clock.pin(IndicatorFixtures.MAR_16);
            Future<?> live = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                data.act(d3, Action.FORWARD, q.w().specialistPrincipal(), IndicatorFixtures.MAR_16);
                actDone.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(actDone.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ReadModelRebuild.Run> run = threads.submit(() -> rebuild.runNow("test", before == null ? "" : before));
            // bounded wait until the rebuild waits on the live act's row
            for (int i = 0; i < 1500 && !waitingOnALock(); i++) {
                Thread.sleep(20);
            }
            assertThat(waitingOnALock()).isTrue();
            release.countDown();
            live.get(30, TimeUnit.SECONDS);
            assertThat(run.get(60, TimeUnit.SECONDS).status()).isEqualTo("DONE");
        } finally {
            release.countDown();
            threads.shutdownNow();
            clock.reset();
        }
        assertThat(aggregates(unit)).isEqualTo(summedFromFacts(unit));
        DossierFact d3Fact = facts.find(d3).orElseThrow();
        assertThat(d3Fact.receivedDay()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(d3Fact.status()).isEqualTo(4);
        // everything else as the live path left it before the act (D3 was open and stays open)
        Figures now = figures(codes, unit);
        assertThat(now.facts().size()).isEqualTo(complete.facts().size());
        assertThat(now.days()).isEqualTo(complete.days());
        assertThat(now.q1()).isEqualTo(complete.q1());
    }

    vn.motcua.organization.StaffPrincipal admin() {
        return vn.motcua.support.DossierFixtures.World.principal(
                fixtures.staff(vn.motcua.organization.Role.ADMIN, fixtures.province()));
    }

    boolean waitingOnALock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                   AND query LIKE 'INSERT INTO ind_dossier%'""").query(Long.class).single() > 0;
    }

    @Test
    void anAdministratorStartsARebuildAndReadsItsProgress() throws Exception {
        // after a code past every dossier: the run has nothing to do, and finishes at once
        mvc.perform(post("/api/v1/indicators/766/read-model/rebuild").param("after", "zzzzzzzz")
                        .with(user(admin())).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.afterCode").value("zzzzzzzz"));
        String state = "";
        for (int i = 0; i < 500 && !state.equals("DONE"); i++) {
            state = rebuild.latest().map(ReadModelRebuild.Run::status).orElse("");
            if (!state.equals("DONE")) {
                Thread.sleep(20);
            }
        }
        mvc.perform(get("/api/v1/indicators/766/read-model").with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.status").value("DONE"))
                .andExpect(jsonPath("$.run.dossiers").value(0));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = 'indicators.readModel.rebuild'")
                .query(Long.class).single()).isPositive();
    }
}
