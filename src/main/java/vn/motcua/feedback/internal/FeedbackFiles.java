package vn.motcua.feedback.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OfficerScope;
import vn.motcua.warehouse.FileAccessPolicy;

/**
 * Who may read a file attached to a PAKN besides its uploader: staff whose
 * scope lets them see that PAKN (the desk, the unit it is routed to,
 * supervisors). Attachments are never public, not even once the answer is.
 */
@Component
class FeedbackFiles implements FileAccessPolicy {

    private final FeedbackStore store;
    private final FeedbackAccess access;

    FeedbackFiles(FeedbackStore store, FeedbackAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public boolean mayRead(UUID fileId, OfficerScope scope) {
        return store.codesAttaching(fileId).stream()
                .anyMatch(code -> store.find(code).map(f -> access.sees(f, scope, access.deskIn(scope))).orElse(false));
    }
}
