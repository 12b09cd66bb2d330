package vn.motcua.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;

/** SQL over {@code audit_entry}: inserts and reads only. */
@Repository
public class AuditStore {

    private static final String SELECT = "SELECT id, at, kind, actor, subject_type, subject_id, detail, reason, address FROM audit_entry";

    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditEntry e, Instant at) {
        jdbc.sql("""
                INSERT INTO audit_entry (at, kind, actor, subject_type, subject_id, detail, reason, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), e.kind(), cut(e.actor(), 120), cut(e.subjectType(), 40),
                        cut(e.subjectId(), 120), e.detail(), e.reason(), cut(e.address(), 64))
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void insertAlone(AuditEntry e, Instant at) {
        insert(e, at);
    }

    public List<AuditEntry> about(String subjectType, String subjectId, int limit) {
        return jdbc.sql(SELECT + " WHERE subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT ?")
                .params(subjectType, subjectId, limit).query(AuditStore::map).list();
    }

    public List<AuditEntry> ofKind(String kind, int limit) {
        return jdbc.sql(SELECT + " WHERE kind = ? ORDER BY id DESC LIMIT ?").params(kind, limit).query(AuditStore::map).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                rs.getString("actor"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
                rs.getString("reason"), rs.getString("address"));
    }
}
