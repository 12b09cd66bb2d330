package vn.motcua.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The personal data warehouse (kho dữ liệu điện tử, DOMAIN.md §4): the
 * documents of one citizen (owner key: the 12-digit citizen ID) or one
 * organisation (owner key: the tax code), each over a stored file, for a new
 * dossier to reuse instead of a new upload. An owner only ever sees their own
 * documents: anything else answers {@link NotFound}.
 */
@Service
@Transactional(readOnly = true)
public class PersonalWarehouse {

    /** The owner prefix of files a citizen or organisation uploads themselves. */
    public static final String CITIZEN_OWNER_PREFIX = "citizen:";

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern OWNER_KEY = Pattern.compile("\\d{12}|\\d{10}(-\\d{3})?");
    private static final int TITLE_MAX = 500;
    private static final String SELECT = """
            SELECT w.id, w.owner_key, w.kind, w.title, w.file_id, f.name, f.media_type, f.size_bytes,
                   w.source_dossier_code, w.valid_until, w.digitization_state, w.created_at
              FROM warehouse_document w JOIN stored_file f ON f.id = w.file_id
            """;

    private final JdbcClient jdbc;
    private final FileService files;
    private final Clock clock;

    public PersonalWarehouse(JdbcClient jdbc, FileService files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

    /** The owner's documents, newest first; none for an unknown or malformed key. */
    public List<WarehouseDocument> documents(String ownerKey) {
        String owner = key(ownerKey);
        if (owner == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE w.owner_key = ? ORDER BY w.created_at DESC, w.id")
                .param(owner).query((rs, n) -> map(rs)).list();
    }

    /** One document of the owner; {@link NotFound} when it does not exist or belongs to someone else. */
    public WarehouseDocument document(String ownerKey, UUID documentId) {
        String owner = key(ownerKey);
        if (owner == null || documentId == null) {
            throw new NotFound("warehouse document " + documentId);
        }
        return jdbc.sql(SELECT + " WHERE w.id = ? AND w.owner_key = ?").params(documentId, owner)
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFound("warehouse document " + documentId));
    }

    /**
     * Puts a stored file into the owner's warehouse. Idempotent per (owner,
     * file, kind): adding the same again answers the document already there,
     * unchanged. The file must exist ({@link InvalidInput} on {@code fileId}).
     */
    @Transactional
    public WarehouseDocument add(String ownerKey, DocumentKind kind, String title, UUID fileId,
                                 String sourceDossierCode, LocalDate validUntil) {
        return add(ownerKey, kind, title, fileId, sourceDossierCode, validUntil, clock.instant());
    }

    /** As above, recorded at {@code at}: the one instant of the act that adds it (a dossier's filing, scan or return). */
    @Transactional
    public WarehouseDocument add(String ownerKey, DocumentKind kind, String title, UUID fileId,
                                 String sourceDossierCode, LocalDate validUntil, java.time.Instant at) {
        String owner = key(ownerKey);
        if (owner == null) {
            throw InvalidInput.of("ownerKey", "warehouse.ownerKey.invalid");
        }
        if (kind == null) {
            throw InvalidInput.of("kind", "validation.required");
        }
        String cleanTitle = Texts.clean(title);
        if (Texts.isBlank(cleanTitle)) {
            throw InvalidInput.of("title", "validation.required");
        }
        if (cleanTitle.length() > TITLE_MAX) {
            cleanTitle = cleanTitle.substring(0, TITLE_MAX);
        }
        if (fileId == null || files.find(fileId).isEmpty()) {
            throw InvalidInput.of("fileId", "warehouse.file.unknown");
        }
        String source = Texts.isBlank(sourceDossierCode) ? null : sourceDossierCode.trim();
        jdbc.sql("""
                INSERT INTO warehouse_document (id, owner_key, file_id, kind, title, source_dossier_code, valid_until,
                                                digitization_state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (owner_key, file_id, kind) DO NOTHING""")
                .params(UUID.randomUUID(), owner, fileId, kind.name(), cleanTitle, source, validUntil,
                        OffsetDateTime.ofInstant(at, ZONE))
                .update();
        return jdbc.sql(SELECT + " WHERE w.owner_key = ? AND w.file_id = ? AND w.kind = ?")
                .params(owner, fileId, kind.name()).query((rs, n) -> map(rs)).single();
    }

    /**
     * What a new dossier's component takes from the owner's document: its file
     * and the state to record (2 for a component or other paper, 3 for a result
     * or certified copy). An expired document (valid until a day before today
     * in Vietnam) is refused with {@code warehouse.expired}.
     */
    public Reuse reuse(String ownerKey, UUID documentId) {
        WarehouseDocument doc = document(ownerKey, documentId);
        if (!doc.validOn(LocalDate.ofInstant(clock.instant(), ZONE))) {
            throw InvalidInput.of("documentId", "warehouse.expired");
        }
        return new Reuse(doc.fileId(), doc.kind().reuseState(), doc.title());
    }

    /**
     * The file if the owner uploaded it ({@code stored_file.owner} is
     * {@code citizen:<ownerKey>}) or one of the owner's documents uses it;
     * otherwise {@link NotFound}, also when the file exists.
     */
    public StoredFile readableByCitizen(UUID fileId, String ownerKey) {
        String owner = key(ownerKey);
        if (owner == null || fileId == null) {
            throw new NotFound("file " + fileId);
        }
        Optional<StoredFile> file = files.find(fileId);
        if (file.isPresent() && (file.get().owner().equals(CITIZEN_OWNER_PREFIX + owner)
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM warehouse_document WHERE owner_key = ? AND file_id = ?)")
                        .params(owner, fileId).query(Boolean.class).single())) {
            return file.get();
        }
        throw new NotFound("file " + fileId);
    }

    /** The owner key without white space, or null when it is neither a citizen ID nor a tax code. */
    private static String key(String ownerKey) {
        if (ownerKey == null) {
            return null;
        }
        String k = ownerKey.replaceAll("\\s+", "");
        return OWNER_KEY.matcher(k).matches() ? k : null;
    }

    private static WarehouseDocument map(ResultSet rs) throws SQLException {
        return new WarehouseDocument(rs.getObject(1, UUID.class), rs.getString(2), DocumentKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getString(9), rs.getObject(10, LocalDate.class), rs.getInt(11),
                rs.getObject(12, OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime());
    }
}
