package vn.motcua.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarService;
import vn.motcua.support.IntegrationTest;

/**
 * The figures of a period of whole months read from counts kept ahead equal
 * the scan of the facts that any other period and the drill-downs use: the
 * dossiers unfinished at the period's end (counts per month's end, V41, plus
 * the dossiers open now), and the procedures that received dossiers and those
 * filed with population data (counts per month and procedure, V42); for every
 * whole-month period of two years, per unit and province-wide, after live
 * acts, corrections, marks and rebuilt pages.
 */
class WholeMonthCountsTests extends IntegrationTest {

    private static final ZoneId ZONE = CalendarService.ZONE;
    /** Unit ids no other test uses (the read model takes any id; these are never looked up). */
    private static final AtomicLong UNITS = new AtomicLong(9_100_000_000L + (System.nanoTime() % 1_000_000L) * 10);

    @Autowired
    FactStore facts;

    @Autowired
    IndexQueries queries;

    @Autowired
    SourceQueries sourceQueries;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(ZONE).toInstant();
    }

    static DossierFact fact(String code, long unit, Instant received, Instant appointment, Instant finished, int version) {
        LocalDate rd = received == null ? null : received.atZone(ZONE).toLocalDate();
        LocalDate fd = finished == null ? null : finished.atZone(ZONE).toLocalDate();
        String timing = finished == null ? null : appointment != null && finished.isAfter(appointment) ? "LATE" : "ON_TIME";
        return new DossierFact(code, unit, unit, "1.000001", "Lĩnh vực thử", "IN_PERSON", true, finished == null ? 4 : 10,
                received, rd, appointment, finished, fd, finished == null ? null : "RETURNED", timing, finished != null,
                false, false, false, null, null, null, 0, 0, version, 0, false, DossierFact.Marks.NONE);
    }

    /** Files, receives, then (if finished) finishes the dossier through the live path's writes, each in its transaction. */
    void live(DossierFact received) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        DossierFact filed = fact(received.code(), received.unitId(), null, null, null, 1);
        tx.executeWithoutResult(s -> facts.insertNew(filed));
        DossierFact open = fact(received.code(), received.unitId(), received.receivedAt(), received.appointmentAt(), null, 2);
        tx.executeWithoutResult(s -> facts.save(facts.lock(received.code()).orElseThrow(), open));
        if (received.finishedAt() != null) {
            tx.executeWithoutResult(s -> facts.save(facts.lock(received.code()).orElseThrow(), received));
        }
    }

    Map<Long, long[]> unfinished(Long[] units, LocalDate from, LocalDate to, boolean monthEnds) {
        Map<Long, long[]> out = new HashMap<>();
        queries.countsByUnit(units, from, to, monthEnds).forEach((u, c) -> {
            if (c.dueOpen != 0 || c.openInTime != 0) {
                out.put(u, new long[]{c.dueOpen, c.openInTime});
            }
        });
        return out;
    }

    static Map<Long, List<Long>> readable(Map<Long, long[]> m) {
        Map<Long, List<Long>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.of(v[0], v[1])));
        return out;
    }

    @Test
    void aDossierOpenAcrossAMonthsEndCountsInThePeriodsEndingThere() {
        long unit = UNITS.incrementAndGet();
        String p = "ME-" + unit + "-";
        // received on 31 January 23:59, finished at the stroke of midnight: unfinished at the end of January
        live(fact(p + "1", unit, local("2026-01-31T23:59:00"), local("2026-01-30T17:00:00"), local("2026-02-01T00:00:00"), 3));
        // received at the stroke of midnight on 1 February: not unfinished at the end of January
        live(fact(p + "2", unit, local("2026-02-01T00:00:00"), local("2026-02-10T17:00:00"), local("2026-04-15T09:00:00"), 3));
        // received in December, due in March, finished in April: in time at the ends of December, January, February; late at March's
        live(fact(p + "3", unit, local("2025-12-15T09:00:00"), local("2026-03-10T17:00:00"), local("2026-04-02T10:00:00"), 3));
        // still open, due in February
        live(fact(p + "4", unit, local("2026-01-20T09:00:00"), local("2026-02-20T17:00:00"), null, 3));
        Long[] u = {unit};

        // January 2026: 1 due and unfinished (dossier 1); in time: dossier 4 (received in January, due after)
        assertThat(readable(unfinished(u, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), true)))
                .isEqualTo(Map.of(unit, List.of(1L, 1L)));
        // February: due in it and unfinished at its end: dossier 2 (finished in April) and dossier 4 (open now); in time: none
        assertThat(readable(unfinished(u, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), true)))
                .isEqualTo(Map.of(unit, List.of(2L, 0L)));
        // the first quarter: due in it and unfinished at its end: 2, 3 (March), 4; in time: none
        assertThat(readable(unfinished(u, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), true)))
                .isEqualTo(Map.of(unit, List.of(3L, 0L)));
        // December 2025: dossier 3 received in it and not yet due
        assertThat(readable(unfinished(u, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), true)))
                .isEqualTo(Map.of(unit, List.of(0L, 1L)));
        for (LocalDate m = LocalDate.of(2025, 11, 1); m.isBefore(LocalDate.of(2026, 7, 1)); m = m.plusMonths(1)) {
            for (int len = 1; len <= 6; len++) {
                LocalDate to = m.plusMonths(len).minusDays(1);
                assertThat(unfinished(u, m, to, true)).as("%s – %s", m, to)
                        .usingRecursiveComparison().isEqualTo(unfinished(u, m, to, false));
            }
        }
    }

    @Test
    void theKeptCountsEqualTheScanForEveryWholeMonthPeriodAfterActsCorrectionsAndRebuilds() {
        Random rnd = new Random(41);
        Long[] units = {UNITS.incrementAndGet(), UNITS.incrementAndGet(), UNITS.incrementAndGet()};
        Instant base = local("2025-01-01T00:00:00");
        List<DossierFact> made = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            long unit = units[rnd.nextInt(units.length)];
            // some receipts exactly at a month's first midnight, the others anywhere in 22 months
            Instant received = rnd.nextInt(10) == 0
                    ? LocalDate.of(2025, 1 + rnd.nextInt(12), 1).atStartOfDay(ZONE).toInstant()
                    : base.plusSeconds(rnd.nextInt(660 * 86_400));
            Instant appointment = rnd.nextInt(15) == 0 ? null : received.plusSeconds(rnd.nextInt(60 * 86_400));
            Instant finished = switch (rnd.nextInt(5)) {
                case 0 -> null;
                case 1 -> LocalDate.ofInstant(received, ZONE).withDayOfMonth(1).plusMonths(1 + rnd.nextInt(8))
                        .atStartOfDay(ZONE).toInstant(); // at a month's first midnight
                default -> received.plusSeconds(rnd.nextInt(400 * 86_400));
            };
            DossierFact f = fact("MX-" + units[0] + "-" + i, unit, received, appointment, finished, 3);
            live(f);
            made.add(f);
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // corrections through the live path: an apology moves an appointment, a forward moves a dossier to another unit
        for (int i = 0; i < 40; i++) {
            DossierFact f = made.get(rnd.nextInt(made.size()));
            DossierFact after = fact(f.code(), rnd.nextBoolean() ? f.unitId() : units[rnd.nextInt(units.length)], f.receivedAt(),
                    f.receivedAt().plusSeconds(rnd.nextInt(90 * 86_400)), f.finishedAt(), 4 + i);
            tx.executeWithoutResult(s -> facts.save(facts.lock(f.code()).orElseThrow(), after));
            made.set(made.indexOf(f), after);
        }
        // a rebuilt page replacing some facts (other ends of processing) and inserting new ones
        List<DossierFact> page = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DossierFact f = made.get(i * 7);
            page.add(fact(f.code(), f.unitId(), f.receivedAt(), f.appointmentAt(),
                    f.receivedAt().plusSeconds(rnd.nextInt(300 * 86_400)), 100));
        }
        for (int i = 0; i < 20; i++) {
            Instant received = base.plusSeconds(rnd.nextInt(600 * 86_400));
            page.add(fact("MY-" + units[0] + "-" + i, units[i % 3], received, received.plusSeconds(20 * 86_400),
                    i % 4 == 0 ? null : received.plusSeconds(rnd.nextInt(200 * 86_400)), 100));
        }
        tx.executeWithoutResult(s -> {
            List<String> codes = page.stream().map(DossierFact::code).sorted().toList();
            assertThat(facts.writeAll(facts.lockAll(codes), page)).isEmpty();
        });

        int periods = 0;
        for (LocalDate from = LocalDate.of(2024, 12, 1); from.isBefore(LocalDate.of(2027, 1, 1)); from = from.plusMonths(1)) {
            for (int len : new int[]{1, 2, 3, 6, 12}) {
                LocalDate to = from.plusMonths(len).minusDays(1);
                Map<Long, long[]> kept = unfinished(units, from, to, true);
                assertThat(kept).as("%s – %s", from, to).usingRecursiveComparison().isEqualTo(unfinished(units, from, to, false));
                // province-wide: the same figures for these units
                Map<Long, long[]> everywhere = unfinished(null, from, to, true);
                everywhere.keySet().retainAll(List.of(units));
                assertThat(everywhere).as("province-wide %s – %s", from, to).usingRecursiveComparison().isEqualTo(kept);
                periods++;
            }
        }
        assertThat(periods).isEqualTo(125);
        // and the data did reach the counts kept: some dossier was unfinished at some month's end
        assertThat(unfinished(units, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), true)).isNotEmpty();
    }

    Map<Long, List<java.util.Set<String>>> procedures(Long[] units, LocalDate from, LocalDate to, boolean monthly) {
        Map<Long, List<java.util.Set<String>>> out = new HashMap<>();
        sourceQueries.countsByUnit(units, from, to, monthly).forEach((u, c) -> {
            if (!c.procedures.isEmpty()) {
                out.put(u, List.of(c.procedures, c.populationProcedures));
            }
        });
        return out;
    }

    @Test
    void theProceduresOfWholeMonthsEqualTheScanAfterMarksAndMoves() {
        Random rnd = new Random(42);
        Long[] units = {UNITS.incrementAndGet(), UNITS.incrementAndGet()};
        Instant base = local("2025-01-01T00:00:00");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<DossierFact> made = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Instant received = base.plusSeconds(rnd.nextInt(640 * 86_400));
            DossierFact f = fact("MP-" + units[0] + "-" + i, units[rnd.nextInt(2)], received, received.plusSeconds(9 * 86_400),
                    rnd.nextBoolean() ? null : received.plusSeconds(rnd.nextInt(30 * 86_400)), 3);
            String procedure = "9.00000" + rnd.nextInt(6);
            DossierFact withProcedure = new DossierFact(f.code(), f.unitId(), f.receivingUnitId(), procedure, f.field(),
                    f.channel(), f.onlineEligible(), f.status(), f.receivedAt(), f.receivedDay(), f.appointmentAt(),
                    f.finishedAt(), f.finishedDay(), f.outcome(), f.timing(), f.completed(), f.electronicResult(), f.digitised(),
                    f.reused(), null, null, null, 0, 0, 3, 0, false, DossierFact.Marks.NONE);
            tx.executeWithoutResult(s -> facts.insertNew(withProcedure));
            made.add(withProcedure);
        }
        // population data used for some (the integration module's event, as the listener writes it), then a move
        for (int i = 0; i < 40; i++) {
            String code = made.get(rnd.nextInt(made.size())).code();
            tx.executeWithoutResult(s -> {
                jdbc.sql("INSERT INTO ind_dossier_mark (code, population_at) VALUES (?, now()) ON CONFLICT (code) DO NOTHING")
                        .param(code).update();
                facts.remark(code);
            });
        }
        for (int i = 0; i < 20; i++) {
            DossierFact f = made.get(rnd.nextInt(made.size()));
            tx.executeWithoutResult(s -> {
                DossierFact before = facts.lock(f.code()).orElseThrow();
                facts.save(before, new DossierFact(before.code(), before.unitId() == units[0] ? units[1] : units[0],
                        before.receivingUnitId(), before.procedureCode(), before.field(), before.channel(),
                        before.onlineEligible(), before.status(), before.receivedAt(), before.receivedDay(),
                        before.appointmentAt(), before.finishedAt(), before.finishedDay(), before.outcome(), before.timing(),
                        before.completed(), before.electronicResult(), before.digitised(), before.reused(), null, null, null,
                        0, 0, 4, 0, before.fee(), before.marks()));
            });
        }
        boolean some = false;
        for (LocalDate from = LocalDate.of(2025, 1, 1); from.isBefore(LocalDate.of(2026, 12, 1)); from = from.plusMonths(1)) {
            for (int len : new int[]{1, 3, 12}) {
                LocalDate to = from.plusMonths(len).minusDays(1);
                Map<Long, List<java.util.Set<String>>> kept = procedures(units, from, to, true);
                assertThat(kept).as("%s – %s", from, to).isEqualTo(procedures(units, from, to, false));
                some |= kept.values().stream().anyMatch(v -> !v.get(1).isEmpty());
            }
        }
        assertThat(some).as("some procedure was filed with population data").isTrue();

        // the two units together count each procedure once, as the drill-down lists them
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        Map<Long, SourceQueries.Counts> byUnit = sourceQueries.countsByUnit(units, from, to);
        int perUnit = byUnit.values().stream().mapToInt(c -> c.procedures.size()).sum();
        SourceQueries.Counts both = sourceQueries.counts(units, from, to);
        assertThat(both.procedures.size()).as("a procedure of both units").isLessThan(perUnit);
        IndexQueries.DrillDownRows d = sourceQueries.drillDown(vn.motcua.indicators.Indicator.CITIZEN_DATA_CONNECTED_FORMALITY,
                units, from, to, null, 0, 10);
        assertThat(d.denominatorCount()).isEqualTo(both.procedures.size());
        assertThat(d.numeratorCount()).isEqualTo(both.populationProcedures.size());
    }
}
