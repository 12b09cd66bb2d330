package vn.motcua.warehouse.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.warehouse.FileDownloads;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalDataAccess;
import vn.motcua.warehouse.StoredFile;

/**
 * Viewing a citizen's personal warehouse as a supervisor, administrator or API
 * client: the documents without their content, and one document's content
 * only through the explicit act with a reason ({@code POST …/access}), which
 * is audited and answers a short-lived grant; the content is then fetched
 * with the grant ({@code GET /api/v1/warehouse/grants/{token}}) by the same
 * caller. Other roles get 403; unknown owners, documents and grants 404.
 */
@RestController
@RequestMapping("/api/v1/warehouse")
public class PersonalDataApiController {

    /** The body of the act: why this person's document has to be read. */
    public record AccessRequest(String reason) {
    }

    /** A document of the warehouse, without its file. */
    public record DocumentSummary(UUID id, String kind, String title, String fileName, String mediaType, long sizeBytes,
                                  String sourceDossierCode, LocalDate validUntil, OffsetDateTime createdAt) {
    }

    /** The grant the act opens: fetch {@code contentUrl} (same credentials) before {@code expiresAt}. */
    public record GrantView(String token, String contentUrl, OffsetDateTime expiresAt, UUID documentId, String ownerKey,
                            String kind, String title, String fileName, String mediaType, long sizeBytes) {
    }

    private final PersonalDataAccess access;
    private final FileService files;

    public PersonalDataApiController(PersonalDataAccess access, FileService files) {
        this.access = access;
        this.files = files;
    }

    @GetMapping("/{owner}/documents")
    public List<DocumentSummary> documents(@PathVariable String owner, @AuthenticationPrincipal StaffPrincipal me) {
        return access.documents(owner, me).stream()
                .map(d -> new DocumentSummary(d.id(), d.kind().name(), d.title(), d.fileName(), d.mediaType(), d.sizeBytes(),
                        d.sourceDossierCode(), d.validUntil(), d.createdAt()))
                .toList();
    }

    @PostMapping("/{owner}/documents/{id}/access")
    public ResponseEntity<GrantView> access(@PathVariable String owner, @PathVariable String id,
                                            @RequestBody(required = false) AccessRequest body,
                                            @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        if (!PersonalDataAccess.mayAsk(me)) {
            throw new org.springframework.security.access.AccessDeniedException("personal data");
        }
        UUID documentId = FileDownloads.id(id);
        PersonalDataAccess.Grant g = access.open(owner, documentId, body == null ? null : body.reason(), me,
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new GrantView(g.token(), "/api/v1/warehouse/grants/" + g.token(),
                g.expiresAt(), g.documentId(), g.ownerKey(), g.kind().name(), g.title(), g.fileName(), g.mediaType(),
                g.sizeBytes()));
    }

    @GetMapping("/grants/{token}")
    public ResponseEntity<InputStreamResource> content(@PathVariable String token, @AuthenticationPrincipal StaffPrincipal me)
            throws IOException {
        StoredFile f = access.redeem(token, me);
        return FileDownloads.inline(f, files);
    }
}
