package vn.motcua.reform.internal.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.reform.PlanStatus;
import vn.motcua.reform.TaskDeadlineRule;

/** Plans, tasks, progress reports and notices in SQL (tables rf_plan, rf_task, rf_progress, rf_notice). */
@Repository
public class PlanStore {

    public record PlanRow(long id, int year, Long unitId, String title, PlanStatus status, LocalDate approvedOn,
                          String decision, Instant createdAt, String createdBy, int version) {
    }

    public record TaskRow(long id, long planId, String title, long ownerUnitId, TaskDeadlineRule rule, LocalDate fixedDate,
                          Integer workingDays, LocalDate dueOn, String expectedOutput, long budgetVnd, int percent,
                          LocalDate completedOn, LocalDate remindedOn, LocalDate overdueSince, int version) {
    }

    public record ProgressRow(long id, long taskId, int percent, String note, UUID fileId, String fileName,
                              Instant reportedAt, String reportedBy) {
    }

    public record NoticeRow(long id, long taskId, String taskTitle, long unitId, String kind, LocalDate dueOn,
                            LocalDate createdOn) {
    }

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPlan(int year, Long unitId, String title, Instant at, String by) {
        return jdbc.sql("INSERT INTO rf_plan (year, unit_id, title, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(year, unitId, title, ts(at), by).query(Long.class).single();
    }

    public Optional<PlanRow> plan(long id) {
        return jdbc.sql("SELECT * FROM rf_plan WHERE id = ?").param(id).query(PlanStore::plan).optional();
    }

    public Optional<PlanRow> lockPlan(long id) {
        return jdbc.sql("SELECT * FROM rf_plan WHERE id = ? FOR UPDATE").param(id).query(PlanStore::plan).optional();
    }

    /** Plans of the year (null: every year), newest first; {@code units} null means every unit's. */
    public List<PlanRow> plans(Integer year, Long[] units) {
        return jdbc.sql("""
                SELECT * FROM rf_plan WHERE (CAST(:year AS INT) IS NULL OR year = :year)
                  AND (CAST(:all AS BOOLEAN) OR unit_id IS NULL OR unit_id = ANY(:units))
                ORDER BY year DESC, unit_id NULLS FIRST, id""")
                .param("year", year).param("all", units == null).param("units", units == null ? new Long[0] : units)
                .query(PlanStore::plan).list();
    }

    public void approve(long id, LocalDate on, String decision) {
        jdbc.sql("UPDATE rf_plan SET status = 'APPROVED', approved_on = ?, decision = ?, version = version + 1 WHERE id = ?")
                .params(on, decision, id).update();
    }

    public long insertTask(long planId, String title, long owner, TaskDeadlineRule rule, LocalDate fixedDate,
                           Integer workingDays, LocalDate dueOn, String output, long budget, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO rf_task (plan_id, title, owner_unit_id, deadline_rule, fixed_date, working_days, due_on,
                  expected_output, budget_vnd, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(planId, title, owner, rule.name(), fixedDate, workingDays, dueOn, output, budget, ts(at), by)
                .query(Long.class).single();
    }

    public Optional<TaskRow> task(long id) {
        return jdbc.sql("SELECT * FROM rf_task WHERE id = ?").param(id).query(PlanStore::task).optional();
    }

    public Optional<TaskRow> lockTask(long id) {
        return jdbc.sql("SELECT * FROM rf_task WHERE id = ? FOR UPDATE").param(id).query(PlanStore::task).optional();
    }

    public List<TaskRow> tasks(long planId) {
        return jdbc.sql("SELECT * FROM rf_task WHERE plan_id = ? ORDER BY due_on NULLS LAST, id").param(planId)
                .query(PlanStore::task).list();
    }

    public List<TaskRow> tasks(List<Long> planIds) {
        return jdbc.sql("SELECT * FROM rf_task WHERE plan_id = ANY(?) ORDER BY id").param(planIds.toArray(Long[]::new))
                .query(PlanStore::task).list();
    }

    public void setDue(long taskId, LocalDate due) {
        jdbc.sql("UPDATE rf_task SET due_on = ?, version = version + 1 WHERE id = ?").params(due, taskId).update();
    }

    public void progress(long taskId, int percent, LocalDate completedOn) {
        jdbc.sql("UPDATE rf_task SET percent = ?, completed_on = ?, version = version + 1 WHERE id = ?")
                .params(percent, completedOn, taskId).update();
    }

    public long insertProgress(long taskId, int percent, String note, UUID fileId, String fileName, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO rf_progress (task_id, percent, note, file_id, file_name, reported_at, reported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(taskId, percent, note, fileId, fileName, ts(at), by).query(Long.class).single();
    }

    public List<ProgressRow> reports(long taskId) {
        return jdbc.sql("SELECT * FROM rf_progress WHERE task_id = ? ORDER BY reported_at DESC, id DESC").param(taskId)
                .query((rs, n) -> new ProgressRow(rs.getLong("id"), rs.getLong("task_id"), rs.getInt("percent"),
                        rs.getString("note"), rs.getObject("file_id", UUID.class), rs.getString("file_name"),
                        rs.getObject("reported_at", OffsetDateTime.class).toInstant(), rs.getString("reported_by")))
                .list();
    }

    /** The owner units of the tasks whose progress reports attach the file. */
    public List<Long> ownerUnitsAttaching(UUID fileId) {
        return jdbc.sql("SELECT DISTINCT t.owner_unit_id FROM rf_progress p JOIN rf_task t ON t.id = p.task_id WHERE p.file_id = ?")
                .param(fileId).query(Long.class).list();
    }

    /** Open tasks (not completed) with a deadline on or before the date, for the reminder job. */
    public List<TaskRow> openTasksDueBy(LocalDate last) {
        return jdbc.sql("SELECT * FROM rf_task WHERE completed_on IS NULL AND due_on IS NOT NULL AND due_on <= ? ORDER BY id")
                .param(last).query(PlanStore::task).list();
    }

    /** Records a notice once per task, kind and deadline; true when it is new. */
    public boolean notice(long taskId, long unitId, String kind, LocalDate due, LocalDate today) {
        int n = jdbc.sql("""
                INSERT INTO rf_notice (task_id, unit_id, kind, due_on, created_on) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (task_id, kind, due_on) DO NOTHING""").params(taskId, unitId, kind, due, today).update();
        if (n > 0) {
            jdbc.sql("UPDATE rf_task SET " + ("OVERDUE".equals(kind) ? "overdue_since" : "reminded_on") + " = ? WHERE id = ?")
                    .params(today, taskId).update();
        }
        return n > 0;
    }

    /** The newest notices for the units (null: all units). */
    public List<NoticeRow> notices(Long[] units, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.task_id, t.title, n.unit_id, n.kind, n.due_on, n.created_on FROM rf_notice n
                JOIN rf_task t ON t.id = n.task_id
                WHERE (CAST(:all AS BOOLEAN) OR n.unit_id = ANY(:units)) AND t.completed_on IS NULL
                ORDER BY n.created_on DESC, n.id DESC LIMIT :limit""")
                .param("all", units == null).param("units", units == null ? new Long[0] : units).param("limit", limit)
                .query((rs, n) -> new NoticeRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class))).list();
    }

    private static PlanRow plan(ResultSet rs, int n) throws SQLException {
        return new PlanRow(rs.getLong("id"), rs.getInt("year"), (Long) rs.getObject("unit_id"), rs.getString("title"),
                PlanStatus.valueOf(rs.getString("status")), rs.getObject("approved_on", LocalDate.class),
                rs.getString("decision"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), rs.getInt("version"));
    }

    private static TaskRow task(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("title"), rs.getLong("owner_unit_id"),
                TaskDeadlineRule.valueOf(rs.getString("deadline_rule")), rs.getObject("fixed_date", LocalDate.class),
                (Integer) rs.getObject("working_days"), rs.getObject("due_on", LocalDate.class),
                rs.getString("expected_output"), rs.getLong("budget_vnd"), rs.getInt("percent"),
                rs.getObject("completed_on", LocalDate.class), rs.getObject("reminded_on", LocalDate.class),
                rs.getObject("overdue_since", LocalDate.class), rs.getInt("version"));
    }

    static OffsetDateTime ts(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC);
    }
}
