package vn.motcua.supervision.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CalendarService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;
import vn.motcua.supervision.ConductSignals;
import vn.motcua.supervision.DashboardView;
import vn.motcua.supervision.Figure;
import vn.motcua.supervision.Resolution;
import vn.motcua.supervision.SupervisionDashboard;

/**
 * The supervision pages: the backlog dashboard and its drill-down list, the
 * signal inbox, a signal with its evidence and the resolve form, the rules'
 * thresholds editor. The services check who may see and do what.
 */
@PageController
@RequestMapping("/supervision")
public class SupervisionPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(CalendarService.ZONE);

    private final SupervisionDashboard dashboard;
    private final ConductSignals signals;
    private final MessageSource messages;

    public SupervisionPageController(SupervisionDashboard dashboard, ConductSignals signals, MessageSource messages) {
        this.dashboard = dashboard;
        this.signals = signals;
        this.messages = messages;
    }

    /** Formats an instant in Vietnam's time for the templates: {@code ${fmt.time(x)}}. */
    public static final class Fmt {
        public String time(Instant i) {
            return i == null ? "—" : TIME.format(i);
        }
    }

    @ModelAttribute("fmt")
    Fmt fmt() {
        return new Fmt();
    }

    @GetMapping
    public String dashboard(@RequestParam(required = false) Long unit,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) Figure.Grouping by,
                            @AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale) {
        DashboardView v = dashboard.dashboard(unit, from, to, by, me);
        model.addAttribute("v", v);
        model.addAttribute("figures", Figure.values());
        model.addAttribute("groupings", Figure.Grouping.values());
        model.addAttribute("buckets", Figure.Bucket.values());
        model.addAttribute("units", dashboard.units(me));
        model.addAttribute("chart", chart(v, locale));
        model.addAttribute("openSignals", signals.openCounts(me).values().stream().mapToLong(Long::longValue).sum());
        return "supervision/dashboard";
    }

    @GetMapping("/dossiers")
    public String dossiers(@RequestParam(required = false) Figure figure, @RequestParam(required = false) Figure.Grouping by,
                           @RequestParam(required = false) String key, @RequestParam(required = false) Figure.Bucket bucket,
                           @RequestParam(required = false) Long unit,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Figure f = figure == null ? Figure.OVERDUE : figure;
        model.addAttribute("result", dashboard.dossiers(f, by, key, bucket, unit, from, to, page, 50, me));
        model.addAttribute("figure", f);
        model.addAttribute("by", by);
        model.addAttribute("key", key);
        model.addAttribute("bucket", bucket);
        model.addAttribute("unit", unit);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "supervision/dossiers";
    }

    @GetMapping("/signals")
    public String inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
                        @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "0") int page,
                        @AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale) {
        String st = status == null ? "OPEN" : status;
        model.addAttribute("result", signals.inbox(st.isEmpty() ? null : st, rule, unit, page, 50, me, locale));
        model.addAttribute("status", st);
        model.addAttribute("rule", rule);
        model.addAttribute("unit", unit);
        model.addAttribute("rules", signals.rules(me));
        model.addAttribute("counts", signals.openCounts(me));
        return "supervision/signals";
    }

    @GetMapping("/signals/{id}")
    public String signal(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale) {
        model.addAttribute("s", signals.signal(id, me, locale));
        model.addAttribute("resolutions", Resolution.values());
        model.addAttribute("canResolve", me.hasRole("SUPERVISOR"));
        return "supervision/signal";
    }

    @PostMapping("/signals/{id}/resolve")
    public String resolve(@PathVariable long id, @RequestParam(required = false) Resolution resolution,
                          @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal StaffPrincipal me,
                          HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            signals.resolve(id, resolution, note, me, request.getRemoteAddr(), locale);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("note", note);
            return signal(id, me, model, locale);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("supervision.signal.resolved", null, locale));
        return "redirect:/supervision/signals/" + id;
    }

    @GetMapping("/rules")
    public String rules(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("rules", signals.rules(me));
        model.addAttribute("canEdit", me.hasRole("SUPERVISOR"));
        return "supervision/rules";
    }

    @PostMapping("/rules/{code}")
    public String updateRule(@PathVariable String code, @RequestParam(required = false) Integer version,
                             @RequestParam(defaultValue = "false") boolean enabled, @RequestParam Map<String, String> form,
                             @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model,
                             Locale locale, RedirectAttributes redirect) {
        signals.requireEditor(me);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("p.")) {
                values.put(k.substring(2), v);
            }
        });
        try {
            signals.updateRule(code, version == null ? -1 : version, enabled, values, me, request.getRemoteAddr());
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("errorRule", code);
            return rules(me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("supervision.rule.saved", null, locale));
        return "redirect:/supervision/rules";
    }

    /** The chart's data as JSON in a data attribute (no inline script: the CSP forbids it). */
    private String chart(DashboardView v, Locale locale) {
        List<DashboardView.Row> rows = v.rows().stream().limit(15).toList();
        StringBuilder b = new StringBuilder("{\"labels\":[");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(rows.get(i).label()));
        }
        b.append("],\"series\":[");
        List<Figure> shown = Arrays.asList(Figure.IN_PROGRESS, Figure.OVERDUE, Figure.DUE_SOON, Figure.PAUSED);
        for (int s = 0; s < shown.size(); s++) {
            Figure f = shown.get(s);
            b.append(s == 0 ? "" : ",").append("{\"name\":")
                    .append(quote(messages.getMessage("supervision.figure." + f.name(), null, locale)))
                    .append(",\"figure\":\"").append(f.name()).append("\",\"data\":[");
            for (int i = 0; i < rows.size(); i++) {
                b.append(i == 0 ? "" : ",").append(rows.get(i).count(f));
            }
            b.append("]}");
        }
        b.append("],\"keys\":[");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(rows.get(i).key()));
        }
        b.append("],\"ageing\":{\"labels\":[");
        Figure.Bucket[] buckets = Figure.Bucket.values();
        for (int i = 0; i < buckets.length; i++) {
            b.append(i == 0 ? "" : ",").append(quote(messages.getMessage("supervision.bucket." + buckets[i].name(), null, locale)));
        }
        b.append("],\"keys\":[");
        for (int i = 0; i < buckets.length; i++) {
            b.append(i == 0 ? "" : ",").append(quote(buckets[i].name()));
        }
        b.append("],\"data\":[");
        for (int i = 0; i < buckets.length; i++) {
            b.append(i == 0 ? "" : ",").append(v.ageing().getOrDefault(buckets[i], 0L));
        }
        b.append("]}}");
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

}
