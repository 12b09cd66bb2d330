package vn.motcua.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conduct signal with its evidence: the dossiers, the acts (action, time,
 * officer, reason) and the figures the rule compared.
 */
public record SignalView(long id, String rule, String ruleName, SubjectType subjectType, String subjectId,
                         String subjectLabel, Long unitId, String unitName, String dossierCode, String summary,
                         Evidence evidence, String status, Instant openedAt, Resolution resolution, String note,
                         String resolvedBy, Instant resolvedAt) {

    /** What the rule saw. */
    public record Evidence(List<String> dossiers, List<Map<String, Object>> acts, Map<String, Object> figures) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
