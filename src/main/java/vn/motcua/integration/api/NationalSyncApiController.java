package vn.motcua.integration.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.NationalSync;
import vn.motcua.integration.SyncLogEntry;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageResult;

/**
 * The status sync to the National Public Service Portal over the API, for
 * the provincial office and administrators (403 otherwise): the state, the
 * failed messages and "send again", the signed log, the reconciliations.
 */
@RestController
@RequestMapping("/api/v1/integration/national-portal")
public class NationalSyncApiController {

    /** A reconciliation with its differences. */
    public record RunWithDifferences(NationalSync.Run run, List<NationalSync.Difference> differences) {
    }

    private final NationalSync sync;

    public NationalSyncApiController(NationalSync sync) {
        this.sync = sync;
    }

    @GetMapping("/status")
    public NationalSync.Status status(@AuthenticationPrincipal StaffPrincipal me) {
        return sync.status(me);
    }

    @GetMapping("/failures")
    public PageResult<NationalSync.Failure> failures(@RequestParam(required = false) String code,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size,
                                                     @AuthenticationPrincipal StaffPrincipal me) {
        return sync.failures(code, page, size, me);
    }

    @PostMapping("/messages/{id}/resend")
    public NationalSync.Failure resend(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me,
                                       HttpServletRequest request) {
        return sync.resend(id, me, request.getRemoteAddr());
    }

    @GetMapping("/log")
    public PageResult<SyncLogEntry> log(@RequestParam(required = false) String code,
                                        @RequestParam(required = false) String service,
                                        @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to,
                                        @RequestParam(defaultValue = "false") boolean failed,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size,
                                        @AuthenticationPrincipal StaffPrincipal me) {
        return sync.log(code, service, from, to, failed, page, size, me);
    }

    @GetMapping("/reconciliations")
    public PageResult<NationalSync.Run> reconciliations(@RequestParam(defaultValue = "0") int page,
                                                        @RequestParam(defaultValue = "20") int size,
                                                        @AuthenticationPrincipal StaffPrincipal me) {
        return sync.reconciliations(page, size, me);
    }

    @GetMapping("/reconciliations/{id}")
    public RunWithDifferences reconciliation(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return new RunWithDifferences(sync.reconciliation(id, me), sync.differences(id, me));
    }

    /** Runs a reconciliation of the last window now (default the last 24 hours). */
    @PostMapping("/reconciliations")
    public RunWithDifferences reconcileNow(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        NationalSync.Run run = sync.reconcileNow(me, request.getRemoteAddr());
        return new RunWithDifferences(run, sync.differences(run.id(), me));
    }
}
