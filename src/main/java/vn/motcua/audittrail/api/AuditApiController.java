package vn.motcua.audittrail.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.audit.AuditQuery;
import vn.motcua.audit.AuditVerification;
import vn.motcua.audittrail.AuditRow;
import vn.motcua.audittrail.AuditSearch;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageResult;

/**
 * The audit trail for supervisors: search (paged, newest first), export
 * (XLSX or CSV) and verification of the hash chain. Searching and exporting
 * are for supervisors; verifying, which shows no one's data, for supervisors
 * and administrators (docs/audit.md, "Who may read the trail"). Every call is
 * itself recorded in the trail.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AuditSearch search;

    public AuditApiController(AuditSearch search) {
        this.search = search;
    }

    /**
     * Entries that match every filter given: {@code actor} (username, or
     * {@code citizen:<identity number>}), {@code unit} (id), {@code subjectType}
     * and {@code subjectId}, {@code dossier} (code), {@code kind}, {@code from}
     * and {@code to} (a day {@code yyyy-MM-dd} in Vietnam, {@code to} included,
     * or an ISO 8601 instant, {@code to} excluded).
     */
    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    public PageResult<AuditRow> search(@RequestParam(required = false) String actor, @RequestParam(required = false) Long unit,
                                       @RequestParam(required = false) String subjectType,
                                       @RequestParam(required = false) String subjectId,
                                       @RequestParam(required = false) String dossier, @RequestParam(required = false) String kind,
                                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                       @AuthenticationPrincipal StaffPrincipal me) {
        return search.search(AuditSearch.query(actor, unit, subjectType, subjectId, dossier, kind, from, to), page, size,
                me.getUsername());
    }

    /** The same entries (at most {@value AuditSearch#MAX_EXPORT}) as a file: {@code format=xlsx} (default) or {@code csv}. */
    @GetMapping("/export")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String actor, @RequestParam(required = false) Long unit,
                                         @RequestParam(required = false) String subjectType,
                                         @RequestParam(required = false) String subjectId,
                                         @RequestParam(required = false) String dossier,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(defaultValue = "xlsx") String format,
                                         @AuthenticationPrincipal StaffPrincipal me) {
        AuditQuery q = AuditSearch.query(actor, unit, subjectType, subjectId, dossier, kind, from, to);
        return file(search.export(q, format, me.getUsername()), format);
    }

    /** Re-walks the whole chain: {@code {ok, entries, firstBroken: {seq, id, at, kind, problem} | null, elapsedMs, lastSeq, lastHash}}. */
    @GetMapping("/verify")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public AuditVerification verify(@AuthenticationPrincipal StaffPrincipal me) {
        return search.verify(me.getUsername());
    }

    /** An export as a download, named by its day. */
    public static ResponseEntity<byte[]> file(byte[] bytes, String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        String name = "nhat-ky-he-thong-" + LocalDate.now(AuditSearch.ZONE) + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok().contentType(csv ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(bytes);
    }
}
