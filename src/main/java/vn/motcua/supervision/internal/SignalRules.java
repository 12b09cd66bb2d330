package vn.motcua.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActRefused;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.shared.Texts;
import vn.motcua.supervision.ConductRule;
import vn.motcua.supervision.SignalView;
import vn.motcua.supervision.SubjectType;

/**
 * The conduct rules at work: {@link #onActed} and {@link #onRefused} look at
 * one act as it happens (in its transaction, inside a savepoint so a failing
 * rule never refuses the act), {@link #sweep} at the time-based patterns over
 * the read model (idle steps, late without apology). Each finding is raised
 * once (its dedup key), whatever the number of times it is seen.
 */
@Component
public class SignalRules {

    private static final Logger log = LoggerFactory.getLogger(SignalRules.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM");

    private final RuleStore rules;
    private final SignalStore signals;
    private final JdbcClient jdbc;
    private final CalendarService calendars;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    public SignalRules(RuleStore rules, SignalStore signals, JdbcClient jdbc, CalendarService calendars, Clock clock,
                       PlatformTransactionManager transactions) {
        this.rules = rules;
        this.signals = signals;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One new act: the rules that can see something in it. {@code previousActAt} is the dossier's act before it. */
    public void onActed(DossierActed e, Instant previousActAt) {
        boolean outOfOrder = previousActAt != null && e.at().isBefore(previousActAt);
        // what could be seen at all, before any threshold is read (each threshold's lower bound makes these safe)
        boolean candidate = outOfOrder || switch (e.action()) {
            case REQUEST_SUPPLEMENT -> e.supplementRequests() > 1;
            case APOLOGIZE -> e.apologies() > 1;
            case REFUSE, STOP, WITHDRAW -> true;
            case COMPLETE -> lateWithoutApology(e) || !skippedSteps(e).isEmpty();
            case RECEIVE -> e.details() != null && Boolean.TRUE.equals(e.details().get("backDated"));
            default -> false;
        };
        if (!candidate) {
            return; // the common case: no rule has anything to look at, no query at all
        }
        safely(() -> evaluate(e, outOfOrder ? previousActAt : null));
    }

    /** An act the dossier's rules refused: an attempt that tells of conduct even though nothing changed. */
    public void onRefused(DossierActRefused e) {
        ConductRule rule = switch (e.rule()) {
            case "supplement-once" -> ConductRule.SUPPLEMENT_REPEATED;
            case "apology-once" -> ConductRule.REAPPOINTMENT_REPEATED;
            case "apology-after-deadline" -> ConductRule.LATE_NO_APOLOGY;
            default -> null;
        };
        if (rule == null) {
            return;
        }
        safely(() -> {
            if (!rules.settings(rule).enabled()) {
                return;
            }
            Long unit = e.unit() != null ? e.unit().value() : jdbc.sql("SELECT handling_unit FROM sv_dossier WHERE code = ?")
                    .param(e.code()).query(Long.class).optional().orElse(null);
            Map<String, Object> act = act(e.code(), e.action().path() + " (bị từ chối: " + e.rule() + ")", e.at(),
                    e.actor() == null ? null : e.actor().value(), e.actorName(), null);
            String what = switch (rule) {
                case SUPPLEMENT_REPEATED -> "Yêu cầu bổ sung lần thứ hai đối với hồ sơ " + e.code();
                case REAPPOINTMENT_REPEATED -> "Hẹn lại ngày trả kết quả lần thứ hai đối với hồ sơ " + e.code();
                default -> "Xin lỗi sau khi đã quá hạn đối với hồ sơ " + e.code();
            };
            raise(rule, e.actor() == null ? SubjectType.DOSSIER : SubjectType.OFFICER,
                    e.actor() == null ? e.code() : String.valueOf(e.actor().value()), unit, e.code(), what + " (" + e.actorName() + ")",
                    List.of(act), Map.of("refusedBy", e.rule()), rule.code() + ":" + e.code());
        });
    }

    private void evaluate(DossierActed e, Instant outOfOrderAfter) {
        Long actor = e.actor() == null ? null : e.actor().value();
        // boxed on both sides: a mixed long/Long conditional would unbox the null of an act with no unit
        Long unit = e.unit() != null ? Long.valueOf(e.unit().value())
                : e.handlingUnit() != null ? Long.valueOf(e.handlingUnit().value()) : null;
        SubjectType who = actor == null ? SubjectType.UNIT : SubjectType.OFFICER;
        String whoId = actor == null ? String.valueOf(unit) : String.valueOf(actor);
        String name = e.actorName() == null ? "" : " (" + e.actorName() + ")";
        Map<String, Object> act = act(e.code(), e.action().path(), e.at(), actor, e.actorName(), e.reason());
        String key = e.code() + ":" + e.version() + ":" + e.index();
        switch (e.action()) {
            case REQUEST_SUPPLEMENT -> {
                RuleStore.Settings s = rules.settings(ConductRule.SUPPLEMENT_REPEATED);
                if (s.enabled() && e.supplementRequests() > s.integer("maxRequests")) {
                    raise(ConductRule.SUPPLEMENT_REPEATED, who, whoId, unit, e.code(),
                            "Yêu cầu bổ sung lần thứ " + e.supplementRequests() + " đối với hồ sơ " + e.code() + name,
                            List.of(act), Map.of("supplementRequests", e.supplementRequests()),
                            ConductRule.SUPPLEMENT_REPEATED.code() + ":" + e.code());
                }
            }
            case REFUSE, STOP, WITHDRAW -> {
                reasonMissing(e, who, whoId, unit, act, key, name);
                if (e.action() != Action.WITHDRAW) {
                    refusalRate(e);
                }
            }
            case APOLOGIZE -> {
                RuleStore.Settings s = rules.settings(ConductRule.REAPPOINTMENT_REPEATED);
                if (s.enabled() && e.apologies() > s.integer("maxApologies")) {
                    raise(ConductRule.REAPPOINTMENT_REPEATED, who, whoId, unit, e.code(),
                            "Hẹn lại lần thứ " + e.apologies() + " đối với hồ sơ " + e.code() + name, List.of(act),
                            Map.of("apologies", e.apologies()), ConductRule.REAPPOINTMENT_REPEATED.code() + ":" + e.code());
                }
            }
            case COMPLETE -> {
                RuleStore.Settings late = lateWithoutApology(e) ? rules.settings(ConductRule.LATE_NO_APOLOGY) : null;
                if (late != null && late.enabled() && lateBeyondGrace(e.at(), e.appointmentAt(), late.decimal("graceWorkingDays"))) {
                    raise(ConductRule.LATE_NO_APOLOGY, who, whoId, unit, e.code(),
                            "Hồ sơ " + e.code() + " hoàn thành trễ hạn, không có thư xin lỗi" + name, List.of(act),
                            figures("appointmentAt", e.appointmentAt(), "finishedAt", e.at()),
                            ConductRule.LATE_NO_APOLOGY.code() + ":" + e.code());
                }
                List<?> steps = skippedSteps(e);
                if (!steps.isEmpty() && rules.settings(ConductRule.OUTSIDE_SYSTEM).enabled()) {
                    raise(ConductRule.OUTSIDE_SYSTEM, who, whoId, unit, e.code(),
                            "Hồ sơ " + e.code() + " có kết quả khi các bước chưa được xử lý: " + steps + name, List.of(act),
                            Map.of("skippedSteps", steps), ConductRule.OUTSIDE_SYSTEM.code() + ":skipped:" + e.code());
                }
            }
            case RECEIVE -> {
                RuleStore.Settings s = rules.settings(ConductRule.OUTSIDE_SYSTEM);
                long minutes = e.receivedAt() == null ? 0 : Duration.between(e.receivedAt(), e.at()).toMinutes();
                if (s.enabled() && minutes > s.integer("backDatedToleranceMinutes")) {
                    raise(ConductRule.OUTSIDE_SYSTEM, who, whoId, unit, e.code(),
                            "Hồ sơ " + e.code() + " được ghi tiếp nhận lùi " + minutes + " phút so với lúc nhập" + name,
                            List.of(act), figures("receivedAt", e.receivedAt(), "recordedAt", e.at(), "minutes", minutes),
                            ConductRule.OUTSIDE_SYSTEM.code() + ":backdated:" + e.code());
                }
            }
            default -> {
            }
        }
        if (outOfOrderAfter != null && rules.settings(ConductRule.OUTSIDE_SYSTEM).enabled()) {
            raise(ConductRule.OUTSIDE_SYSTEM, who, whoId, unit, e.code(),
                    "Thao tác trên hồ sơ " + e.code() + " ghi thời điểm trước thao tác liền trước" + name, List.of(act),
                    figures("at", e.at(), "previousActAt", outOfOrderAfter),
                    ConductRule.OUTSIDE_SYSTEM.code() + ":order:" + key);
        }
    }

    private static boolean lateWithoutApology(DossierActed e) {
        Object timing = e.details() == null ? null : e.details().get("timing");
        return "LATE".equals(String.valueOf(timing)) && e.apologies() == 0;
    }

    private static List<?> skippedSteps(DossierActed e) {
        Object skipped = e.details() == null ? null : e.details().get("skippedSteps");
        return skipped instanceof List<?> steps ? steps : List.of();
    }

    private void reasonMissing(DossierActed e, SubjectType who, String whoId, Long unit, Map<String, Object> act, String key,
                               String name) {
        RuleStore.Settings s = rules.settings(ConductRule.REASON_MISSING);
        if (!s.enabled()) {
            return;
        }
        String reason = e.reason() == null ? "" : e.reason().trim();
        String folded = Texts.fold(reason).replaceAll("[\\p{Punct}\\s]+$", "").trim();
        boolean meaningless = s.foldedList("meaningless").contains(folded) || s.foldedList("meaningless").contains(Texts.fold(reason));
        if (reason.length() < s.integer("minChars") || meaningless) {
            raise(ConductRule.REASON_MISSING, who, whoId, unit, e.code(),
                    "Hồ sơ " + e.code() + " " + verb(e.action()) + " với lý do không rõ ràng: «" + reason + "»" + name,
                    List.of(act), figures("reasonLength", reason.length(), "minChars", s.integer("minChars"),
                            "inMeaninglessList", meaningless),
                    ConductRule.REASON_MISSING.code() + ":" + key);
        }
    }

    private static String verb(Action a) {
        return switch (a) {
            case REFUSE -> "bị từ chối tiếp nhận";
            case STOP -> "bị dừng xử lý";
            default -> "bị rút";
        };
    }

    /**
     * The refusal rate (refused at intake or stopped) of the procedure at the
     * receiving unit against all other units, over the window: raised when the
     * unit's rate is at least {@code factor} times the others', both sides have
     * at least {@code minDossiers} dossiers, and the unit refused at least
     * {@code minRefusals}. At most one signal a month per procedure and unit.
     */
    private void refusalRate(DossierActed e) {
        RuleStore.Settings s = rules.settings(ConductRule.REFUSAL_RATE);
        if (!s.enabled() || e.receivingUnit() == null) {
            return;
        }
        Instant now = e.at();
        Map<String, Object> row = jdbc.sql("""
                SELECT count(*) FILTER (WHERE receiving_unit = :unit) AS n_unit,
                       count(*) FILTER (WHERE receiving_unit = :unit AND status IN (3, 8)) AS r_unit,
                       count(*) FILTER (WHERE receiving_unit <> :unit) AS n_other,
                       count(*) FILTER (WHERE receiving_unit <> :unit AND status IN (3, 8)) AS r_other
                FROM sv_dossier WHERE procedure_code = :procedure AND filed_at >= :since
                """).param("unit", e.receivingUnit().value()).param("procedure", e.procedureCode())
                .param("since", Timestamp.from(now.minus(Duration.ofDays(s.integer("windowDays")))))
                .query().singleRow();
        long nUnit = ((Number) row.get("n_unit")).longValue();
        long rUnit = ((Number) row.get("r_unit")).longValue();
        long nOther = ((Number) row.get("n_other")).longValue();
        long rOther = ((Number) row.get("r_other")).longValue();
        int min = s.integer("minDossiers");
        if (nUnit < min || nOther < min || rUnit < s.integer("minRefusals")) {
            return;
        }
        BigDecimal rateUnit = BigDecimal.valueOf(rUnit).divide(BigDecimal.valueOf(nUnit), 4, RoundingMode.HALF_UP);
        BigDecimal rateOther = BigDecimal.valueOf(rOther).divide(BigDecimal.valueOf(nOther), 4, RoundingMode.HALF_UP);
        if (rateUnit.compareTo(rateOther) <= 0 || rateUnit.compareTo(rateOther.multiply(s.decimal("factor"))) < 0) {
            return;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dossiersAtUnit", nUnit);
        figures.put("refusedAtUnit", rUnit);
        figures.put("rateAtUnit", rateUnit);
        figures.put("dossiersElsewhere", nOther);
        figures.put("refusedElsewhere", rOther);
        figures.put("rateElsewhere", rateOther);
        figures.put("factor", s.decimal("factor"));
        figures.put("windowDays", s.integer("windowDays"));
        List<String> codes = jdbc.sql("""
                SELECT code FROM sv_dossier WHERE procedure_code = ? AND receiving_unit = ? AND status IN (3, 8) AND filed_at >= ?
                ORDER BY last_act_at DESC LIMIT 50
                """).params(e.procedureCode(), e.receivingUnit().value(),
                        Timestamp.from(now.minus(Duration.ofDays(s.integer("windowDays")))))
                .query(String.class).list();
        signals.raise(new SignalStore.Finding(ConductRule.REFUSAL_RATE, SubjectType.PROCEDURE, e.procedureCode(),
                e.receivingUnit().value(), null,
                "Thủ tục " + e.procedureCode() + ": tỷ lệ từ chối " + percent(rateUnit) + " so với " + percent(rateOther)
                        + " ở các đơn vị khác",
                new SignalView.Evidence(codes, List.of(), figures),
                ConductRule.REFUSAL_RATE.code() + ":" + e.procedureCode() + ":" + e.receivingUnit().value() + ":"
                        + DAY.format(now.atOffset(ZoneOffset.UTC))), clock.instant());
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private boolean lateBeyondGrace(Instant end, Instant appointment, BigDecimal graceDays) {
        if (appointment == null || !end.isAfter(appointment)) {
            return false;
        }
        if (graceDays.signum() == 0) {
            return true;
        }
        return calendars.calendar().workingMinutesBetween(appointment, end) > graceDays.multiply(BigDecimal.valueOf(480)).longValue();
    }

    /**
     * The time-based rules over the whole read model, one statement each:
     * a step whose due time (plus grace) has passed with no act since, and an
     * open dossier overdue (plus grace) with no apology. Run by
     * {@code SignalSweepJob} once across the nodes; returns the signals raised.
     */
    public int sweep() {
        Instant now = clock.instant();
        WorkingCalendar cal = calendars.calendar();
        int raised = 0;
        RuleStore.Settings idle = rules.settings(ConductRule.IDLE_STEP);
        if (idle.enabled()) {
            raised += jdbc.sql("""
                    INSERT INTO sv_signal (rule_code, subject_type, subject_id, unit_id, dossier_code, summary, evidence, dedup_key, opened_at)
                    SELECT 'idle-step', CASE WHEN d.assignee IS NULL THEN 'UNIT' ELSE 'OFFICER' END,
                           coalesce(d.assignee, d.handling_unit)::text, d.handling_unit, d.code,
                           'Hồ sơ ' || d.code || ' quá hạn bước xử lý, không có thao tác nào từ khi đến hạn bước',
                           jsonb_build_object('dossiers', jsonb_build_array(d.code), 'acts', '[]'::jsonb,
                               'figures', jsonb_build_object('stepDueAt', d.step_due_at, 'lastActAt', d.last_act_at)),
                           'idle-step:' || d.code || ':' || extract(epoch FROM d.step_due_at)::bigint, :now
                    FROM sv_dossier d
                    WHERE d.status IN (2, 4) AND d.handling_unit IS NOT NULL
                      AND d.step_due_at < :threshold AND d.last_act_at < d.step_due_at
                    ON CONFLICT (dedup_key) DO NOTHING
                    """).param("now", Timestamp.from(now))
                    .param("threshold", Timestamp.from(WorkingTime.before(cal, now, idle.decimal("graceWorkingDays"))))
                    .update();
        }
        RuleStore.Settings late = rules.settings(ConductRule.LATE_NO_APOLOGY);
        if (late.enabled()) {
            raised += jdbc.sql("""
                    INSERT INTO sv_signal (rule_code, subject_type, subject_id, unit_id, dossier_code, summary, evidence, dedup_key, opened_at)
                    SELECT 'late-no-apology', CASE WHEN d.assignee IS NULL THEN 'UNIT' ELSE 'OFFICER' END,
                           coalesce(d.assignee, d.handling_unit)::text, d.handling_unit, d.code,
                           'Hồ sơ ' || d.code || ' đã quá hạn, chưa có thư xin lỗi',
                           jsonb_build_object('dossiers', jsonb_build_array(d.code), 'acts', '[]'::jsonb,
                               'figures', jsonb_build_object('appointmentAt', d.appointment_at, 'apologies', d.apologies)),
                           'late-no-apology:' || d.code, :now
                    FROM sv_dossier d
                    WHERE d.status IN %s AND d.handling_unit IS NOT NULL AND d.apologies = 0
                      AND d.appointment_at < :threshold AND (d.status IN %s OR d.paused_since > d.appointment_at)
                    ON CONFLICT (dedup_key) DO NOTHING
                    """.formatted(DossierStatus.sqlList(DossierStatus.OPEN), DossierStatus.sqlList(DossierStatus.CLOCK_RUNNING)))
                    .param("now", Timestamp.from(now))
                    .param("threshold", Timestamp.from(WorkingTime.before(cal, now, late.decimal("graceWorkingDays"))))
                    .update();
        }
        return raised;
    }

    private void raise(ConductRule rule, SubjectType type, String id, Long unit, String code, String summary,
                       List<Map<String, Object>> acts, Map<String, Object> figures, String key) {
        signals.raise(new SignalStore.Finding(rule, type, id, unit, code, summary,
                new SignalView.Evidence(code == null ? List.of() : List.of(code), acts, figures), key), clock.instant());
    }

    private static Map<String, Object> act(String code, String action, Instant at, Long actor, String actorName, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("action", action);
        m.put("at", at == null ? null : at.toString());
        m.put("actor", actor);
        m.put("actorName", actorName);
        m.put("reason", reason);
        return m;
    }

    private static Map<String, Object> figures(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Instant t ? t.toString() : v);
        }
        return m;
    }

    /**
     * A complaint or dislike about an officer (null: none identified) at a
     * unit (a desk or the officer's unit), recorded once per source and
     * reference; then rule {@code feedback-concentration}: over the last
     * {@code windowDays}, an officer with at least {@code minComplaints}
     * complaints and at least {@code share} of their unit's, or a unit with
     * as many and at least that share of the complaints about the units
     * beside it (same parent), raises one signal a month.
     */
    public void onComplaint(String source, String ref, Long officer, long unit, Collection<Long> siblings, String dossierCode,
                            Instant at, String what, String unitName) {
        safely(() -> {
            int added = jdbc.sql("""
                    INSERT INTO sv_complaint (source, ref, officer, unit, dossier_code, at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).params(source, ref, officer, unit, dossierCode, Timestamp.from(at)).update();
            if (added == 0) {
                return; // seen already
            }
            RuleStore.Settings s = rules.settings(ConductRule.FEEDBACK_CONCENTRATION);
            if (!s.enabled()) {
                return;
            }
            int window = s.integer("windowDays");
            Instant since = at.minus(Duration.ofDays(window));
            int min = s.integer("minComplaints");
            BigDecimal share = s.decimal("share");
            String month = DAY.format(at.atOffset(ZoneOffset.UTC));
            long atUnit = jdbc.sql("SELECT count(*) FROM sv_complaint WHERE unit = ? AND at > ? AND at <= ?")
                    .params(unit, Timestamp.from(since), Timestamp.from(at)).query(Long.class).single();
            if (officer != null) {
                long mine = jdbc.sql("SELECT count(*) FROM sv_complaint WHERE unit = ? AND officer = ? AND at > ? AND at <= ?")
                        .params(unit, officer, Timestamp.from(since), Timestamp.from(at)).query(Long.class).single();
                if (mine >= min && BigDecimal.valueOf(mine).compareTo(share.multiply(BigDecimal.valueOf(atUnit))) >= 0) {
                    concentrated(SubjectType.OFFICER, String.valueOf(officer), unit, "officer = " + officer + " AND unit = " + unit,
                            mine, atUnit, share, window, min, since, at,
                            "Phản ánh, không hài lòng tập trung vào cán bộ " + (what == null ? officer : what) + ": " + mine
                                    + "/" + atUnit + " của đơn vị trong " + window + " ngày",
                            ConductRule.FEEDBACK_CONCENTRATION.code() + ":officer:" + officer + ":" + month);
                }
            }
            if (siblings != null && siblings.size() > 1) {
                long around = jdbc.sql("SELECT count(*) FROM sv_complaint WHERE unit = ANY(?) AND at > ? AND at <= ?")
                        .params(siblings.toArray(Long[]::new), Timestamp.from(since), Timestamp.from(at)).query(Long.class).single();
                if (atUnit >= min && BigDecimal.valueOf(atUnit).compareTo(share.multiply(BigDecimal.valueOf(around))) >= 0) {
                    concentrated(SubjectType.UNIT, String.valueOf(unit), unit, "unit = " + unit, atUnit, around, share, window, min,
                            since, at, "Phản ánh, không hài lòng tập trung vào đơn vị/quầy " + (unitName == null ? unit : unitName) + ": " + atUnit + "/" + around
                                    + " của các đơn vị cùng cấp trong " + window + " ngày",
                            ConductRule.FEEDBACK_CONCENTRATION.code() + ":unit:" + unit + ":" + month);
                }
            }
        });
    }

    private void concentrated(SubjectType type, String id, long unit, String where, long mine, long all, BigDecimal share, int window,
                              int min, Instant since, Instant at, String summary, String key) {
        List<Map<String, Object>> acts = new java.util.ArrayList<>();
        List<String> codes = new java.util.ArrayList<>();
        jdbc.sql("SELECT source, ref, dossier_code, officer, at FROM sv_complaint WHERE " + where
                        + " AND at > ? AND at <= ? ORDER BY at DESC LIMIT 50")
                .params(Timestamp.from(since), Timestamp.from(at)).query((rs, n) -> {
                    String code = rs.getString(3);
                    if (code != null && !codes.contains(code)) {
                        codes.add(code);
                    }
                    long o = rs.getLong(4);
                    acts.add(act(code, "RATING".equals(rs.getString(1)) ? "rating-not-satisfied" : "feedback:" + rs.getString(2),
                            rs.getTimestamp(5).toInstant(), rs.wasNull() ? null : o, null, null));
                    return null;
                }).list();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("complaints", mine);
        figures.put("complaintsCompared", all);
        figures.put("share", all == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(mine).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP));
        figures.put("minShare", share);
        figures.put("minComplaints", min);
        figures.put("windowDays", window);
        signals.raise(new SignalStore.Finding(ConductRule.FEEDBACK_CONCENTRATION, type, id, unit, null, summary,
                new SignalView.Evidence(codes, acts, figures), key), clock.instant());
    }

    private void safely(Runnable rule) {
        try {
            savepoint.executeWithoutResult(s -> rule.run());
        } catch (RuntimeException e) {
            log.warn("A conduct rule failed; the act stands and no signal was raised", e);
        }
    }
}
