package vn.motcua.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The conduct rules (DOMAIN.md §8) by code. Their names and thresholds are
 * rows of {@code sv_rule}/{@code sv_rule_param}, which a supervisor edits;
 * what each rule looks at is fixed here and in docs/supervision.md.
 */
public enum ConductRule {
    /** A second supplement request (refused by rule supplement-once, or one more than maxRequests). */
    SUPPLEMENT_REPEATED("supplement-repeated", true),
    /** A refusal, stop or withdrawal whose reason is shorter than minChars or in the list of meaningless ones. */
    REASON_MISSING("reason-missing", true),
    /** One unit refuses or stops a procedure's dossiers at ≥ factor × the other units' rate, over ≥ minDossiers each. */
    REFUSAL_RATE("refusal-rate", true),
    /** The step's due time passed (plus grace) with no act since: the dossier lies idle with its holder. Sweep. */
    IDLE_STEP("idle-step", true),
    /** Late (finished late or overdue now) with no apology letter. Event and sweep. */
    LATE_NO_APOLOGY("late-no-apology", true),
    /** More than maxApologies re-appointments, or one more attempted (refused by rule apology-once). */
    REAPPOINTMENT_REPEATED("reappointment-repeated", true),
    /** Steps skipped at completion, acts dated before the act before them, or a receipt back-dated beyond the tolerance. */
    OUTSIDE_SYSTEM("outside-system", true),
    /** Complaints or dislikes concentrated on one officer or desk: waits for the feedback module's events. */
    FEEDBACK_CONCENTRATION("feedback-concentration", true);

    private final String code;
    private final boolean hasSource;

    ConductRule(String code, boolean hasSource) {
        this.code = code;
        this.hasSource = hasSource;
    }

    public String code() {
        return code;
    }

    /** Whether the data the rule reads exists yet (the feedback module's events do not). */
    public boolean hasSource() {
        return hasSource;
    }

    public static Optional<ConductRule> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
