package vn.motcua.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.internal.DiskBlobStore;

/**
 * Upload and download of files. The upload is streamed to a temporary file
 * while its SHA-256 is computed and its size counted (nothing is held in
 * memory); the type is detected from the content, not the name, and only PDF,
 * JPEG and PNG are kept; a refused upload leaves nothing behind.
 */
@Service
public class FileService {

    public static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private final JdbcClient jdbc;
    private final DiskBlobStore blobs;
    private final List<FileAccessPolicy> policies;
    private final long maxBytes;
    private final Tika tika = new Tika();

    private final vn.motcua.audit.AuditTrail audit;

    public FileService(JdbcClient jdbc, DiskBlobStore blobs, List<FileAccessPolicy> policies,
                       @Value("${motcua.files.max-bytes:20971520}") long maxBytes, vn.motcua.audit.AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.policies = policies;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public StoredFile upload(String originalName, InputStream content, String owner) throws IOException {
        Path temp = Files.createTempFile(blobs.tempDir(), "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = content;
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw InvalidInput.of("file", "file.tooLarge");
                    }
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw InvalidInput.of("file", "file.empty");
            }
            String type;
            try (InputStream in = Files.newInputStream(temp)) {
                type = tika.detect(in);
            }
            if (!ALLOWED_TYPES.contains(type)) {
                throw InvalidInput.of("file", "file.type");
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            blobs.put(hash, temp);
            String name = Texts.isBlank(originalName) ? "tep" : Texts.clean(Path.of(originalName).getFileName().toString());
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO stored_file (id, name, media_type, size_bytes, sha256, owner) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, name.length() > 255 ? name.substring(0, 255) : name, type, size, hash, owner).update();
            return find(id).orElseThrow();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("SELECT id, name, media_type, size_bytes, sha256, owner, created_at FROM stored_file WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class)))
                .optional();
    }

    /**
     * The file if the caller uploaded it or a module's policy lets their scope
     * read it (for officers: a file of a dossier of their units; supervisors
     * and administrators see every unit, so every dossier's files); else 404,
     * also when it exists. A citizen's own upload that no dossier uses (a
     * private document of their warehouse) is never readable this way, not
     * even by a scope of all units: that takes the explicit, reasoned and
     * audited act of {@link PersonalDataAccess}.
     */
    public StoredFile readable(UUID id, String caller, OfficerScope scope) {
        StoredFile f = id == null ? null : find(id).orElse(null);
        if (f != null && (f.owner().equals(caller) || scope != null && policies.stream().anyMatch(p -> p.mayRead(id, scope)))) {
            return f;
        }
        throw new NotFound("file " + id);
    }

    /**
     * A file the caller may reference from what they write (a dossier's
     * component or result): the same rule as {@link #readable}, so an act can
     * never make readable, through a new record, a file the caller could not
     * read before. Anything else, unknown ids included, is {@link NotFound}.
     */
    public StoredFile attachable(UUID id, String caller, OfficerScope scope) {
        return readable(id, caller, scope);
    }

    /**
     * Records in the audit trail that a file is being sent to whoever is
     * signed in on this thread ({@code file.downloaded}: the file, its name,
     * type and owner). Every download goes through {@link FileDownloads#inline},
     * which calls this: dossier files, results, warehouse documents, personal
     * data opened by a grant. Committed at once, whatever happens next.
     */
    public void recordDownload(StoredFile f) {
        audit.recordAlone(vn.motcua.audit.AuditEntry.of("file.downloaded", vn.motcua.audit.AuditTrail.currentActor(), "file",
                        f.id().toString())
                .detail(f.name() + " (" + f.mediaType() + ", " + f.size() + " bytes); owner " + f.owner()));
    }

    public InputStream content(StoredFile f) throws IOException {
        return blobs.open(f.sha256());
    }
}
