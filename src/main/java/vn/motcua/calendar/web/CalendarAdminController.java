package vn.motcua.calendar.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CalendarNotDefinedException;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarYearDocument;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** Administration of the working calendars, and a due-date calculator to check them. */
@PageController
@RequestMapping("/admin/calendar")
public class CalendarAdminController {

    private final CalendarService calendars;

    public CalendarAdminController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    public String list(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int y : calendars.years()) {
            CalendarYearDocument d = calendars.year(y).orElseThrow();
            rows.add(Map.of("year", y, "holidays", d.holidays().size(), "makeUp", d.makeUpWorkingDays().size(),
                    "notes", d.notes() == null ? "" : d.notes()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("units", DurationUnit.values());
        model.addAttribute("nextYear", calendars.years().stream().mapToInt(i -> i).max().orElse(LocalDate.now().getYear() - 1) + 1);
        return "calendar/years";
    }

    @GetMapping("/{year}")
    public String edit(@PathVariable int year, Model model) {
        CalendarYearDocument doc = calendars.year(year).orElse(new CalendarYearDocument(
                List.of(new CalendarYearDocument.Hours(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                        new CalendarYearDocument.Hours(LocalTime.of(13, 30), LocalTime.of(17, 0))),
                List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(), List.of(), null, null));
        fill(model, year, text(doc), calendars.year(year).isEmpty());
        return "calendar/year-form";
    }

    @PostMapping("/{year}")
    public String save(@PathVariable int year, @RequestParam Map<String, String> form,
                       @RequestParam(name = "weekendDays", required = false) List<DayOfWeek> weekend,
                       @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        Map<String, String> text = new LinkedHashMap<>(form);
        // a hand-made request may leave fields out; the form shown again reads every one of them
        for (String field : List.of("workingHours", "holidays", "makeUpWorkingDays", "afterHoursCutoff", "notes")) {
            text.putIfAbsent(field, "");
        }
        text.put("weekendDays", weekend == null ? "" : String.join(",", weekend.stream().map(Enum::name).toList()));
        Map<String, String> errors = new LinkedHashMap<>();
        CalendarYearDocument doc = parse(text, errors);
        if (errors.isEmpty()) {
            try {
                calendars.putYear(year, doc, me.getUsername());
                redirect.addFlashAttribute("flashKey", "calendar.saved");
                redirect.addFlashAttribute("flashArg", year);
                return "redirect:/admin/calendar";
            } catch (InvalidInput e) {
                e.fieldErrors().forEach((f, k) -> errors.put(f, String.valueOf(e.args(f).length > 0 ? e.args(f)[0] : "")));
            }
        }
        fill(model, year, text, false);
        model.addAttribute("errors", errors);
        return "calendar/year-form";
    }

    /** htmx: the appointment for a duration, to check a calendar by hand. */
    @GetMapping("/due")
    public String due(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                      @RequestParam BigDecimal amount, @RequestParam DurationUnit unit, Model model) {
        try {
            model.addAttribute("due", calendars.due(from.atZone(CalendarService.ZONE).toInstant(), amount, unit)
                    .atZone(CalendarService.ZONE).toLocalDateTime());
        } catch (CalendarNotDefinedException e) {
            model.addAttribute("missingYear", e.year());
        } catch (IllegalArgumentException e) {
            model.addAttribute("invalid", e.getMessage());
        }
        return "calendar/years :: dueResult";
    }

    private void fill(Model model, int year, Map<String, String> text, boolean isNew) {
        model.addAttribute("year", year);
        model.addAttribute("text", text);
        model.addAttribute("isNew", isNew);
        model.addAttribute("allDays", DayOfWeek.values());
    }

    private static Map<String, String> text(CalendarYearDocument d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("workingHours", String.join("\n", d.workingHours().stream().map(h -> h.from() + "-" + h.to()).toList()));
        m.put("weekendDays", String.join(",", d.weekendDays().stream().map(Enum::name).toList()));
        m.put("holidays", String.join("\n", d.holidays().stream().map(LocalDate::toString).toList()));
        m.put("makeUpWorkingDays", String.join("\n", d.makeUpWorkingDays().stream().map(LocalDate::toString).toList()));
        m.put("afterHoursCutoff", d.afterHoursCutoff() == null ? "" : d.afterHoursCutoff().toString());
        m.put("notes", d.notes() == null ? "" : d.notes());
        return m;
    }

    private static CalendarYearDocument parse(Map<String, String> t, Map<String, String> errors) {
        List<CalendarYearDocument.Hours> hours = new ArrayList<>();
        for (String line : lines(t.get("workingHours"))) {
            String[] p = line.split("-");
            try {
                hours.add(new CalendarYearDocument.Hours(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim())));
            } catch (RuntimeException e) {
                errors.put("workingHours", line);
            }
        }
        List<LocalDate> holidays = dates(t.get("holidays"), "holidays", errors);
        List<LocalDate> makeUp = dates(t.get("makeUpWorkingDays"), "makeUpWorkingDays", errors);
        List<DayOfWeek> weekend = lines(t.get("weekendDays").replace(',', '\n')).stream().map(DayOfWeek::valueOf).toList();
        LocalTime cutoff = null;
        String c = t.getOrDefault("afterHoursCutoff", "").trim();
        if (!c.isEmpty()) {
            try {
                cutoff = LocalTime.parse(c);
            } catch (DateTimeParseException e) {
                errors.put("afterHoursCutoff", c);
            }
        }
        return new CalendarYearDocument(hours, weekend, holidays, makeUp, cutoff, t.get("notes"));
    }

    private static List<LocalDate> dates(String text, String field, Map<String, String> errors) {
        List<LocalDate> out = new ArrayList<>();
        for (String line : lines(text)) {
            try {
                out.add(LocalDate.parse(line));
            } catch (DateTimeParseException e) {
                errors.put(field, line);
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n;]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
