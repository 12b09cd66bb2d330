package vn.motcua.indicators.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.indicators.internal.ReadModelRebuild;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;

/**
 * The administrator's rebuild of the 766 read model from the dossiers'
 * histories (docs/indicators.md): started in the background, once across the
 * nodes (409 while one runs), and its progress.
 */
@RestController
@RequestMapping("/api/v1/indicators/766/read-model")
@PreAuthorize("hasRole('ADMIN')")
public class ReadModelApiController {

    private final ReadModelRebuild rebuild;
    private final AuditTrail audit;

    public ReadModelApiController(ReadModelRebuild rebuild, AuditTrail audit) {
        this.rebuild = rebuild;
        this.audit = audit;
    }

    /** The latest rebuild and how far it has come ({@code run} null when there has been none). */
    @GetMapping
    public Map<String, Object> progress() {
        return java.util.Collections.singletonMap("run", rebuild.latest().orElse(null));
    }

    /** Starts a rebuild of every dossier, or of those whose code sorts after {@code after}. */
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReadModelRebuild.Run start(@RequestParam(required = false) String after,
                                      @AuthenticationPrincipal StaffPrincipal me) {
        if (after != null && after.length() > 40) {
            throw InvalidInput.of("after", "validation.tooLong");
        }
        ReadModelRebuild.Run run = rebuild.start(me.username(), after);
        audit.recordAlone(AuditEntry.of("indicators.readModel.rebuild", me.username(), "indicators-read-model",
                String.valueOf(run.id())));
        return run;
    }
}
