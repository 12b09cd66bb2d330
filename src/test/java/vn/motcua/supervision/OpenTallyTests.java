package vn.motcua.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.OfficerScope;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.supervision.internal.BacklogQueries;
import vn.motcua.supervision.internal.OpenTally;

/**
 * The open backlog's counters: every open figure read from them equals the
 * rows it counts (province-wide and for a unit, in each grouping, each ageing
 * bucket, at instants on either side of the appointments), concurrent acts
 * keep them right, a rebuild from the read model gives the state the acts
 * built, and folding days long past changes no figure.
 */
class OpenTallyTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    static final List<Figure> OPEN = List.of(Figure.IN_PROGRESS, Figure.OVERDUE, Figure.DUE_SOON, Figure.PAUSED);

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    BacklogQueries queries;

    @Autowired
    OpenTally tally;

    @Autowired
    CalendarService calendars;

    @Autowired
    JdbcClient jdbc;

    DossierFixtures.World w;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        clock.pin(MONDAY_9);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    String file(DossierFixtures.World in) {
        return dossiers.file(new FileDossier(in.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Nguyễn Thị Đếm", "001099012388", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), in.desk().id(), null), in.deskPrincipal()).code();
    }

    /**
     * Dossiers in every open state: running (assigned and not), paused before
     * its appointment, paused after it (overdue while paused), finished, and
     * received on later days so appointments spread over several days.
     */
    void backlog() {
        for (int day = 0; day < 4; day++) {
            clock.pin(MONDAY_9.plus(Duration.ofDays(day)).plus(Duration.ofHours(day * 2L)));
            for (int i = 0; i < 2; i++) {
                String c = file(w);
                dossiers.act(c, new DossierAct.ForwardDossier(null, i == 0 ? w.specialist().staffId() : null, null), null,
                        w.deskPrincipal());
            }
        }
        clock.pin(MONDAY_9);
        String pausedEarly = file(w);
        dossiers.act(pausedEarly, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(pausedEarly, new DossierAct.RequestPayment(100_000L, "Lệ phí"), null, w.specialistPrincipal());
        String pausedLate = file(w);
        dossiers.act(pausedLate, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        String done = file(w);
        dossiers.act(done, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(done, new DossierAct.ForwardDossier(null, null, null), null, w.specialistPrincipal());
        dossiers.act(done, new DossierAct.CompleteDossier("1/KQ", null, null), null, w.leaderPrincipal());
        clock.pin(MONDAY_9.plus(Duration.ofDays(12)));
        dossiers.act(pausedLate, new DossierAct.RequestPayment(100_000L, "Lệ phí"), null, w.specialistPrincipal());
    }

    /** Each open figure, from the counters and from the rows, in every grouping and bucket, for the scopes given. */
    void assertCountersEqualRows(Instant now, List<Set<Long>> unitFilters) {
        WorkingCalendar cal = calendars.calendar();
        OfficerScope province = OfficerScope.everything(null);
        Instant from = MONDAY_9.minus(Duration.ofDays(30));
        Instant to = MONDAY_9.plus(Duration.ofDays(30));
        List<Figure.Grouping> groupings = new ArrayList<>(Arrays.asList(Figure.Grouping.values()));
        groupings.add(null);
        List<Figure.Bucket> buckets = new ArrayList<>(Arrays.asList(Figure.Bucket.values()));
        buckets.add(null);
        for (Set<Long> units : unitFilters) {
            for (Figure f : OPEN) {
                for (Figure.Grouping g : groupings) {
                    for (Figure.Bucket b : buckets) {
                        BacklogQueries.Filter filter = new BacklogQueries.Filter(f, g, null, b, units, province, from, to, now);
                        Map<String, Long> counted = queries.countBy(filter, cal);
                        assertThat(counted).as(f + " by " + g + " in " + b + " at " + now + " units " + units)
                                .isEqualTo(queries.countRowsBy(filter, cal));
                        // a drill-down's total for one group, as the list counts it
                        if (g != null && !counted.isEmpty()) {
                            String key = counted.keySet().iterator().next();
                            BacklogQueries.Filter one = new BacklogQueries.Filter(f, g, key, b, units, province, from, to, now);
                            assertThat(queries.count(one, cal)).as(f + " " + g + " " + key + " " + b).isEqualTo(counted.get(key));
                        }
                    }
                }
            }
            Map<Figure.Bucket, Long> ageing = queries.ageing(new BacklogQueries.Filter(Figure.OVERDUE, null, null, null, units,
                    province, from, to, now), cal);
            long overdue = queries.count(new BacklogQueries.Filter(Figure.OVERDUE, null, null, null, units, province, from, to, now),
                    cal);
            // the buckets add up to the overdue figure from the moment of the last act on (before it, a dossier paused
            // later after its appointment is overdue by definition but its appointment is still ahead of "now")
            if (!now.isBefore(MONDAY_9.plus(Duration.ofDays(12)))) {
                assertThat(ageing.values().stream().mapToLong(Long::longValue).sum()).as("ageing at " + now).isEqualTo(overdue);
            }
            // and each bucket equals the rows' count of its drill-down
            for (Figure.Bucket b : Figure.Bucket.values()) {
                assertThat(ageing.get(b)).as(b + " at " + now).isEqualTo(queries.countRowsBy(new BacklogQueries.Filter(Figure.OVERDUE,
                        null, null, b, units, province, from, to, now), cal).values().stream().mapToLong(Long::longValue).sum());
            }
        }
    }

    List<Instant> instants() {
        return List.of(MONDAY_9, MONDAY_9.plus(Duration.ofDays(7)), MONDAY_9.plus(Duration.ofDays(7).plusHours(4)),
                MONDAY_9.plus(Duration.ofDays(9).plusHours(1)), MONDAY_9.plus(Duration.ofDays(12)),
                MONDAY_9.plus(Duration.ofDays(40)));
    }

    @Test
    void everyOpenFigureFromTheCountersEqualsTheRowsItCounts() {
        backlog();
        Set<Long> agency = Set.of(w.agency().id(), w.division().id(), w.desk().id());
        java.util.HashSet<Long> none = null;
        List<Set<Long>> filters = new ArrayList<>();
        filters.add(agency);
        filters.add(none); // the province, every test's dossiers included
        for (Instant now : instants()) {
            assertCountersEqualRows(now, filters);
        }
        // and the figures the API shows: 8 running and 2 paused at the agency, the late pause overdue
        Instant now = MONDAY_9.plus(Duration.ofDays(12));
        WorkingCalendar cal = calendars.calendar();
        BacklogQueries.Filter running = new BacklogQueries.Filter(Figure.IN_PROGRESS, null, null, null, agency,
                OfficerScope.everything(null), now, now, now);
        assertThat(queries.count(running, cal)).isEqualTo(8);
        BacklogQueries.Filter paused = new BacklogQueries.Filter(Figure.PAUSED, null, null, null, agency,
                OfficerScope.everything(null), now, now, now);
        assertThat(queries.count(paused, cal)).isEqualTo(2);
        BacklogQueries.Filter overdue = new BacklogQueries.Filter(Figure.OVERDUE, null, null, null, agency,
                OfficerScope.everything(null), now, now, now);
        assertThat(queries.count(overdue, cal)).isEqualTo(9);
        // a leader's scope filters the counters as it filters the rows
        OfficerScope leader = new OfficerScope(null, false, Set.of(w.division().id()));
        BacklogQueries.Filter scoped = new BacklogQueries.Filter(Figure.OVERDUE, Figure.Grouping.OFFICER, null, null, null, leader,
                now, now, now);
        assertThat(queries.countBy(scoped, cal)).isEqualTo(queries.countRowsBy(scoped, cal)).isNotEmpty();
    }

    @Test
    void concurrentActsKeepTheCountersEqualToARebuild() throws Exception {
        DossierFixtures.World other = dossierFixtures.world();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                DossierFixtures.World in = t % 2 == 0 ? w : other;
                work.add(() -> {
                    for (int i = 0; i < 3; i++) {
                        String c = file(in);
                        dossiers.act(c, new DossierAct.ForwardDossier(null, null, null), null, in.deskPrincipal());
                        dossiers.act(c, new DossierAct.RequestPayment(50_000L, "Lệ phí"), null, in.specialistPrincipal());
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> incremental = tally.state();
        assertThat(incremental).containsKey("U|" + w.division().id() + "||2|2026-03-09");
        assertThat(incremental.get("U|" + w.division().id() + "||2|2026-03-09")).isEqualTo(6L);
        tally.compact(null);
        assertThat(jdbc.sql("SELECT count(*) FROM sv_open_delta").query(Long.class).single()).isZero();
        assertThat(tally.state()).isEqualTo(incremental);
        tally.rebuild(clock.instant());
        assertThat(tally.state()).isEqualTo(incremental);
    }

    @Test
    void foldingDaysLongPastChangesNoFigure() {
        backlog();
        Set<Long> agency = Set.of(w.agency().id(), w.division().id(), w.desk().id());
        List<Set<Long>> filters = new ArrayList<>();
        filters.add(agency);
        filters.add(null);
        try {
            // the appointments (9 to 12 March) folded into one day: figures asked after the fold still count them
            tally.compact(LocalDate.of(2026, 3, 20));
            assertThat(jdbc.sql("SELECT count(*) FROM sv_open_count WHERE dim = 'U' AND unit = ? AND due_day > '1970-01-01' "
                    + "AND due_day < '2026-03-20'").param(w.division().id()).query(Long.class).single()).isZero();
            for (Instant now : List.of(MONDAY_9.plus(Duration.ofDays(40)), MONDAY_9.plus(Duration.ofDays(60)))) {
                assertCountersEqualRows(now, filters);
            }
            // asked at an instant whose boundaries fall on folded days: counted from the rows, still right
            assertCountersEqualRows(MONDAY_9.plus(Duration.ofDays(9)), filters);
        } finally {
            tally.rebuild(clock.instant());
        }
    }
}
