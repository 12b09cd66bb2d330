package vn.motcua.portal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A citizen's online filing in progress (or submitted, then naming its
 * dossier). Components come from the procedure's list; each is uploaded
 * (digitisation state 1) or taken from the personal data warehouse (2 or 3).
 */
public record FilingDraft(UUID id, long accountId, String identityNumber, String procedureCode, String caseId,
                          Long competentUnitId, String phone, String email, String address, String status,
                          String dossierCode, List<Component> components, OffsetDateTime updatedAt, int version) {

    public FilingDraft {
        components = components == null ? List.of() : List.copyOf(components);
    }

    public boolean submitted() {
        return "SUBMITTED".equals(status);
    }

    /** How many components carry a file. */
    public long attached() {
        return components.stream().filter(c -> c.fileId() != null).count();
    }

    /** One paper of the draft. */
    public record Component(int seq, String name, int originals, int copies, UUID fileId, String fileName,
                            UUID documentId, int digitization) {

        public boolean reused() {
            return digitization == 2 || digitization == 3;
        }
    }
}
