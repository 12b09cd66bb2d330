package vn.motcua.catalog.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ImportError;
import vn.motcua.catalog.ImportRejected;
import vn.motcua.catalog.ImportReport;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.UnitRef;
import vn.motcua.catalog.VersionInfo;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.PageResult;

/**
 * The procedure catalogue as JSON. Anyone may search and read published
 * procedures; administrators create, replace, publish, withdraw, read every
 * version, import and export. Pages count from 0.
 */
@RestController
@RequestMapping("/api/v1/procedures")
public class CatalogApiController {

    /** The deciding act of a publication. */
    public record PublicationRequest(String decision, LocalDate decidedOn) {
    }

    /** The act and reason of a withdrawal; every member is optional. */
    public record WithdrawalRequest(String decision, LocalDate decidedOn, String reason) {
    }

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CatalogService catalog;
    private final MessageSource messages;

    public CatalogApiController(CatalogService catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    public PageResult<ProcedureSummary> search(@RequestParam(required = false) String q,
                                               @RequestParam(required = false) UnitLevel level,
                                               @RequestParam(required = false) String field,
                                               @RequestParam(required = false) Long agency,
                                               @RequestParam(required = false) OnlineLevel onlineLevel,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "20") int size) {
        return catalog.searchPublished(new ProcedureQuery(q, level, field, agency, onlineLevel, page, size))
                .map(p -> p.withAgency(agencyNamed(p.agency())));
    }

    /** Kinds of unit get their name in the caller's language ("every commune" for the agency). */
    private ProcedureDetail out(ProcedureDetail d) {
        return d.withUnits(this::agencyNamed, this::kindNamed);
    }

    private UnitRef agencyNamed(UnitRef r) {
        return r == null || r.id() != null || r.kind() == null ? r
                : new UnitRef(null, null, msg("procedure.agency.everyCommune"), r.kind());
    }

    private UnitRef kindNamed(UnitRef r) {
        return r == null || r.id() != null || r.kind() == null ? r
                : new UnitRef(null, null, msg("procedure.unitKind." + r.kind().name()), r.kind());
    }

    /** The published version; 404 when the procedure is unknown, still a draft, or withdrawn. */
    @GetMapping("/{code}")
    public ProcedureDetail get(@PathVariable String code) {
        return out(catalog.published(code));
    }

    @GetMapping("/{code}/versions")
    @PreAuthorize("hasRole('ADMIN')")
    public List<VersionInfo> versions(@PathVariable String code) {
        return catalog.history(code);
    }

    @GetMapping("/{code}/versions/{version}")
    @PreAuthorize("hasRole('ADMIN')")
    public ProcedureDetail version(@PathVariable String code, @PathVariable int version) {
        return out(catalog.version(code, version));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProcedureDetail> create(@jakarta.validation.Valid @RequestBody ProcedureCommand command,
                                                  @AuthenticationPrincipal StaffPrincipal me) {
        ProcedureDetail created = out(catalog.create(command, me.getUsername()));
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + created.code() + "/versions/" + created.version()))
                .body(created);
    }

    /** Replaces the procedure's content: a draft changes in place, a published procedure gets a new draft version. */
    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    public ProcedureDetail replace(@PathVariable String code, @jakarta.validation.Valid @RequestBody ProcedureCommand command,
                                   @AuthenticationPrincipal StaffPrincipal me) {
        return out(catalog.update(code, command, me.getUsername()));
    }

    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    public ProcedureDetail publish(@PathVariable String code, @RequestBody PublicationRequest request,
                                   @AuthenticationPrincipal StaffPrincipal me) {
        return out(catalog.publish(code, request.decision(), request.decidedOn(), me.getUsername()));
    }

    @PostMapping("/{code}/withdraw")
    @PreAuthorize("hasRole('ADMIN')")
    public ProcedureDetail withdraw(@PathVariable String code, @RequestBody(required = false) WithdrawalRequest request,
                                    @AuthenticationPrincipal StaffPrincipal me) {
        WithdrawalRequest r = request == null ? new WithdrawalRequest(null, null, null) : request;
        return out(catalog.withdraw(code, r.decision(), r.decidedOn(), r.reason(), me.getUsername()));
    }

    /** The whole catalogue (latest version of each procedure): {@code format=json} (default) or {@code xlsx}. */
    @GetMapping("/export")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<?> export(@RequestParam(defaultValue = "json") String format) {
        if ("xlsx".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, attachment("xlsx"))
                    .body(catalog.exportXlsx());
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("format must be json or xlsx");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("json")).body(catalog.exportAll());
    }

    static String attachment(String extension) {
        return ContentDisposition.attachment().filename("thu-tuc-hanh-chinh." + extension, StandardCharsets.UTF_8)
                .build().toString();
    }

    /** Imports a JSON array in the shape of {@code GET /procedures/{code}}; all or nothing. */
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importJson(@RequestBody byte[] body, @AuthenticationPrincipal StaffPrincipal me) {
        return catalog.importJson(new ByteArrayInputStream(body), me.getUsername());
    }

    /** Imports a spreadsheet in the export's layout; all or nothing. */
    @PostMapping(path = "/import", consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importXlsx(@RequestBody byte[] body, @AuthenticationPrincipal StaffPrincipal me) {
        return catalog.importXlsx(new ByteArrayInputStream(body), me.getUsername());
    }

    /** Imports an uploaded file ({@code file}): XLSX or JSON, told apart by content. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal StaffPrincipal me)
            throws IOException {
        byte[] bytes = file.getBytes();
        return isZip(bytes) ? catalog.importXlsx(new ByteArrayInputStream(bytes), me.getUsername())
                : catalog.importJson(new ByteArrayInputStream(bytes), me.getUsername());
    }

    /** XLSX files are ZIP archives: they start with "PK". */
    public static boolean isZip(byte[] bytes) {
        return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** A refused import: 422 with every bad row, its sheet (XLSX), the procedure code, the field and the reason. */
    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> importRejected(ImportRejected e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, msg("procedure.import.rejected"));
        p.setTitle(msg("problem.title.422"));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportError err : e.errors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (err.sheet() != null) {
                m.put("sheet", err.sheet());
            }
            m.put("row", err.row());
            if (err.code() != null) {
                m.put("code", err.code());
            }
            m.put("field", err.field());
            m.put("message", messages.getMessage(err.messageKey(), err.args(), err.messageKey(), LocaleContextHolder.getLocale()));
            errors.add(m);
        }
        p.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
