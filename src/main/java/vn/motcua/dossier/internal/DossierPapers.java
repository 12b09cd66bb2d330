package vn.motcua.dossier.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Upload;
import vn.motcua.shared.InvalidInput;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;

/**
 * The dossier's files and what it writes into the applicant's electronic
 * warehouse: papers scanned or sent for a dossier go in as components, the
 * returned result as a result, each under the dossier's code, in the act's
 * transaction. A file the storage refuses is reported on the form's field.
 */
@Component
public class DossierPapers {

    private final FileService files;
    private final PersonalWarehouse warehouse;

    public DossierPapers(FileService files, PersonalWarehouse warehouse) {
        this.files = files;
        this.warehouse = warehouse;
    }

    /** Stores an uploaded file for {@code owner}; a refused file is reported on {@code field}. */
    public StoredFile upload(Upload file, String field, String owner) {
        try {
            return files.upload(file.fileName(), file.content().getInputStream(), owner);
        } catch (InvalidInput e) {
            if (field.equals("file")) {
                throw e;
            }
            throw new InvalidInput(Map.of(field, e.fieldErrors().values().iterator().next()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paper of the dossier goes into the applicant's warehouse (no-op for an applicant without a key). */
    public void addComponent(String ownerKey, String name, UUID fileId, String code, Instant at) {
        if (ownerKey != null) {
            warehouse.add(ownerKey, DocumentKind.COMPONENT, name, fileId, code, null, at);
        }
    }

    /** The returned result goes into the applicant's warehouse, when it has a file. */
    public void addResult(Dossier d, Instant at) {
        String owner = DossierAccess.ownerKey(d.applicant());
        if (owner == null || d.resultFileId() == null) {
            return;
        }
        existing(d.resultFileId()).ifPresent(f -> warehouse.add(owner, DocumentKind.RESULT,
                "Kết quả: " + d.procedureName() + (d.resultNumber() == null ? "" : " – số " + d.resultNumber()),
                f.id(), d.code(), null, at));
    }

    private Optional<StoredFile> existing(String id) {
        try {
            return files.find(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
