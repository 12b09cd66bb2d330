package vn.motcua.warehouse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The explicit "view personal data" act. A citizen's personal warehouse is
 * theirs: officers read only the files of dossiers in their units, and a scope
 * of all units (supervisors, administrators, API keys) reads dossier files but
 * never a document the citizen keeps privately. Supervisors and administrators
 * (an API key acts as a supervisor-level service account) may still read any
 * document of an owner's warehouse, one at a time, by giving a reason: each
 * such view is one line of the audit trail (kind {@value #AUDIT_KIND}: actor,
 * reason, the owner as subject, the document in the detail), written in the
 * same transaction as the grant it opens. The grant is a random token good for
 * {@link #LIFETIME}, for that actor alone; only its SHA-256 is stored.
 */
@Service
@Transactional(readOnly = true)
public class PersonalDataAccess {

    /** The audit kind of one view of personal data. */
    public static final String AUDIT_KIND = "warehouse.personal-data.viewed";
    /** The audit subject type: the owner (citizen ID or tax code) whose data was viewed. */
    public static final String AUDIT_SUBJECT = "warehouse-owner";
    /** How long a grant lets its actor fetch the document. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final int REASON_MAX = 1000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An opened view: the token to fetch the content with, until {@code expiresAt}, and what it is. */
    public record Grant(String token, UUID documentId, String ownerKey, DocumentKind kind, String title, String fileName,
                        String mediaType, long sizeBytes, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalWarehouse warehouse;
    private final FileService files;
    private final AuditTrail audit;
    private final Clock clock;

    public PersonalDataAccess(JdbcClient jdbc, PersonalWarehouse warehouse, FileService files, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.warehouse = warehouse;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this person may ask to view personal data at all: supervisors and administrators. */
    public static boolean mayAsk(StaffPrincipal who) {
        return who != null && who.hasAnyRole("SUPERVISOR", "ADMIN");
    }

    /**
     * The owner's documents, without their content, so that the one to view
     * can be chosen (403 for anyone who may not ask).
     */
    public List<WarehouseDocument> documents(String ownerKey, StaffPrincipal who) {
        requireMayAsk(who);
        return warehouse.documents(ownerKey);
    }

    /**
     * The act: checks the role (403), the reason (422 on {@code reason}), the
     * document (404 when it does not exist or is not the owner's), then records
     * the view in the audit trail and opens a grant, both in this transaction.
     *
     * @param address the caller's network address, kept with the audit line (may be null)
     */
    @Transactional
    public Grant open(String ownerKey, UUID documentId, String reason, StaffPrincipal who, String address) {
        requireMayAsk(who);
        String why = Texts.clean(reason);
        if (Texts.isBlank(why)) {
            throw InvalidInput.of("reason", "warehouse.access.reason");
        }
        if (why.length() > REASON_MAX) {
            throw InvalidInput.of("reason", "validation.tooLong");
        }
        WarehouseDocument doc = warehouse.document(ownerKey, documentId);
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("DELETE FROM personal_data_grant WHERE expires_at < ?")
                .param(OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC)).update();
        jdbc.sql("""
                INSERT INTO personal_data_grant (token_sha256, document_id, file_id, owner_key, actor, reason, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sha256(token), doc.id(), doc.fileId(), doc.ownerKey(), who.getUsername(), why,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .update();
        audit.record(AuditEntry.of(AUDIT_KIND, who.getUsername(), AUDIT_SUBJECT, doc.ownerKey())
                .reason(why)
                .detail("document " + doc.id() + " (" + doc.kind() + ": " + doc.title() + "), file " + doc.fileId())
                .address(address));
        return new Grant(token, doc.id(), doc.ownerKey(), doc.kind(), doc.title(), doc.fileName(), doc.mediaType(),
                doc.sizeBytes(), OffsetDateTime.ofInstant(expires, ZONE));
    }

    /** The file a grant opens, for its own actor before it expires; anything else is {@link NotFound}. */
    public StoredFile redeem(String token, StaffPrincipal who) {
        if (who == null || Texts.isBlank(token) || token.length() > 100) {
            throw new NotFound("grant");
        }
        UUID fileId = jdbc.sql("SELECT file_id FROM personal_data_grant WHERE token_sha256 = ? AND actor = ? AND expires_at > ?")
                .params(sha256(token.trim()), who.getUsername(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query(UUID.class).optional().orElseThrow(() -> new NotFound("grant"));
        return files.find(fileId).orElseThrow(() -> new NotFound("grant"));
    }

    private static void requireMayAsk(StaffPrincipal who) {
        if (!mayAsk(who)) {
            throw new AccessDeniedException("only supervisors and administrators may view personal data");
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
