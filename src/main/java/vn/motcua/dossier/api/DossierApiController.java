package vn.motcua.dossier.api;

import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.HistoryView;
import vn.motcua.dossier.TrackingView;
import vn.motcua.dossier.Upload;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;

/**
 * The dossier part of API.md. State-changing calls accept an
 * {@code Idempotency-Key} (handled for every API call by the platform); all
 * answers are scoped to the caller's units (404 outside).
 */
@RestController
@RequestMapping("/api/v1")
public class DossierApiController {

    private final DossierService dossiers;
    private final OrganizationService org;

    public DossierApiController(DossierService dossiers, OrganizationService org) {
        this.dossiers = dossiers;
        this.org = org;
    }

    @PostMapping("/dossiers")
    public ResponseEntity<DossierView> file(@Valid @RequestBody FileDossier body, @AuthenticationPrincipal StaffPrincipal me) {
        DossierView d = dossiers.file(body, me);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create("/api/v1/dossiers/" + d.code())).body(d);
    }

    @GetMapping("/dossiers/{code}")
    public DossierView get(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me) {
        return dossiers.get(code, org.scopeOf(me.id()));
    }

    @GetMapping("/dossiers")
    public PageResult<DossierSummary> search(@RequestParam(required = false) Integer status,
                                             @RequestParam(required = false) Long unit,
                                             @RequestParam(required = false) Boolean overdue,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueBefore,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) DossierQuery.Inbox inbox,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size,
                                             @AuthenticationPrincipal StaffPrincipal me) {
        return dossiers.search(new DossierQuery(status, unit, overdue, dueBefore, q, inbox, null, page, size), org.scopeOf(me.id()));
    }

    @PostMapping("/dossiers/{code}/{action}")
    public DossierView act(@PathVariable String code, @PathVariable String action,
                           @Valid @RequestBody(required = false) Act body, @AuthenticationPrincipal StaffPrincipal me) {
        Action a = Action.fromPath(action).orElseThrow(() -> new NotFound("action " + action));
        return dossiers.act(code, a, body == null ? Act.empty() : body, me);
    }

    /**
     * A paper component scanned at the desk or the handling unit (multipart
     * field {@code file}: PDF, JPEG or PNG, checked by content; optional
     * {@code version} for the optimistic check). Answers the dossier.
     */
    @PostMapping(path = "/dossiers/{code}/components/{seq}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DossierView scan(@PathVariable String code, @PathVariable int seq,
                            @RequestParam(name = "file", required = false) MultipartFile file,
                            @RequestParam(name = "version", required = false) Integer version,
                            @AuthenticationPrincipal StaffPrincipal me) {
        Upload upload = file == null ? null : new Upload(file.getOriginalFilename(), file);
        return dossiers.scan(code, seq, upload, version, me);
    }

    @GetMapping("/dossiers/{code}/history")
    public List<HistoryView> history(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me) {
        return dossiers.history(code, org.scopeOf(me.id()));
    }

    /** A form of the dossier as PDF (receipt, supplement, refusal, apology, stop, control). */
    @GetMapping(value = "/dossiers/{code}/slips/{kind}")
    public ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable String kind,
                                       @AuthenticationPrincipal StaffPrincipal me) {
        return vn.motcua.dossier.web.SlipDownload.pdf(dossiers, code, kind, org.scopeOf(me.id()));
    }

    /** Public: the status of a dossier by the code printed on the receipt, without personal data. */
    @GetMapping("/tracking/{code}")
    public TrackingView track(@PathVariable String code) {
        return dossiers.track(code).orElseThrow(() -> new NotFound("dossier " + code));
    }
}
