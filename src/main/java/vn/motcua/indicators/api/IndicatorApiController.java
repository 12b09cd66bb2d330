package vn.motcua.indicators.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.indicators.DrillDown;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.indicators.RankingRow;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;

/**
 * The Decision 766 index (API.md, Accountability): leaders see their units
 * and the units below, supervisors and administrators every unit; other roles
 * are refused. A unit outside the caller's scope is 404.
 */
@RestController
@RequestMapping("/api/v1/indicators/766")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER')")
public class IndicatorApiController {

    private final IndicatorService indicators;
    private final OrganizationService org;

    public IndicatorApiController(IndicatorService indicators, OrganizationService org) {
        this.indicators = indicators;
        this.org = org;
    }

    @GetMapping
    public IndexView index(@RequestParam long unit,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @AuthenticationPrincipal StaffPrincipal me) {
        return indicators.index(unit, from, to, org.scopeOf(me.id()));
    }

    /** The ranking of the province's departments ({@code PROVINCE}) or of the communes ({@code COMMUNE}). */
    @GetMapping("/ranking")
    public Map<String, Object> ranking(@RequestParam IndicatorService.RankingLevel level,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @AuthenticationPrincipal StaffPrincipal me) {
        List<RankingRow> rows = indicators.ranking(level, from, to, org.scopeOf(me.id()));
        return Map.of("level", level.name(), "from", from.toString(), "to", to.toString(), "units", rows);
    }

    /**
     * The dossiers behind an indicator's numerator and denominator: the codes
     * of each (their counts equal the index's figures) and, paged, a line per
     * dossier of the denominator.
     */
    @GetMapping("/{indicatorId}/dossiers")
    public DrillDown dossiers(@PathVariable String indicatorId, @RequestParam long unit,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "100") int size,
                              @AuthenticationPrincipal StaffPrincipal me) {
        vn.motcua.shared.Paging paging = vn.motcua.shared.Paging.of(page, size, 1000);
        return indicators.dossiers(indicatorId, unit, from, to, org.scopeOf(me.id()),
                (int) Math.min(paging.offset(), Integer.MAX_VALUE), paging.size());
    }
}
