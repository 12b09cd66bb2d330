package vn.motcua.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of {@link WorkingCalendar#due} on the 2025-2027 test calendar, one thread: random
 * receipt instants (any time of day, any day of 2025 to October 2027, including nights, weekends
 * and holidays) with random amounts of 1-30 working days, both precomputed so the loop measures
 * only the engine. Run with the command in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DeadlineEngineBenchmark {

    private static final int CASES = 1 << 14;

    private WorkingCalendar calendar;
    private Instant[] received;
    private BigDecimal[] days;
    private BigDecimal[] hours;
    private int next;

    @Setup
    public void setUp() {
        calendar = TestCalendars.standard();
        SplittableRandom random = new SplittableRandom(2026);
        LocalDate first = LocalDate.of(2025, 1, 1);
        int span = (int) (LocalDate.of(2027, 10, 1).toEpochDay() - first.toEpochDay());
        received = new Instant[CASES];
        days = new BigDecimal[CASES];
        hours = new BigDecimal[CASES];
        for (int i = 0; i < CASES; i++) {
            LocalTime time = LocalTime.ofSecondOfDay(random.nextInt(86_400));
            received[i] = first.plusDays(random.nextInt(span)).atTime(time).atZone(TestCalendars.VIETNAM).toInstant();
            days[i] = BigDecimal.valueOf(1 + random.nextInt(30));
            hours[i] = BigDecimal.valueOf(1 + random.nextInt(240));
        }
    }

    /** The measured operation: {@code due(received, 1..30, WORKING_DAYS)}. */
    @Benchmark
    public Instant dueInWorkingDays() {
        int i = next++ & (CASES - 1);
        return calendar.due(received[i], days[i], DurationUnit.WORKING_DAYS);
    }

    /** For comparison: {@code due(received, 1..240, WORKING_HOURS)} (one binary search over the days). */
    @Benchmark
    public Instant dueInWorkingHours() {
        int i = next++ & (CASES - 1);
        return calendar.due(received[i], hours[i], DurationUnit.WORKING_HOURS);
    }
}
