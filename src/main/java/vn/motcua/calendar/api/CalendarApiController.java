package vn.motcua.calendar.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarYearDocument;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;

/** The working calendar as JSON: the public due-date calculator and the yearly calendars. */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarApiController {

    /** The appointment the calendar gives, in the offset the client used (ISO-8601). */
    public record Due(String due) {
    }

    private static final java.time.format.DateTimeFormatter ISO =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final CalendarService calendars;

    public CalendarApiController(CalendarService calendars) {
        this.calendars = calendars;
    }

    /**
     * The appointment for a duration started at {@code from}; the answer uses
     * the offset the client sent.
     */
    @GetMapping("/due")
    public Due due(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                   @RequestParam BigDecimal amount, @RequestParam DurationUnit unit) {
        if (amount.signum() < 0) {
            throw InvalidInput.of("amount", "calendar.amount.negative");
        }
        Instant due = calendars.due(from.toInstant(), amount, unit);
        ZoneOffset offset = from.getOffset();
        return new Due(ISO.format(due.atOffset(offset)));
    }

    @GetMapping("/years")
    public List<Integer> years() {
        return calendars.years();
    }

    @GetMapping("/years/{year}")
    public CalendarYearDocument year(@PathVariable int year) {
        return calendars.year(year).orElseThrow(() -> new NotFound("calendar " + year));
    }

    @PutMapping("/years/{year}")
    public CalendarYearDocument put(@PathVariable int year, @jakarta.validation.Valid @RequestBody CalendarYearDocument doc,
                                    @AuthenticationPrincipal StaffPrincipal me) {
        return calendars.putYear(year, doc, me.getUsername());
    }
}
