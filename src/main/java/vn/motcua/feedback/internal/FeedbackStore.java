package vn.motcua.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.FeedbackSubject;

/** SQL over {@code feedback} and its attachments, desks and code counters. */
@Repository
public class FeedbackStore {

    /** A file attached to a PAKN. */
    public record Attachment(UUID fileId, String name) {
    }

    private static final String COLUMNS = """
            code, key_hash, kind, status, channel, sender_name, sender_email, sender_phone, sender_address, sender_account_id,
            contact_key, subject_type, procedure_code, unit_id, officer_name, officer_id, dossier_code, title, content, filed_at,
            intake_due_at, supplement_due_at, supplement_request, supplement_requested_at, supplement_text, supplemented_at,
            refused_at, refusal_reason, received_at, intake_decided_by, intake_on_time, supplement_on_time, routed_unit_id,
            routed_at, routings, handle_due_at, returned_at, return_reason, answer, answered_at, answered_by, answered_by_id,
            answered_unit_id, publish_due_at, published_at, published_by, published_title, published_question, published_answer,
            rating, rating_comment, rated_at, due_at""";

    private static final String UPDATE = "UPDATE feedback SET "
            + String.join(", ", java.util.Arrays.stream(COLUMNS.split(",")).map(c -> c.strip() + " = ?").toList())
            + ", version = version + 1 WHERE id = ? AND version = ?";

    private final JdbcClient jdbc;

    public FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the day (1, 2, …), safe under concurrency: one upsert per code. */
    public int nextNumber(LocalDate day) {
        return jdbc.sql("""
                INSERT INTO feedback_day_counter (day, last) VALUES (?, 1)
                ON CONFLICT (day) DO UPDATE SET last = feedback_day_counter.last + 1 RETURNING last""")
                .param(day).query(Integer.class).single();
    }

    public Feedback insert(Feedback f) {
        List<Object> values = values(f);
        String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        f.id = jdbc.sql("INSERT INTO feedback (" + COLUMNS + ") VALUES (" + marks + ") RETURNING id")
                .params(values).query(Long.class).single();
        f.version = 0;
        return f;
    }

    /** Saves the acts done on a PAKN read at {@code f.version}; a concurrent change in between fails the save. */
    public void update(Feedback f) {
        List<Object> params = new ArrayList<>(values(f));
        params.add(f.id);
        params.add(f.version);
        if (jdbc.sql(UPDATE).params(params).update() != 1) {
            throw new OptimisticLockingFailureException("feedback " + f.code + " changed meanwhile");
        }
        f.version++;
    }

    public Optional<Feedback> find(String code) {
        return jdbc.sql("SELECT id, version, " + COLUMNS + " FROM feedback WHERE code = ?").param(code)
                .query(FeedbackStore::map).optional();
    }

    /** The same, locked until the transaction ends (acts read-modify-write one PAKN at a time). */
    public Optional<Feedback> findForUpdate(String code) {
        return jdbc.sql("SELECT id, version, " + COLUMNS + " FROM feedback WHERE code = ? FOR UPDATE").param(code)
                .query(FeedbackStore::map).optional();
    }

