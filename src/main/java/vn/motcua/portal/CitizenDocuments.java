package vn.motcua.portal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;
import vn.motcua.warehouse.WarehouseDocument;

/**
 * A citizen adds a paper of their own to their personal data warehouse: the
 * file, its entry and the record that this account uploaded it, in one
 * transaction.
 */
@Service
public class CitizenDocuments {

    private final FileService files;
    private final PersonalWarehouse warehouse;
    private final CitizenRecords records;

    public CitizenDocuments(FileService files, PersonalWarehouse warehouse, CitizenRecords records) {
        this.files = files;
        this.warehouse = warehouse;
        this.records = records;
    }

    @Transactional
    public WarehouseDocument add(CitizenPrincipal me, String fileName, InputStream content, DocumentKind kind, String title,
                                 LocalDate validUntil) throws IOException {
        StoredFile f = files.upload(fileName, content, me.fileOwner());
        records.recordUpload(me, f.id());
        return warehouse.add(me.identityNumber(), kind, title, f.id(), null, validUntil);
    }
}
