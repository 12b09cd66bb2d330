package vn.motcua.reform.internal.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.reform.LegalReviewOutcome;
import vn.motcua.reform.LegalReviewProblem;
import vn.motcua.reform.LegalReviewProposal;

/** Legal-document review records in SQL (rf_legal_review). */
@Repository
public class LegalReviewStore {

    public record ReviewRow(long id, int year, String documentRef, String documentTitle, LegalReviewProblem problem,
                            String finding, LegalReviewProposal proposal, long responsibleUnitId, LocalDate dueOn,
                            List<String> procedureCodes, LegalReviewOutcome outcome, String outcomeNote, LocalDate outcomeOn,
                            Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;

    public LegalReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(int year, String ref, String title, LegalReviewProblem problem, String finding,
                       LegalReviewProposal proposal, long unit, LocalDate due, List<String> codes, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO rf_legal_review (year, document_ref, document_title, problem, finding, proposal, responsible_unit_id,
                  due_on, procedure_codes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(year, ref, title, problem.name(), finding, proposal.name(), unit, due, codes.toArray(String[]::new),
                        at.atOffset(ZoneOffset.UTC), by)
                .query(Long.class).single();
    }

    public Optional<ReviewRow> find(long id) {
        return jdbc.sql("SELECT * FROM rf_legal_review WHERE id = ?").param(id).query(this::row).optional();
    }

    public Optional<ReviewRow> lock(long id) {
        return jdbc.sql("SELECT * FROM rf_legal_review WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
    }

    public List<ReviewRow> list(int year, Long[] units) {
        return jdbc.sql("""
                SELECT * FROM rf_legal_review WHERE year = :year AND (CAST(:all AS BOOLEAN) OR responsible_unit_id = ANY(:units))
                ORDER BY due_on, id""")
                .param("year", year).param("all", units == null).param("units", units == null ? new Long[0] : units)
                .query(this::row).list();
    }

    public void outcome(long id, LegalReviewOutcome outcome, String note, LocalDate on) {
        jdbc.sql("UPDATE rf_legal_review SET outcome = ?, outcome_note = ?, outcome_on = ? WHERE id = ?")
                .params(outcome.name(), note, on, id).update();
    }

    private ReviewRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ReviewRow(rs.getLong("id"), rs.getInt("year"), rs.getString("document_ref"), rs.getString("document_title"),
                LegalReviewProblem.valueOf(rs.getString("problem")), rs.getString("finding"),
                LegalReviewProposal.valueOf(rs.getString("proposal")), rs.getLong("responsible_unit_id"),
                rs.getObject("due_on", LocalDate.class), Arrays.asList((String[]) rs.getArray("procedure_codes").getArray()),
                LegalReviewOutcome.valueOf(rs.getString("outcome")), rs.getString("outcome_note"),
                rs.getObject("outcome_on", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