    public void attach(long feedbackId, UUID fileId, String name) {
        jdbc.sql("INSERT INTO feedback_attachment (feedback_id, file_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(feedbackId, fileId, name).update();
    }

    public List<Attachment> attachments(long feedbackId) {
        return jdbc.sql("SELECT file_id, name FROM feedback_attachment WHERE feedback_id = ? ORDER BY name")
                .param(feedbackId).query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The PAKN a file is attached to, if any (for the file access policy). */
    public List<String> codesAttaching(UUID fileId) {
        return jdbc.sql("SELECT f.code FROM feedback_attachment a JOIN feedback f ON f.id = a.feedback_id WHERE a.file_id = ?")
                .param(fileId).query(String.class).list();
    }

    /** PAKN filed from one contact since a moment (the daily per-contact limit). */
    public long filedByContactSince(String contactKey, Instant since) {
        return jdbc.sql("SELECT count(*) FROM feedback WHERE contact_key = ? AND filed_at > ?")
                .params(contactKey, ts(since)).query(Long.class).single();
    }

    public List<Long> desks() {
        return jdbc.sql("SELECT unit_id FROM feedback_desk ORDER BY unit_id").query(Long.class).list();
    }

    public boolean addDesk(long unitId, String by) {
        return jdbc.sql("INSERT INTO feedback_desk (unit_id, added_by) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(unitId, by).update() == 1;
    }

    public boolean removeDesk(long unitId) {
        return jdbc.sql("DELETE FROM feedback_desk WHERE unit_id = ?").param(unitId).update() == 1;
    }

    private static List<Object> values(Feedback f) {
        List<Object> v = new ArrayList<>();
        v.add(f.code);
        v.add(f.keyHash);
        v.add(f.kind.name());
        v.add(f.status.name());
        v.add(f.channel.name());
        v.add(f.senderName);
        v.add(f.senderEmail);
        v.add(f.senderPhone);
        v.add(f.senderAddress);
        v.add(f.senderAccountId);
        v.add(f.contactKey);
        v.add(f.subject.name());
        v.add(f.procedureCode);
        v.add(f.unitId);
        v.add(f.officerName);
        v.add(f.officerId);
        v.add(f.dossierCode);
        v.add(f.title);
        v.add(f.content);
        v.add(ts(f.filedAt));
        v.add(ts(f.intakeDueAt));
        v.add(ts(f.supplementDueAt));
        v.add(f.supplementRequest);
        v.add(ts(f.supplementRequestedAt));
        v.add(f.supplementText);
        v.add(ts(f.supplementedAt));
        v.add(ts(f.refusedAt));
        v.add(f.refusalReason);
        v.add(ts(f.receivedAt));
        v.add(f.intakeDecidedBy);
        v.add(f.intakeOnTime);
        v.add(f.supplementOnTime);
        v.add(f.routedUnitId);
        v.add(ts(f.routedAt));
        v.add(f.routings);
        v.add(ts(f.handleDueAt));
        v.add(ts(f.returnedAt));
        v.add(f.returnReason);
        v.add(f.answer);
        v.add(ts(f.answeredAt));
        v.add(f.answeredBy);
        v.add(f.answeredById);
        v.add(f.answeredUnitId);
        v.add(ts(f.publishDueAt));
        v.add(ts(f.publishedAt));
        v.add(f.publishedBy);
        v.add(f.publishedTitle);
        v.add(f.publishedQuestion);
        v.add(f.publishedAnswer);
        v.add(f.rating == null ? null : f.rating.name());
        v.add(f.ratingComment);
        v.add(ts(f.ratedAt));
        v.add(ts(f.dueAt()));
        return v;
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        Feedback f = new Feedback();
        f.id = rs.getLong("id");
        f.version = rs.getInt("version");
        f.code = rs.getString("code");
        f.keyHash = rs.getString("key_hash");
        f.kind = FeedbackKind.valueOf(rs.getString("kind"));
        f.status = FeedbackStatus.valueOf(rs.getString("status"));
        f.channel = FeedbackChannel.valueOf(rs.getString("channel"));
        f.senderName = rs.getString("sender_name");
        f.senderEmail = rs.getString("sender_email");
        f.senderPhone = rs.getString("sender_phone");
        f.senderAddress = rs.getString("sender_address");
        f.senderAccountId = (Long) rs.getObject("sender_account_id");
        f.contactKey = rs.getString("contact_key");
        f.subject = FeedbackSubject.valueOf(rs.getString("subject_type"));
        f.procedureCode = rs.getString("procedure_code");
        f.unitId = (Long) rs.getObject("unit_id");
        f.officerName = rs.getString("officer_name");
        f.officerId = (Long) rs.getObject("officer_id");
        f.dossierCode = rs.getString("dossier_code");
        f.title = rs.getString("title");
        f.content = rs.getString("content");
        f.filedAt = instant(rs, "filed_at");
        f.intakeDueAt = instant(rs, "intake_due_at");
        f.supplementDueAt = instant(rs, "supplement_due_at");
        f.supplementRequest = rs.getString("supplement_request");
        f.supplementRequestedAt = instant(rs, "supplement_requested_at");
        f.supplementText = rs.getString("supplement_text");
        f.supplementedAt = instant(rs, "supplemented_at");
        f.refusedAt = instant(rs, "refused_at");
        f.refusalReason = rs.getString("refusal_reason");
        f.receivedAt = instant(rs, "received_at");
        f.intakeDecidedBy = rs.getString("intake_decided_by");
        f.intakeOnTime = (Boolean) rs.getObject("intake_on_time");
        f.supplementOnTime = (Boolean) rs.getObject("supplement_on_time");
        f.routedUnitId = (Long) rs.getObject("routed_unit_id");
        f.routedAt = instant(rs, "routed_at");
        f.routings = rs.getInt("routings");
        f.handleDueAt = instant(rs, "handle_due_at");
        f.returnedAt = instant(rs, "returned_at");
        f.returnReason = rs.getString("return_reason");
        f.answer = rs.getString("answer");
        f.answeredAt = instant(rs, "answered_at");
        f.answeredBy = rs.getString("answered_by");
        f.answeredById = (Long) rs.getObject("answered_by_id");
        f.answeredUnitId = (Long) rs.getObject("answered_unit_id");
        f.publishDueAt = instant(rs, "publish_due_at");
        f.publishedAt = instant(rs, "published_at");
        f.publishedBy = rs.getString("published_by");
        f.publishedTitle = rs.getString("published_title");
        f.publishedQuestion = rs.getString("published_question");
        f.publishedAnswer = rs.getString("published_answer");
        String r = rs.getString("rating");
        f.rating = r == null ? null : FeedbackRating.valueOf(r);
        f.ratingComment = rs.getString("rating_comment");
        f.ratedAt = instant(rs, "rated_at");
        return f;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
