package vn.motcua.catalog;

import java.time.OffsetDateTime;
import vn.motcua.organization.UnitLevel;

/**
 * A procedure as the administrators' list shows it: its latest version's name
 * and field, its status, which version is public and whether a newer draft waits.
 */
public record ProcedureOverview(String code, String name, String field, UnitLevel level, ProcedureStatus status,
                                int latestVersion, Integer publishedVersion, VersionStatus latestStatus,
                                OffsetDateTime updatedAt) {

    /** A draft newer than the published version waits for its deciding act. */
    public boolean hasPendingDraft() {
        return status != ProcedureStatus.DRAFT && latestStatus == VersionStatus.DRAFT;
    }
}
