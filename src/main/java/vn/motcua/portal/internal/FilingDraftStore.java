package vn.motcua.portal.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.portal.FilingDraft;
import vn.motcua.shared.NotFound;

/** The drafts of online filings and their components, in PostgreSQL. */
@Repository
public class FilingDraftStore {

    private final JdbcClient jdbc;

    public FilingDraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FilingDraft d) {
        jdbc.sql("""
                INSERT INTO filing_draft (id, account_id, identity_number, procedure_code, case_id, phone, email, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.accountId(), d.identityNumber(), d.procedureCode(), d.caseId(), d.phone(), d.email(),
                        d.address()).update();
        for (FilingDraft.Component c : d.components()) {
            jdbc.sql("INSERT INTO filing_draft_component (draft_id, seq, name, originals, copies) VALUES (?, ?, ?, ?, ?)")
                    .params(d.id(), c.seq(), c.name(), c.originals(), c.copies()).update();
        }
    }

    /** The draft if it belongs to the account; anyone else's is as if it did not exist. */
    public FilingDraft owned(UUID id, long accountId) {
        return find(id).filter(d -> d.accountId() == accountId).orElseThrow(() -> new NotFound("draft " + id));
    }

    public Optional<FilingDraft> find(UUID id) {
        return jdbc.sql("""
                SELECT id, account_id, identity_number, procedure_code, case_id, competent_unit_id, phone, email, address,
                       status, dossier_code, updated_at, version FROM filing_draft WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new FilingDraft(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), components(rs.getObject(1, UUID.class)),
                        rs.getObject(12, OffsetDateTime.class), rs.getInt(13)))
                .optional();
    }

    private List<FilingDraft.Component> components(UUID draftId) {
        return jdbc.sql("""
                SELECT c.seq, c.name, c.originals, c.copies, c.file_id, f.name, c.document_id, c.digitization
                  FROM filing_draft_component c LEFT JOIN stored_file f ON f.id = c.file_id
                 WHERE c.draft_id = ? ORDER BY c.seq""")
                .param(draftId)
                .query((rs, n) -> new FilingDraft.Component(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class), rs.getInt(8)))
                .list();
    }

    public List<FilingDraft> ofAccount(long accountId) {
        return jdbc.sql("SELECT id FROM filing_draft WHERE account_id = ? AND status = 'DRAFT' ORDER BY updated_at DESC LIMIT 50")
                .param(accountId).query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    /** The codes of the dossiers this account filed online, newest first. */
    public List<String> submittedCodes(long accountId, long offset, int limit) {
        return jdbc.sql("""
                SELECT dossier_code FROM filing_draft WHERE account_id = ? AND status = 'SUBMITTED'
                 ORDER BY updated_at DESC, id LIMIT ? OFFSET ?""")
                .params(accountId, limit, offset).query(String.class).list();
    }

    public long countSubmitted(long accountId) {
        return jdbc.sql("SELECT count(*) FROM filing_draft WHERE account_id = ? AND status = 'SUBMITTED'")
                .param(accountId).query(Long.class).single();
    }

    /** Whether this account filed the dossier online itself. */
    public boolean submittedBy(long accountId, String dossierCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM filing_draft WHERE account_id = ? AND status = 'SUBMITTED' AND dossier_code = ?)")
                .params(accountId, dossierCode).query(Boolean.class).single();
    }

    public void updateDetails(UUID id, String caseId, Long competentUnitId, String phone, String email, String address) {
        jdbc.sql("""
                UPDATE filing_draft SET case_id = ?, competent_unit_id = ?, phone = ?, email = ?, address = ?,
                       updated_at = now(), version = version + 1 WHERE id = ?""")
                .params(caseId, competentUnitId, phone, email, address, id).update();
    }

    public void setComponent(UUID id, int seq, UUID fileId, UUID documentId, int digitization) {
        int n = jdbc.sql("UPDATE filing_draft_component SET file_id = ?, document_id = ?, digitization = ? WHERE draft_id = ? AND seq = ?")
                .params(fileId, documentId, digitization, id, seq).update();
        if (n == 0) {
            throw new NotFound("component " + seq + " of draft " + id);
        }
        touch(id);
    }

    public void submitted(UUID id, String dossierCode) {
        jdbc.sql("UPDATE filing_draft SET status = 'SUBMITTED', dossier_code = ?, updated_at = now(), version = version + 1 WHERE id = ?")
                .params(dossierCode, id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM filing_draft WHERE id = ?").param(id).update();
    }

    private void touch(UUID id) {
        jdbc.sql("UPDATE filing_draft SET updated_at = now(), version = version + 1 WHERE id = ?").param(id).update();
    }
}
