package vn.motcua.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a stored file is sent to a browser or client, whoever was let
 * read it: its detected type, its length, shown inline under its own name
 * (UTF-8, so Vietnamese names survive), and no type sniffing by the browser.
 */
public final class FileDownloads {

    private FileDownloads() {
    }

    /** A file id from a URL: anything that is not a UUID names no file (404, like a file one may not read). */
    public static java.util.UUID id(String text) {
        try {
            return java.util.UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new vn.motcua.shared.NotFound("file " + text);
        }
    }

    public static ResponseEntity<InputStreamResource> inline(StoredFile f, FileService files) throws IOException {
        files.recordDownload(f);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .contentLength(f.size())
                .header("Content-Disposition", ContentDisposition.inline().filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(files.content(f)));
    }
}
