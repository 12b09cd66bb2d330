package vn.motcua.integration.internal.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.CatalogueImportReport;
import vn.motcua.integration.CatalogueImportRow;
import vn.motcua.integration.Finding;
import vn.motcua.integration.ImportNote;
import vn.motcua.integration.ImportOutcome;

/** The imports and their rows (tables catalogue_import, catalogue_import_row). */
@Repository
public class ImportStore {

    private static final TypeReference<List<ImportNote>> NOTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ImportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @org.springframework.transaction.annotation.Transactional
    public long insert(String source, String format, String fileName, String actor, Instant started, Instant finished,
                       String error, List<CatalogueImportRow> rows) {
        int parsed = (int) rows.stream().filter(r -> r.status() == Finding.PARSED).count();
        int guessed = (int) rows.stream().filter(r -> r.status() == Finding.GUESSED).count();
        int needs = (int) rows.stream().filter(r -> r.status() == Finding.NEEDS_PERSON).count();
        int saved = (int) rows.stream().filter(r -> r.outcome() != ImportOutcome.NOT_SAVED
                && r.outcome() != ImportOutcome.UNCHANGED).count();
        long id = jdbc.sql("""
                        INSERT INTO catalogue_import (source, format, file_name, actor, started_at, finished_at, error,
                          total, parsed, guessed, needs_person, saved)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(source, format, cut(fileName, 255), actor, Timestamp.from(started), Timestamp.from(finished),
                        cut(error, 1000), rows.size(), parsed, guessed, needs, saved)
                .query(Long.class).single();
        for (CatalogueImportRow r : rows) {
            jdbc.sql("""
                            INSERT INTO catalogue_import_row (import_id, seq, code, name, status, outcome, version, notes)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, r.seq(), cut(r.code(), 50), cut(r.name(), 500), r.status().name(), r.outcome().name(),
                            r.version(), json.writeValueAsString(r.notes()))
                    .update();
        }
        return id;
    }

    public Optional<CatalogueImportReport> find(long id, ZoneId zone) {
        Optional<CatalogueImportReport> head = jdbc.sql("SELECT * FROM catalogue_import WHERE id = ?").param(id)
                .query((rs, n) -> head(rs, zone, List.of())).optional();
        if (head.isEmpty()) {
            return head;
        }
        List<CatalogueImportRow> rows = jdbc.sql("SELECT * FROM catalogue_import_row WHERE import_id = ? ORDER BY seq")
                .param(id).query((rs, n) -> new CatalogueImportRow(rs.getInt("seq"), rs.getString("code"), rs.getString("name"),
                        Finding.valueOf(rs.getString("status")), ImportOutcome.valueOf(rs.getString("outcome")),
                        (Integer) rs.getObject("version"), json.readValue(rs.getString("notes"), NOTES)))
                .list();
        CatalogueImportReport h = head.get();
        return Optional.of(new CatalogueImportReport(h.id(), h.source(), h.format(), h.fileName(), h.actor(), h.startedAt(),
                h.finishedAt(), h.error(), h.total(), h.parsed(), h.guessed(), h.needsPerson(), h.saved(), rows));
    }

    public List<CatalogueImportReport> recent(int limit, ZoneId zone) {
        return jdbc.sql("SELECT * FROM catalogue_import ORDER BY started_at DESC, id DESC LIMIT ?").param(limit)
                .query((rs, n) -> head(rs, zone, List.of())).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM catalogue_import").query(Long.class).single();
    }

    private static CatalogueImportReport head(ResultSet rs, ZoneId zone, List<CatalogueImportRow> rows) throws SQLException {
        return new CatalogueImportReport(rs.getLong("id"), rs.getString("source"), rs.getString("format"),
                rs.getString("file_name"), rs.getString("actor"), time(rs, "started_at", zone), time(rs, "finished_at", zone),
                rs.getString("error"), rs.getInt("total"), rs.getInt("parsed"), rs.getInt("guessed"),
                rs.getInt("needs_person"), rs.getInt("saved"), rows);
    }

    private static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
