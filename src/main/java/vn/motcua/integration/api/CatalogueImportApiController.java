package vn.motcua.integration.api;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.integration.CatalogueImportReport;
import vn.motcua.integration.CatalogueImportRow;
import vn.motcua.integration.CatalogueImports;
import vn.motcua.integration.Finding;
import vn.motcua.integration.ImportOutcome;
import vn.motcua.integration.internal.catalogue.NoteTexts;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;

/**
 * Catalogue imports as JSON, for administrators: upload a file in one of the
 * national database's shapes (multipart {@code file}) and get the report of
 * every record; read a report again by its id. A file that is no such shape is
 * a 422 problem on {@code file}; records that cannot be read are rows of the
 * report, not errors.
 */
@RestController
@RequestMapping("/api/v1/integration/catalogue-imports")
@PreAuthorize("hasRole('ADMIN')")
public class CatalogueImportApiController {

    /** A note with its text in the request's language. */
    public record NoteBody(String field, Finding finding, String key, List<String> args, String text) {
    }

    /** A row, with the link to its draft when one was saved. */
    public record RowBody(int seq, String code, String name, Finding status, ImportOutcome outcome, Integer version,
                          String draft, List<NoteBody> notes) {
    }

    /** The report. */
    public record ReportBody(long id, String source, String format, String fileName, String actor,
                             OffsetDateTime startedAt, OffsetDateTime finishedAt, String error, int total, int parsed,
                             int guessed, int needsPerson, int saved, List<RowBody> rows) {
    }

    private final CatalogueImports imports;
    private final NoteTexts texts;

    public CatalogueImportApiController(CatalogueImports imports, NoteTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ReportBody> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                             @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "catimport.noFile");
        }
        CatalogueImportReport report = imports.importFile(file.getOriginalFilename(), file.getBytes(), me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/integration/catalogue-imports/" + report.id())).body(body(report));
    }

    @GetMapping("/{id}")
    public ReportBody get(@PathVariable long id) {
        return body(imports.report(id));
    }

    private ReportBody body(CatalogueImportReport r) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RowBody> rows = r.rows().stream().map(row -> row(row, locale)).toList();
        return new ReportBody(r.id(), r.source(), r.format(), r.fileName(), r.actor(), r.startedAt(), r.finishedAt(),
                r.error(), r.total(), r.parsed(), r.guessed(), r.needsPerson(), r.saved(), rows);
    }

    private RowBody row(CatalogueImportRow row, Locale locale) {
        return new RowBody(row.seq(), row.code(), row.name(), row.status(), row.outcome(), row.version(),
                row.saved() ? "/api/v1/procedures/" + row.code() + "/versions/" + row.version() : null,
                row.notes().stream().map(n -> new NoteBody(n.field(), n.finding(), n.key(), n.args(), texts.text(n, locale)))
                        .toList());
    }
}
