package vn.motcua.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.CalendarService;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.Report;

/** The reports, their templates and the drafting runs. */
@Repository
public class ReportStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ReportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored row of a report, its unit still to be named. */
    public record Row(long id, String form, long unitId, LocalDate from, LocalDate to, boolean consolidated,
                      Report.Status status, List<Report.Line> lines, Instant generatedAt, String generatedBy, String signedBy,
                      Instant signedAt, Instant submittedAt, String returnedBy, Instant returnedAt, String comment,
                      int version) {
    }

    public record Template(String form, String code, String title, List<Report.Column> columns) {
    }

    public Template template(String form) {
        return jdbc.sql("SELECT form, code, title, columns FROM ind_report_template WHERE form = ?").param(form)
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3),
                        json.readValue(rs.getString(4), new TypeReference<List<Report.Column>>() { })))
                .single();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("form"), rs.getLong("unit_id"), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), rs.getBoolean("consolidated"),
                Report.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("data"), new TypeReference<List<Report.Line>>() { }),
                FactStore.instant(rs, "generated_at"), rs.getString("generated_by"), rs.getString("signed_by"),
                FactStore.instant(rs, "signed_at"), FactStore.instant(rs, "submitted_at"), rs.getString("returned_by"),
                FactStore.instant(rs, "returned_at"), rs.getString("comment"), rs.getInt("version"));
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM ind_report WHERE id = ?").param(id).query(this::row).optional();
    }

    /** The report of this form, unit and period (the table's unique key). */
    public Optional<Row> find(String form, long unitId, LocalDate from, LocalDate to, boolean consolidated) {
        return jdbc.sql("SELECT * FROM ind_report WHERE form = ? AND unit_id = ? AND period_from = ? AND period_to = ? "
                        + "AND consolidated = ?")
                .params(form, unitId, from, to, consolidated).query(this::row).optional();
    }

    public List<Row> ofPeriod(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM ind_report WHERE period_from = ? AND period_to = ? AND NOT consolidated")
                .params(from, to).query(this::row).list();
    }

    public List<Row> ofUnits(java.util.Collection<Long> units, int limit) {
        return jdbc.sql("SELECT * FROM ind_report WHERE unit_id = ANY(?) ORDER BY period_to DESC, id DESC LIMIT ?")
                .params(units.toArray(Long[]::new), limit).query(this::row).list();
    }

    /** Writes a newly generated draft (or regenerates one), returning its id. */
    public long saveDraft(String form, long unitId, LocalDate from, LocalDate to, boolean consolidated,
                          List<Report.Line> lines, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO ind_report (form, unit_id, period_from, period_to, consolidated, status, data, generated_at, generated_by)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)
                ON CONFLICT (form, unit_id, period_from, period_to, consolidated) DO UPDATE SET status = 'DRAFT',
                    data = excluded.data, generated_at = excluded.generated_at, generated_by = excluded.generated_by,
                    signed_by = NULL, signed_at = NULL, submitted_at = NULL, version = ind_report.version + 1
                RETURNING id""")
                .params(form, unitId, from, to, consolidated, json.writeValueAsString(lines), Timestamp.from(at), by)
                .query(Long.class).single();
    }

    public boolean sign(long id, int version, String by, Instant at) {
        return jdbc.sql("UPDATE ind_report SET status = 'SIGNED', signed_by = ?, signed_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ? AND status IN ('DRAFT', 'RETURNED')")
                .params(by, Timestamp.from(at), id, version).update() == 1;
    }

    public boolean submit(long id, int version, Instant at) {
        return jdbc.sql("UPDATE ind_report SET status = 'SUBMITTED', submitted_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ? AND status = 'SIGNED'")
                .params(Timestamp.from(at), id, version).update() == 1;
    }

    public boolean returnReport(long id, int version, String by, String comment, Instant at) {
        return jdbc.sql("UPDATE ind_report SET status = 'RETURNED', returned_by = ?, returned_at = ?, comment = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ? AND status = 'SUBMITTED'")
                .params(by, Timestamp.from(at), comment, id, version).update() == 1;
    }

    public long startRun(LocalDate from, LocalDate to, int units, Instant at) {
        return jdbc.sql("INSERT INTO ind_report_run (period_from, period_to, units, started_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(from, to, units, Timestamp.from(at)).query(Long.class).single();
    }

    public void progress(long run, int done) {
        jdbc.sql("UPDATE ind_report_run SET done = ? WHERE id = ?").params(done, run).update();
    }

    public void finishRun(long run, Instant at) {
        jdbc.sql("UPDATE ind_report_run SET finished_at = ? WHERE id = ?").params(Timestamp.from(at), run).update();
    }

    /** A drafting run: how many units it prepares, how many are done. */
    public record Run(long id, LocalDate from, LocalDate to, int units, int done, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt) {
    }

    public List<Run> runs(int limit) {
        return jdbc.sql("SELECT * FROM ind_report_run ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate(), rs.getInt("units"), rs.getInt("done"),
                        odt(FactStore.instant(rs, "started_at")), odt(FactStore.instant(rs, "finished_at"))))
                .list();
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(CalendarService.ZONE).toOffsetDateTime();
    }

    /** Converts a stored row to the module's view. */
    public Report view(Row r, IndexView.UnitRef unit) {
        Template t = template(r.form());
        return new Report(r.id(), r.form(), t.code(), t.title(), t.columns(), unit, r.from(), r.to(), r.consolidated(),
                r.status(), r.lines(), odt(r.generatedAt()), r.generatedBy(), r.signedBy(), odt(r.signedAt()),
                odt(r.submittedAt()), r.returnedBy(), odt(r.returnedAt()), r.comment(), r.version());
    }

}
