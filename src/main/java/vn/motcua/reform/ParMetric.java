package vn.motcua.reform;

/**
 * A PAR INDEX criterion MotCua can propose a score for from its own data,
 * through the indicators and feedback modules' published figures: points =
 * the criterion's maximum × the rate (docs/reform.md §3).
 */
public enum ParMetric {
    /** Dossiers handled on time (the 766 index's ON_TIME numerator ÷ denominator). */
    ON_TIME,
    /** Dossiers filed online in full (the 766 index's ONLINE_FULL_PROCESS). */
    ONLINE,
    /** PAKN answered and published on time ÷ PAKN answered (feedback's statistics). */
    FEEDBACK_ON_TIME,
    /** Ratings "satisfied" or "very satisfied" ÷ ratings (feedback's statistics). */
    SATISFACTION,
    /** The 766 index's total ÷ its maximum. */
    INDEX_766;

    public static java.util.Optional<ParMetric> of(String s) {
        if (s == null || s.isBlank()) {
            return java.util.Optional.empty();
        }
        for (ParMetric m : values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
