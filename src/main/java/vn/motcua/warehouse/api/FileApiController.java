package vn.motcua.warehouse.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/** Upload ({@code POST /api/v1/files}, multipart field {@code file}) and download of files. */
@RestController
@RequestMapping("/api/v1/files")
public class FileApiController {

    private final FileService files;
    private final OrganizationService org;

    public FileApiController(FileService files, OrganizationService org) {
        this.files = files;
        this.org = org;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<StoredFile> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                             @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        if (file == null) {
            throw InvalidInput.of("file", "validation.required");
        }
        try (InputStream in = file.getInputStream()) {
            StoredFile stored = files.upload(file.getOriginalFilename(), in, "staff:" + me.getUsername());
            return ResponseEntity.status(HttpStatus.CREATED).body(stored);
        }
    }

    @GetMapping("/{id}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal me)
            throws IOException {
        UUID uuid = vn.motcua.warehouse.FileDownloads.id(id);
        StoredFile f = files.readable(uuid, "staff:" + me.getUsername(), org.scopeOf(me.id()));
        return vn.motcua.warehouse.FileDownloads.inline(f, files);
    }
}
