package vn.motcua.shared;

import java.util.Arrays;

/**
 * A business or lifecycle rule refused an act. The {@code rule} is a stable,
 * machine-readable name (e.g. {@code supplement-once}); the message key points
 * into the message bundles so the person sees it in their language. The API
 * answers 409 with the rule as a problem-detail member.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String rule;
    private final String messageKey;
    private final transient Object[] args;

    public DomainRuleViolation(String rule, String messageKey, Object... args) {
        super(rule + ": " + messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.rule = rule;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
