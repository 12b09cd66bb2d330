package vn.motcua.dossier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.Timing;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.Role;

/**
 * Loads and saves the dossier aggregate with plain SQL. Saving checks the
 * version (optimistic locking: the second of two concurrent acts fails) and
 * appends the act's history and hand-over rows in the same transaction.
 */
@Repository
public class DossierStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DossierStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Dossier> findByCode(String code) {
        Optional<Dossier> found = jdbc.sql("SELECT * FROM dossier WHERE code = ?").param(code)
                .query((rs, n) -> mapDossier(rs)).optional();
        found.ifPresent(this::loadChildren);
        return found;
    }

    public Optional<Dossier> findById(long id) {
        Optional<Dossier> found = jdbc.sql("SELECT * FROM dossier WHERE id = ?").param(id)
                .query((rs, n) -> mapDossier(rs)).optional();
        found.ifPresent(this::loadChildren);
        return found;
    }

    private void loadChildren(Dossier d) {
        d.components = new ArrayList<>(jdbc.sql("SELECT * FROM dossier_component WHERE dossier_id = ? ORDER BY seq")
                .param(d.id).query((rs, n) -> new ComponentItem(rs.getString("name"), rs.getInt("originals"),
                        rs.getInt("copies"), rs.getString("file_id"), rs.getInt("digitization_state"))).list());
        d.steps = new ArrayList<>(jdbc.sql("SELECT * FROM dossier_step WHERE dossier_id = ? ORDER BY seq")
                .param(d.id).query((rs, n) -> new Dossier.Step(rs.getInt("seq"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getObject("unit_id", Long.class),
                        rs.getObject("assignee_id", Long.class), rs.getBigDecimal("share"), instant(rs, "due_at"),
                        instant(rs, "started_at"), instant(rs, "finished_at"))).list());
        d.handovers = new ArrayList<>(jdbc.sql("SELECT * FROM dossier_handover WHERE dossier_id = ? ORDER BY seq")
                .param(d.id).query((rs, n) -> new Dossier.Handover(rs.getInt("seq"), rs.getObject("step_seq", Integer.class),
                        rs.getObject("from_unit_id", Long.class), rs.getObject("to_unit_id", Long.class),
                        instant(rs, "handed_at"), rs.getString("deliverer"), rs.getString("receiver"),
                        instant(rs, "step_due_at"), rs.getString("timing") == null ? null : Timing.valueOf(rs.getString("timing"))))
                .list());
    }

    public void insert(Dossier d) {
        d.id = jdbc.sql("""
                INSERT INTO dossier (code, procedure_code, procedure_version, procedure_name, case_id, case_name, channel,
                  status, applicant_kind, applicant_name, applicant_id_number, applicant_tax_code, applicant_phone,
                  applicant_email, applicant_address, receiving_unit_id, handling_unit_id, assignee_id, current_step,
                  duration_amount, duration_unit, fee_vnd, payment_amount_vnd, filed_at, received_at, appointment_at,
                  original_appointment_at, paused_since, paused_minutes, finished_at, returned_at, return_channel,
                  result_number, result_file_id, supplement_count, apology_count, supplement_items)
                VALUES (:code, :procedureCode, :procedureVersion, :procedureName, :caseId, :caseName, :channel,
                  :status, :kind, :name, :idNumber, :taxCode, :phone, :email, :address, :receivingUnit, :handlingUnit,
                  :assignee, :currentStep, :amount, :unit, :fee, :payment, :filedAt, :receivedAt, :appointmentAt,
                  :originalAppointmentAt, :pausedSince, :pausedMinutes, :finishedAt, :returnedAt, :returnChannel,
                  :resultNumber, :resultFileId, :supplementCount, :apologyCount, :supplementItems)
                RETURNING id""")
                .paramSource(params(d)).query(Long.class).single();
        int seq = 1;
        for (ComponentItem c : d.components) {
            jdbc.sql("INSERT INTO dossier_component (dossier_id, seq, name, originals, copies, file_id, digitization_state) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id, seq++, c.name(), c.originals(), c.copies(), c.fileId(), c.digitization() == null ? 0 : c.digitization())
                    .update();
        }
        for (Dossier.Step s : d.steps) {
            jdbc.sql("INSERT INTO dossier_step (dossier_id, seq, name, role, unit_id, assignee_id, share, due_at, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id, s.seq, s.name, s.role.name(), s.unitId, s.assigneeId, s.share, ts(s.dueAt), ts(s.startedAt), ts(s.finishedAt))
                    .update();
        }
        flushAppendOnly(d);
    }

    /** Gives a freshly inserted dossier its final code (see DossierCodes). */
    public void assignCode(Dossier d, String code) {
        jdbc.sql("UPDATE dossier SET code = ? WHERE id = ?").params(code, d.id).update();
        d.code = code;
    }

    public void update(Dossier d) {
        int n = jdbc.sql("""
                UPDATE dossier SET status = :status, handling_unit_id = :handlingUnit, assignee_id = :assignee,
                  current_step = :currentStep, payment_amount_vnd = :payment, received_at = :receivedAt,
                  appointment_at = :appointmentAt, original_appointment_at = :originalAppointmentAt,
                  paused_since = :pausedSince, paused_minutes = :pausedMinutes, finished_at = :finishedAt,
                  returned_at = :returnedAt, return_channel = :returnChannel, result_number = :resultNumber,
                  result_file_id = :resultFileId, supplement_count = :supplementCount, apology_count = :apologyCount,
                  supplement_items = :supplementItems, version = version + 1
                WHERE id = :id AND version = :version""")
                .paramSource(params(d)).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("dossier " + d.code + " changed since version " + d.version);
        }
        d.version++;
        for (Dossier.Step s : d.steps) {
            jdbc.sql("UPDATE dossier_step SET unit_id = ?, assignee_id = ?, due_at = ?, started_at = ?, finished_at = ? WHERE dossier_id = ? AND seq = ?")
                    .params(s.unitId, s.assigneeId, ts(s.dueAt), ts(s.startedAt), ts(s.finishedAt), d.id, s.seq).update();
        }
        for (Integer seq : d.changedComponents) {
            ComponentItem c = d.components.get(seq - 1);
            jdbc.sql("UPDATE dossier_component SET file_id = ?, digitization_state = ? WHERE dossier_id = ? AND seq = ?")
                    .params(c.fileId(), c.digitization() == null ? 0 : c.digitization(), d.id, seq).update();
        }
        d.changedComponents.clear();
        flushAppendOnly(d);
    }

    private void flushAppendOnly(Dossier d) {
        for (Dossier.Handover h : d.newHandovers) {
            jdbc.sql("INSERT INTO dossier_handover (dossier_id, seq, step_seq, from_unit_id, to_unit_id, handed_at, deliverer, receiver, step_due_at, timing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id, h.seq(), h.stepSeq(), h.fromUnitId(), h.toUnitId(), ts(h.handedAt()), h.deliverer(), h.receiver(),
                            ts(h.stepDueAt()), h.timing() == null ? null : h.timing().name())
                    .update();
        }
        d.newHandovers.clear();
        for (Dossier.HistoryEntry e : d.newHistory) {
            jdbc.sql("INSERT INTO dossier_history (dossier_id, at, actor_id, actor_name, unit_id, action, from_status, to_status, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .params(d.id, ts(e.at()), e.actorId(), e.actorName(), e.unitId(), e.action().path(),
                            e.from() == null ? null : e.from().code(), e.to().code(), e.reason(), json.writeValueAsString(e.details()))
                    .update();
        }
        d.newHistory.clear();
    }

    /** History rows of a dossier, oldest first. */
    public List<Map<String, Object>> history(long dossierId) {
        return jdbc.sql("SELECT at, actor_name, unit_id, action, from_status, to_status, reason, details::text AS details FROM dossier_history WHERE dossier_id = ? ORDER BY id")
                .param(dossierId).query().listOfRows();
    }

    public Map<String, Object> parseDetails(String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    /** Ids of open dossiers with work (the dossier or an unfinished step) at one of these units. */
    public List<Long> openAt(java.util.Collection<Long> units) {
        return jdbc.sql("""
                SELECT DISTINCT d.id FROM dossier d
                 WHERE d.status IN (1, 2, 4, 5, 6, 9)
                   AND (d.handling_unit_id = ANY(:u) OR EXISTS (SELECT 1 FROM dossier_step s
                        WHERE s.dossier_id = d.id AND s.finished_at IS NULL AND s.unit_id = ANY(:u)))""")
                .param("u", units.toArray(Long[]::new)).query(Long.class).list();
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Dossier d) {
        var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        p.addValue("id", d.id).addValue("version", d.version)
                .addValue("code", d.code).addValue("procedureCode", d.procedureCode).addValue("procedureVersion", d.procedureVersion)
                .addValue("procedureName", d.procedureName).addValue("caseId", d.caseId).addValue("caseName", d.caseName)
                .addValue("channel", d.channel.name()).addValue("status", d.status.code())
                .addValue("kind", d.applicant.kind().name()).addValue("name", d.applicant.fullName())
                .addValue("idNumber", d.applicant.idNumber()).addValue("taxCode", d.applicant.taxCode())
                .addValue("phone", d.applicant.phone()).addValue("email", d.applicant.email())
                .addValue("address", d.applicant.address()).addValue("receivingUnit", d.receivingUnitId)
                .addValue("handlingUnit", d.handlingUnitId).addValue("assignee", d.assigneeId)
                .addValue("currentStep", d.currentStep).addValue("amount", d.durationAmount)
                .addValue("unit", d.durationUnit.name()).addValue("fee", d.feeVnd).addValue("payment", d.paymentAmountVnd)
                .addValue("filedAt", ts(d.filedAt)).addValue("receivedAt", ts(d.receivedAt))
                .addValue("appointmentAt", ts(d.appointmentAt)).addValue("originalAppointmentAt", ts(d.originalAppointmentAt))
                .addValue("pausedSince", ts(d.pausedSince)).addValue("pausedMinutes", d.pausedMinutes)
                .addValue("finishedAt", ts(d.finishedAt)).addValue("returnedAt", ts(d.returnedAt))
                .addValue("returnChannel", d.returnChannel == null ? null : d.returnChannel.name())
                .addValue("resultNumber", d.resultNumber).addValue("resultFileId", d.resultFileId)
                .addValue("supplementCount", d.supplementCount).addValue("apologyCount", d.apologyCount)
                .addValue("supplementItems", d.supplementItems);
        return p;
    }

    private static Dossier mapDossier(ResultSet rs) throws SQLException {
        Dossier d = new Dossier();
        d.id = rs.getLong("id");
        d.code = rs.getString("code");
        d.procedureCode = rs.getString("procedure_code");
        d.procedureVersion = rs.getInt("procedure_version");
        d.procedureName = rs.getString("procedure_name");
        d.caseId = rs.getString("case_id");
        d.caseName = rs.getString("case_name");
        d.channel = Channel.valueOf(rs.getString("channel"));
        d.status = DossierStatus.of(rs.getInt("status"));
        d.applicant = new Applicant(ApplicantKind.valueOf(rs.getString("applicant_kind")), rs.getString("applicant_name"),
                rs.getString("applicant_id_number"), rs.getString("applicant_tax_code"), rs.getString("applicant_phone"),
                rs.getString("applicant_email"), rs.getString("applicant_address"));
        d.receivingUnitId = rs.getLong("receiving_unit_id");
        d.handlingUnitId = rs.getObject("handling_unit_id", Long.class);
        d.assigneeId = rs.getObject("assignee_id", Long.class);
        d.currentStep = rs.getObject("current_step", Integer.class);
        d.durationAmount = rs.getBigDecimal("duration_amount");
        d.durationUnit = DurationUnit.valueOf(rs.getString("duration_unit"));
        d.feeVnd = rs.getLong("fee_vnd");
        d.paymentAmountVnd = rs.getObject("payment_amount_vnd", Long.class);
        d.filedAt = instant(rs, "filed_at");
        d.receivedAt = instant(rs, "received_at");
        d.appointmentAt = instant(rs, "appointment_at");
        d.originalAppointmentAt = instant(rs, "original_appointment_at");
        d.pausedSince = instant(rs, "paused_since");
        d.pausedMinutes = rs.getLong("paused_minutes");
        d.finishedAt = instant(rs, "finished_at");
        d.returnedAt = instant(rs, "returned_at");
        String rc = rs.getString("return_channel");
        d.returnChannel = rc == null ? null : Channel.valueOf(rc);
        d.resultNumber = rs.getString("result_number");
        d.resultFileId = rs.getString("result_file_id");
        d.supplementCount = rs.getInt("supplement_count");
        d.apologyCount = rs.getInt("apology_count");
        d.supplementItems = rs.getString("supplement_items");
        d.version = rs.getInt("version");
        return d;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Action action(String path) {
        for (Action a : Action.values()) {
            if (a.path().equals(path)) {
                return a;
            }
        }
        throw new IllegalArgumentException(path);
    }

    /** Writes the components appended since loading (a supplement sent online); call after {@link #update}. */
    public void appendComponents(Dossier d) {
        for (Integer seq : d.addedComponents) {
            ComponentItem c = d.components.get(seq - 1);
            jdbc.sql("INSERT INTO dossier_component (dossier_id, seq, name, originals, copies, file_id, digitization_state) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id, seq, c.name(), c.originals(), c.copies(), c.fileId(), c.digitization() == null ? 0 : c.digitization())
                    .update();
        }
        d.addedComponents.clear();
    }
}
