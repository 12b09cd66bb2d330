package vn.motcua.supervision.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.motcua.supervision.BacklogCleanup;
import vn.motcua.supervision.CleanupJobView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageResult;
import vn.motcua.supervision.BacklogDossier;
import vn.motcua.supervision.DashboardView;
import vn.motcua.supervision.Figure;
import vn.motcua.supervision.SupervisionDashboard;

/** The backlog dashboard's figures and the dossiers behind each: supervisors the province, leaders their units. */
@RestController
@RequestMapping("/api/v1/supervision")
public class SupervisionApiController {

    private final SupervisionDashboard dashboard;
    private final BacklogCleanup cleanup;

    public SupervisionApiController(SupervisionDashboard dashboard, BacklogCleanup cleanup) {
        this.dashboard = dashboard;
        this.cleanup = cleanup;
    }

    /** A clean-up run's request: the kind, the dossiers, the target (REASSIGN) or the reason and evidence (STOP). */
    public record StartCleanup(BacklogCleanup.Kind kind, List<String> codes, Long toUnit, Long toOfficer, String reason,
                               String evidence) {
    }

    @GetMapping("/stale")
    public List<BacklogDossier> stale(@RequestParam(required = false) Integer overdueDays,
                                      @RequestParam(required = false) Integer idleDays,
                                      @RequestParam(defaultValue = "false") boolean inactiveUnits,
                                      @AuthenticationPrincipal StaffPrincipal me) {
        return cleanup.stale(overdueDays, idleDays, inactiveUnits, me);
    }

    @PostMapping("/cleanup-jobs")
    public ResponseEntity<CleanupJobView> start(@RequestBody(required = false) StartCleanup body,
                                                @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        StartCleanup b = body == null ? new StartCleanup(null, null, null, null, null, null) : body;
        CleanupJobView job = cleanup.start(b.kind(), b.codes(), b.toUnit(), b.toOfficer(), b.reason(), b.evidence(), me,
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/supervision/cleanup-jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/cleanup-jobs/{id}")
    public CleanupJobView job(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return cleanup.job(id, me);
    }

    @GetMapping("/dashboard")
    public DashboardView dashboard(@RequestParam(required = false) Long unit,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) Figure.Grouping by,
                                   @AuthenticationPrincipal StaffPrincipal me) {
        return dashboard.dashboard(unit, from, to, by, me);
    }

    @GetMapping("/dossiers")
    public PageResult<BacklogDossier> dossiers(@RequestParam(required = false) Figure figure,
                                               @RequestParam(required = false) Figure.Grouping by,
                                               @RequestParam(required = false) String key,
                                               @RequestParam(required = false) Figure.Bucket bucket,
                                               @RequestParam(required = false) Long unit,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "20") int size,
                                               @AuthenticationPrincipal StaffPrincipal me) {
        return dashboard.dossiers(figure, by, key, bucket, unit, from, to, page, size, me);
    }
}
