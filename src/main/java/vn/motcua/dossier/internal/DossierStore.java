package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
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
 * Loads and saves the dossier aggregate with plain SQL, one statement each
 * (children as JSON on the way in, arrays through {@code unnest} on the way
 * out). Saving checks the version (optimistic locking: the second of two
 * concurrent acts fails) and appends the act's history and hand-over rows in
 *
 * <p>Why some 500 lines: it is the aggregate's whole mapping (one insert and
 * one update of the dossier with its components, steps, hand-overs, history
 * and the applicant's notices, each a single round trip) and its loading, in
 * SQL kept side by side with the array parameters it binds. Split, the
 * column lists and their parameters would live in different files.
 * the same statement.
 */
@Repository
public class DossierStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DossierStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The dossier row with its components, steps and hand-overs in one
     * statement (the children as JSON arrays), so loading the aggregate is
     * one round trip instead of four. The children's times travel as epoch
     * microseconds: parsing ISO text with offsets took a few percent of an
     * act's CPU in the profile.
     */
    private static final String LOAD = """
            SELECT d.*,
              (SELECT json_agg(json_build_array(c.name, c.originals, c.copies, c.file_id, c.digitization_state) ORDER BY c.seq)
                 FROM dossier_component c WHERE c.dossier_id = d.id)::text AS components_json,
              (SELECT json_agg(json_build_array(s.seq, s.name, s.role, s.unit_id, s.assignee_id, s.share::text,
                                                (extract(epoch FROM s.due_at) * 1000000)::bigint, (extract(epoch FROM s.started_at) * 1000000)::bigint,
                                                (extract(epoch FROM s.finished_at) * 1000000)::bigint) ORDER BY s.seq)
                 FROM dossier_step s WHERE s.dossier_id = d.id)::text AS steps_json,
              (SELECT json_agg(json_build_array(h.seq, h.step_seq, h.from_unit_id, h.to_unit_id,
                                                (extract(epoch FROM h.handed_at) * 1000000)::bigint, h.deliverer, h.receiver,
                                                (extract(epoch FROM h.step_due_at) * 1000000)::bigint, h.timing) ORDER BY h.seq)
                 FROM dossier_handover h WHERE h.dossier_id = d.id)::text AS handovers_json
              FROM dossier d""";

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql(LOAD + " WHERE d.code = ?").param(code).query((rs, n) -> mapAggregate(rs)).optional();
    }

    public Optional<Dossier> findById(long id) {
        return jdbc.sql(LOAD + " WHERE d.id = ?").param(id).query((rs, n) -> mapAggregate(rs)).optional();
    }

    private Dossier mapAggregate(ResultSet rs) throws SQLException {
        Dossier d = mapDossier(rs);
        d.components = new ArrayList<>();
        for (JsonNode c : array(rs.getString("components_json"))) {
            d.components.add(new ComponentItem(str(c.get(0)), c.get(1).asInt(), c.get(2).asInt(), str(c.get(3)), c.get(4).asInt()));
        }
        d.steps = new ArrayList<>();
        for (JsonNode s : array(rs.getString("steps_json"))) {
            d.steps.add(new Dossier.Step(s.get(0).asInt(), str(s.get(1)), Role.valueOf(str(s.get(2))), lng(s.get(3)), lng(s.get(4)),
                    new BigDecimal(str(s.get(5))), time(s.get(6)), time(s.get(7)), time(s.get(8))));
        }
        d.handovers = new ArrayList<>();
        for (JsonNode h : array(rs.getString("handovers_json"))) {
            String timing = str(h.get(8));
            d.handovers.add(new Dossier.Handover(h.get(0).asInt(), h.get(1).isNull() ? null : h.get(1).asInt(), lng(h.get(2)),
                    lng(h.get(3)), time(h.get(4)), str(h.get(5)), str(h.get(6)), time(h.get(7)), timing == null ? null : Timing.valueOf(timing)));
        }
        d.savedSteps = stepStates(d);
        return d;
    }

    private Iterable<JsonNode> array(String text) {
        return text == null ? List.of() : json.readTree(text);
    }

    private static String str(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }

    private static Long lng(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }

    /** A time sent as epoch microseconds (see LOAD). */
    private static Instant time(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        long micros = n.asLong();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static List<Object> stepStates(Dossier d) {
        List<Object> out = new ArrayList<>(d.steps.size());
        for (Dossier.Step s : d.steps) {
            out.add(Arrays.asList(s.seq, s.unitId, s.assigneeId, s.dueAt, s.startedAt, s.finishedAt));
        }
        return out;
    }

    /**
     * Inserts a new dossier with its components, steps, hand-overs and
     * history in one statement (one round trip).
     */
    public void insert(Dossier d) {
        MapSqlParameterSource p = params(d);
        addComponents(p, d.components);
        addSteps(p, d.steps);
        addAppendOnly(p, d);
        d.id = jdbc.sql("""
                WITH d AS (
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
                  RETURNING id),
                c AS (
                  INSERT INTO dossier_component (dossier_id, seq, name, originals, copies, file_id, digitization_state)
                  SELECT d.id, v.seq, v.name, v.originals, v.copies, v.file_id, v.state
                    FROM d, unnest(CAST(:cSeq AS int[]), CAST(:cName AS text[]), CAST(:cOriginals AS int[]), CAST(:cCopies AS int[]),
                                   CAST(:cFile AS text[]), CAST(:cState AS smallint[])) AS v(seq, name, originals, copies, file_id, state)),
                s AS (
                  INSERT INTO dossier_step (dossier_id, seq, name, role, unit_id, assignee_id, share, due_at, started_at, finished_at)
                  SELECT d.id, v.seq, v.name, v.role, v.unit_id, v.assignee_id, v.share, v.due_at, v.started_at, v.finished_at
                    FROM d, unnest(CAST(:sSeq AS int[]), CAST(:sName AS text[]), CAST(:sRole AS text[]), CAST(:sUnit AS bigint[]),
                                   CAST(:sAssignee AS bigint[]), CAST(:sShare AS numeric[]), CAST(:sDue AS timestamptz[]),
                                   CAST(:sStarted AS timestamptz[]), CAST(:sFinished AS timestamptz[]))
                         AS v(seq, name, role, unit_id, assignee_id, share, due_at, started_at, finished_at)),
                """ + APPEND_ONLY + """
                SELECT id FROM d""")
                .paramSource(p).query(Long.class).single();
        d.newHandovers.clear();
        d.newHistory.clear();
        d.newNotices.clear();
        d.savedSteps = stepStates(d);
    }

    /** Gives a freshly inserted dossier its final code, the next number of its unit and day (see DossierCodes). */
    public String assignCode(Dossier d, DossierCodes codes, long unitId, String unitCode, java.time.LocalDate day) {
        d.code = codes.assign(d.id, unitId, unitCode, day);
        return d.code;
    }

    /**
     * Saves an act in one statement (one round trip): the dossier row with
     * the version check, the steps that changed, and the act's hand-over and
     * history rows. The children are written only through the updated row,
     * so a failed version check writes nothing.
     */
    public void update(Dossier d) {
        MapSqlParameterSource p = params(d);
        List<Dossier.Step> changed = new ArrayList<>();
        List<Object> now = stepStates(d);
        for (int i = 0; i < d.steps.size(); i++) {
            if (i >= d.savedSteps.size() || !now.get(i).equals(d.savedSteps.get(i))) {
                changed.add(d.steps.get(i));
            }
        }
        addSteps(p, changed);
        addAppendOnly(p, d);
        int n = jdbc.sql("""
                WITH d AS (
                  UPDATE dossier SET status = :status, handling_unit_id = :handlingUnit, assignee_id = :assignee,
                    current_step = :currentStep, payment_amount_vnd = :payment, received_at = :receivedAt,
                    appointment_at = :appointmentAt, original_appointment_at = :originalAppointmentAt,
                    paused_since = :pausedSince, paused_minutes = :pausedMinutes, finished_at = :finishedAt,
                    returned_at = :returnedAt, return_channel = :returnChannel, result_number = :resultNumber,
                    result_file_id = :resultFileId, supplement_count = :supplementCount, apology_count = :apologyCount,
                    supplement_items = :supplementItems, version = version + 1
                  WHERE id = :id AND version = :version
                  RETURNING id),
                s AS (
                  UPDATE dossier_step t SET unit_id = v.unit_id, assignee_id = v.assignee_id, due_at = v.due_at,
                    started_at = v.started_at, finished_at = v.finished_at
                    FROM d, unnest(CAST(:sSeq AS int[]), CAST(:sUnit AS bigint[]), CAST(:sAssignee AS bigint[]),
                                   CAST(:sDue AS timestamptz[]), CAST(:sStarted AS timestamptz[]), CAST(:sFinished AS timestamptz[]))
                         AS v(seq, unit_id, assignee_id, due_at, started_at, finished_at)
                   WHERE t.dossier_id = d.id AND t.seq = v.seq),
                """ + APPEND_ONLY + """
                SELECT count(*) FROM d""")
                .paramSource(p).query(Integer.class).single();
        if (n == 0) {
            throw new OptimisticLockingFailureException("dossier " + d.code + " changed since version " + d.version);
        }
        d.version++;
        d.newHandovers.clear();
        d.newHistory.clear();
        d.newNotices.clear();
        d.savedSteps = now;
        writeComponents(d);
    }

    /**
     * The hand-over, history and applicant-notice inserts shared by insert and
     * update; all read the dossier id from {@code d}.
     */
    private static final String APPEND_ONLY = """
            h AS (
              INSERT INTO dossier_handover (dossier_id, seq, step_seq, from_unit_id, to_unit_id, handed_at, deliverer, receiver,
                                            step_due_at, timing)
              SELECT d.id, v.seq, v.step_seq, v.from_unit, v.to_unit, v.handed_at, v.deliverer, v.receiver, v.step_due_at, v.timing
                FROM d, unnest(CAST(:hSeq AS int[]), CAST(:hStep AS int[]), CAST(:hFrom AS bigint[]), CAST(:hTo AS bigint[]),
                               CAST(:hAt AS timestamptz[]), CAST(:hDeliverer AS text[]), CAST(:hReceiver AS text[]),
                               CAST(:hDue AS timestamptz[]), CAST(:hTiming AS text[]))
                     AS v(seq, step_seq, from_unit, to_unit, handed_at, deliverer, receiver, step_due_at, timing)),
            e AS (
              INSERT INTO dossier_history (dossier_id, at, actor_id, actor_name, unit_id, action, from_status, to_status, reason, details)
              SELECT d.id, v.at, v.actor_id, v.actor_name, v.unit_id, v.action, v.from_status, v.to_status, v.reason, v.details
                FROM d, unnest(CAST(:eAt AS timestamptz[]), CAST(:eActor AS bigint[]), CAST(:eActorName AS text[]),
                               CAST(:eUnit AS bigint[]), CAST(:eAction AS text[]), CAST(:eFrom AS smallint[]), CAST(:eTo AS smallint[]),
                               CAST(:eReason AS text[]), CAST(:eDetails AS jsonb[]))
                     WITH ORDINALITY AS v(at, actor_id, actor_name, unit_id, action, from_status, to_status, reason, details, n)
               ORDER BY v.n),
            n AS (
              INSERT INTO applicant_notice (dossier_id, kind, detail, created_at, next_attempt_at)
              SELECT d.id, v.kind, v.detail, v.at, now()
                FROM d, unnest(CAST(:nKind AS text[]), CAST(:nDetail AS text[]), CAST(:nAt AS timestamptz[]))
                     WITH ORDINALITY AS v(kind, detail, at, n)
               ORDER BY v.n)
            """;

    private static void addComponents(MapSqlParameterSource p, List<ComponentItem> items) {
        int k = items.size();
        Integer[] seq = new Integer[k];
        String[] name = new String[k];
        Integer[] originals = new Integer[k];
        Integer[] copies = new Integer[k];
        String[] file = new String[k];
        Integer[] state = new Integer[k];
        for (int i = 0; i < k; i++) {
            ComponentItem c = items.get(i);
            seq[i] = i + 1;
            name[i] = c.name();
            originals[i] = c.originals();
            copies[i] = c.copies();
            file[i] = c.fileId();
            state[i] = c.digitization() == null ? 0 : c.digitization();
        }
        p.addValue("cSeq", seq).addValue("cName", name).addValue("cOriginals", originals).addValue("cCopies", copies)
                .addValue("cFile", file).addValue("cState", state);
    }

    private static void addSteps(MapSqlParameterSource p, List<Dossier.Step> steps) {
        int k = steps.size();
        Integer[] seq = new Integer[k];
        String[] name = new String[k];
        String[] role = new String[k];
        Long[] unit = new Long[k];
        Long[] assignee = new Long[k];
        String[] share = new String[k];
        String[] due = new String[k];
        String[] started = new String[k];
        String[] finished = new String[k];
        for (int i = 0; i < k; i++) {
            Dossier.Step s = steps.get(i);
            seq[i] = s.seq;
            name[i] = s.name;
            role[i] = s.role.name();
            unit[i] = s.unitId;
            assignee[i] = s.assigneeId;
            share[i] = s.share == null ? null : s.share.toPlainString();
            due[i] = text(s.dueAt);
            started[i] = text(s.startedAt);
            finished[i] = text(s.finishedAt);
        }
        p.addValue("sSeq", seq).addValue("sName", name).addValue("sRole", role).addValue("sUnit", unit)
                .addValue("sAssignee", assignee).addValue("sShare", share).addValue("sDue", due)
                .addValue("sStarted", started).addValue("sFinished", finished);
    }

    private void addAppendOnly(MapSqlParameterSource p, Dossier d) {
        int k = d.newHandovers.size();
        Integer[] seq = new Integer[k];
        Integer[] step = new Integer[k];
        Long[] from = new Long[k];
        Long[] to = new Long[k];
        String[] at = new String[k];
        String[] deliverer = new String[k];
        String[] receiver = new String[k];
        String[] due = new String[k];
        String[] timing = new String[k];
        for (int i = 0; i < k; i++) {
            Dossier.Handover h = d.newHandovers.get(i);
            seq[i] = h.seq();
            step[i] = h.stepSeq();
            from[i] = h.fromUnitId();
            to[i] = h.toUnitId();
            at[i] = text(h.handedAt());
            deliverer[i] = h.deliverer();
            receiver[i] = h.receiver();
            due[i] = text(h.stepDueAt());
            timing[i] = h.timing() == null ? null : h.timing().name();
        }
        p.addValue("hSeq", seq).addValue("hStep", step).addValue("hFrom", from).addValue("hTo", to).addValue("hAt", at)
                .addValue("hDeliverer", deliverer).addValue("hReceiver", receiver).addValue("hDue", due).addValue("hTiming", timing);
        int m = d.newHistory.size();
        String[] eAt = new String[m];
        Long[] actor = new Long[m];
        String[] actorName = new String[m];
        Long[] unit = new Long[m];
        String[] action = new String[m];
        Integer[] fromStatus = new Integer[m];
        Integer[] toStatus = new Integer[m];
        String[] reason = new String[m];
        String[] details = new String[m];
        for (int i = 0; i < m; i++) {
            Dossier.HistoryEntry e = d.newHistory.get(i);
            eAt[i] = text(e.at());
            actor[i] = e.actorId();
            actorName[i] = e.actorName();
            unit[i] = e.unitId();
            action[i] = e.action().path();
            fromStatus[i] = e.from() == null ? null : e.from().code();
            toStatus[i] = e.to().code();
            reason[i] = e.reason();
            details[i] = json.writeValueAsString(e.details());
        }
        int q = d.newNotices.size();
        String[] nKind = new String[q];
        String[] nDetail = new String[q];
        String[] nAt = new String[q];
        for (int i = 0; i < q; i++) {
            Dossier.Notice x = d.newNotices.get(i);
            nKind[i] = x.kind().name();
            nDetail[i] = x.detail();
            nAt[i] = text(x.at());
        }
        p.addValue("nKind", nKind).addValue("nDetail", nDetail).addValue("nAt", nAt);
        p.addValue("eAt", eAt).addValue("eActor", actor).addValue("eActorName", actorName).addValue("eUnit", unit)
                .addValue("eAction", action).addValue("eFrom", fromStatus).addValue("eTo", toStatus)
                .addValue("eReason", reason).addValue("eDetails", details);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
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
                 WHERE %s
                   AND (d.handling_unit_id = ANY(:u) OR EXISTS (SELECT 1 FROM dossier_step s
                        WHERE s.dossier_id = d.id AND s.finished_at IS NULL AND s.unit_id = ANY(:u)))""".formatted(StatusSql.PENDING))
                .param("u", units.toArray(Long[]::new)).query(Long.class).list();
    }

    private MapSqlParameterSource params(Dossier d) {
        var p = new MapSqlParameterSource();
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

    /**
     * The components an act changed (a scan gave one its file) or appended
     * (papers the applicant sent as a supplement). Rare acts, so plain
     * statements after the act's own; they run only once the version check
     * of {@link #update} has passed, in the same transaction.
     */
    private void writeComponents(Dossier d) {
        for (Integer seq : d.changedComponents) {
            ComponentItem c = d.components.get(seq - 1);
            jdbc.sql("UPDATE dossier_component SET file_id = ?, digitization_state = ? WHERE dossier_id = ? AND seq = ?")
                    .params(c.fileId(), c.digitization() == null ? 0 : c.digitization(), d.id, seq).update();
        }
        d.changedComponents.clear();
        for (Integer seq : d.addedComponents) {
            ComponentItem c = d.components.get(seq - 1);
            jdbc.sql("INSERT INTO dossier_component (dossier_id, seq, name, originals, copies, file_id, digitization_state) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id, seq, c.name(), c.originals(), c.copies(), c.fileId(), c.digitization() == null ? 0 : c.digitization())
                    .update();
        }
        d.addedComponents.clear();
    }
}
