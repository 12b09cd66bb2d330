package vn.motcua.indicators.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import vn.motcua.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.indicators.DrillDown;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.Indicator;
import vn.motcua.indicators.IndicatorGroup;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Paging;

/**
 * The index pages: a unit's dashboard (six groups, their monthly trend,
 * the weakest indicators first), the rankings of departments and communes,
 * the drill-down lists, and the method page where an administrator edits
 * weights and thresholds from an effective date.
 */
@PageController
@RequestMapping("/indicators")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER')")
public class IndicatorPageController {

    private final IndicatorService indicators;
    private final OrganizationService org;
    private final JsonMapper json;

    public IndicatorPageController(IndicatorService indicators, OrganizationService org, JsonMapper json) {
        this.indicators = indicators;
        this.org = org;
        this.json = json;
    }

    /** The period asked for, or this quarter up to today. */
    private LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate today = indicators.today();
        LocalDate qStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate f = from != null ? from : qStart;
        LocalDate t = to != null ? to : from != null ? f.plusMonths(3).minusDays(1) : today;
        IndicatorService.checkPeriod(f, t);
        return new LocalDate[]{f, t};
    }

    private void periods(Model model, LocalDate today) {
        Map<String, LocalDate[]> p = new LinkedHashMap<>();
        YearMonth m = YearMonth.from(today);
        p.put("month", new LocalDate[]{m.atDay(1), m.atEndOfMonth()});
        p.put("lastMonth", new LocalDate[]{m.minusMonths(1).atDay(1), m.minusMonths(1).atEndOfMonth()});
        LocalDate q = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        p.put("quarter", new LocalDate[]{q, q.plusMonths(3).minusDays(1)});
        p.put("lastQuarter", new LocalDate[]{q.minusMonths(3), q.minusDays(1)});
        LocalDate h = today.withMonth(today.getMonthValue() <= 6 ? 1 : 7).withDayOfMonth(1);
        p.put("half", new LocalDate[]{h, h.plusMonths(6).minusDays(1)});
        p.put("year", new LocalDate[]{today.withDayOfYear(1), today.withMonth(12).withDayOfMonth(31)});
        model.addAttribute("presets", p);
    }

    @GetMapping
    public String dashboard(@RequestParam(required = false) Long unit,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @AuthenticationPrincipal StaffPrincipal me, Model model) {
        OfficerScope scope = org.scopeOf(me.id());
        LocalDate[] p = period(from, to);
        long unitId = unit != null ? unit : indicators.homeUnit(scope).id();
        IndexView index = indicators.index(unitId, p[0], p[1], scope);
        // the trend: each month of the twelve ending with the period's last
        YearMonth last = YearMonth.from(p[1]);
        List<IndexView> trend = indicators.trend(unitId, last.minusMonths(11).atDay(1), p[1], scope);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", trend.stream().map(v -> YearMonth.from(v.from()).toString()).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (IndicatorGroup g : IndicatorGroup.values()) {
            series.add(Map.of("name", index.groups().get(g.ordinal()).name(), "data",
                    trend.stream().map(v -> v.groups().get(g.ordinal()).score()).toList()));
        }
        chart.put("series", series);
        chart.put("totalName", "Σ");
        chart.put("total", trend.stream().map(IndexView::total).toList());
        model.addAttribute("index", index);
        model.addAttribute("weakest", index.weakest());
        model.addAttribute("chartJson", json.writeValueAsString(chart));
        model.addAttribute("units", indicators.scoredUnits(scope));
        model.addAttribute("unitId", unitId);
        model.addAttribute("from", p[0]);
        model.addAttribute("to", p[1]);
        periods(model, indicators.today());
        model.addAttribute("canSeeMethod", me.hasAnyRole("ADMIN", "SUPERVISOR"));
        return "indicators/dashboard";
    }

    @GetMapping("/ranking")
    public String ranking(@RequestParam(defaultValue = "PROVINCE") IndicatorService.RankingLevel level,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @AuthenticationPrincipal StaffPrincipal me, Model model) {
        LocalDate[] p = period(from, to);
        model.addAttribute("rows", indicators.ranking(level, p[0], p[1], org.scopeOf(me.id())));
        model.addAttribute("level", level);
        model.addAttribute("groups", IndicatorGroup.values());
        model.addAttribute("from", p[0]);
        model.addAttribute("to", p[1]);
        periods(model, indicators.today());
        return "indicators/ranking";
    }

    @GetMapping("/{indicatorId}/dossiers")
    public String dossiers(@PathVariable String indicatorId, @RequestParam long unit,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) Boolean numerator,
                           @RequestParam(defaultValue = "0") int page,
                           @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Paging paging = Paging.of(page, 50, 50);
        DrillDown d = indicators.dossiers(indicatorId, unit, from, to, org.scopeOf(me.id()), numerator,
                (int) Math.min(paging.offset(), Integer.MAX_VALUE), paging.size());
        model.addAttribute("d", d);
        model.addAttribute("indicator", Indicator.find(indicatorId).orElseThrow());
        model.addAttribute("numerator", numerator);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (d.lineCount() + 49) / 50));
        return "indicators/dossiers";
    }

    @GetMapping("/method")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public String method(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("canEdit", me.hasRole("ADMIN"));
        LocalDate today = indicators.today();
        model.addAttribute("current", indicators.weightsOn(today));
        model.addAttribute("history", indicators.weightHistory());
        var bands = indicators.bandsOn(today);
        model.addAttribute("bands", bands);
        model.addAttribute("bandHistory", indicators.bandHistory());
        model.addAttribute("bandCodes", IndicatorService.BAND_CODES);
        Map<String, BigDecimal> currentBands = new LinkedHashMap<>();
        bands.forEach(b -> currentBands.put(b.code(), b.minScore()));
        model.addAttribute("currentBands", currentBands);
        model.addAttribute("indicators", Indicator.values());
        return "indicators/method";
    }

    @PostMapping("/method/weights")
    @PreAuthorize("hasRole('ADMIN')")
    public String setWeight(@RequestParam String indicator,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                            @RequestParam(required = false) BigDecimal maxPoints,
                            @RequestParam(required = false) BigDecimal threshold,
                            @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes flash, Model model) {
        try {
            indicators.setWeight(indicator, effectiveFrom, maxPoints, threshold, me.username());
            flash.addFlashAttribute("saved", true);
            return "redirect:/indicators/method";
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("form", Map.of("indicator", indicator, "effectiveFrom", effectiveFrom == null ? "" : effectiveFrom,
                    "maxPoints", maxPoints == null ? "" : maxPoints, "threshold", threshold == null ? "" : threshold));
            return method(me, model);
        }
    }
    /**
     * Replaces the rating bands from a date on. Each band whose minimum is
     * left empty is dropped from the new set; at least one is needed, and the
     * minimums must rise with the band (weak &lt; average &lt; fair &lt; good &lt; excellent).
     */
    @PostMapping("/method/bands")
    @PreAuthorize("hasRole('ADMIN')")
    public String setBands(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                           @RequestParam Map<String, String> params,
                           @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes flash, Model model) {
        Map<String, BigDecimal> minScores = new java.util.LinkedHashMap<>();
        Map<String, String> bandErrors = new java.util.LinkedHashMap<>();
        for (String code : IndicatorService.BAND_CODES) {
            String v = params.get("band." + code);
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                minScores.put(code, new BigDecimal(v.trim()));
            } catch (NumberFormatException e) {
                bandErrors.put("bands", "indicators.method.bandRange");
            }
        }
        try {
            if (!bandErrors.isEmpty()) {
                throw new InvalidInput(bandErrors);
            }
            indicators.setBands(effectiveFrom, minScores, me.username());
            flash.addFlashAttribute("bandsSaved", true);
            return "redirect:/indicators/method";
        } catch (InvalidInput e) {
            model.addAttribute("bandErrors", e.fieldErrors());
            model.addAttribute("bandForm", params);
            return method(me, model);
        }
    }
}
