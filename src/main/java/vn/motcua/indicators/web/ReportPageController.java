package vn.motcua.indicators.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import vn.motcua.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.indicators.Report;
import vn.motcua.indicators.ReportService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;

/**
 * The periodic reports: a unit's leader generates, reviews, signs and
 * submits; the supervisors see who has and has not submitted, return a report
 * with comments and consolidate the province's report; both download XLSX
 * and PDF.
 */
@PageController
@RequestMapping("/indicators/reports")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER')")
public class ReportPageController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;
    private final IndicatorService indicators;
    private final OrganizationService org;

    public ReportPageController(ReportService reports, IndicatorService indicators, OrganizationService org) {
        this.reports = reports;
        this.indicators = indicators;
        this.org = org;
    }

    @GetMapping
    public String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @AuthenticationPrincipal StaffPrincipal me, Model model) {
        LocalDate today = indicators.today();
        LocalDate q = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate f = from != null ? from : q.minusMonths(3);
        LocalDate t = to != null ? to : from != null ? f.plusMonths(3).minusDays(1) : q.minusDays(1);
        IndicatorService.checkPeriod(f, t);
        OfficerScope scope = org.scopeOf(me.id());
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("overview", reports.overview(f, t, scope));
        model.addAttribute("recent", reports.recent(scope, 20));
        model.addAttribute("supervisor", me.hasAnyRole("SUPERVISOR", "ADMIN"));
        model.addAttribute("runs", me.hasAnyRole("SUPERVISOR", "ADMIN") ? reports.runs(5) : java.util.List.of());
        return "indicators/reports";
    }

    @PostMapping("/generate")
    public String generate(@RequestParam long unit,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @AuthenticationPrincipal StaffPrincipal me) {
        Report r = reports.generate(unit, from, to, org.scopeOf(me.id()), me.username());
        return "redirect:/indicators/reports/" + r.id();
    }

    @PostMapping("/consolidate")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public String consolidate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @AuthenticationPrincipal StaffPrincipal me) {
        Report r = reports.consolidate(from, to, me);
        return "redirect:/indicators/reports/" + r.id();
    }

    /** The province's form 07b (procedures under the one-stop mechanism), from the catalogue. */
    @PostMapping("/07b")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public String catalogueReport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @AuthenticationPrincipal StaffPrincipal me) {
        Report r = reports.generateCatalogueReport(from, to, me);
        return "redirect:/indicators/reports/" + r.id();
    }

    @GetMapping("/{id}")
    public String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Report r = reports.get(id, org.scopeOf(me.id()));
        model.addAttribute("r", r);
        java.util.Map<String, Long> spans = r.columns().stream().collect(java.util.stream.Collectors.groupingBy(
                Report.Column::group, java.util.stream.Collectors.counting()));
        model.addAttribute("spans", spans);
        model.addAttribute("leader", me.hasRole("LEADER"));
        model.addAttribute("supervisor", me.hasAnyRole("SUPERVISOR", "ADMIN"));
        return "indicators/report";
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize("hasRole('LEADER')")
    public String sign(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal StaffPrincipal me) {
        reports.sign(id, version, me);
        return "redirect:/indicators/reports/" + id;
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('LEADER')")
    public String submit(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal StaffPrincipal me) {
        reports.submit(id, version, me);
        return "redirect:/indicators/reports/" + id;
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public String returnReport(@PathVariable long id, @RequestParam int version,
                               @RequestParam(required = false) String comment, @AuthenticationPrincipal StaffPrincipal me) {
        reports.returnReport(id, version, comment, me);
        return "redirect:/indicators/reports/" + id;
    }

    @GetMapping("/{id}/xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        byte[] body = reports.xlsx(id, org.scopeOf(me.id()));
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("bao-cao-" + id + ".xlsx").build().toString()).body(body);
    }

    @GetMapping("/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        byte[] body = reports.pdf(id, org.scopeOf(me.id()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("bao-cao-" + id + ".pdf").build().toString()).body(body);
    }
}
