package vn.motcua.dossier;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.internal.DossierReplay;

/**
 * The dossiers' histories replayed as {@link DossierActed} values, for a
 * module that rebuilds its read model from them instead of reading the
 * dossier module's tables. Not a user-facing read: no scope applies, so a
 * caller exposes nothing of it without its own guard.
 */
@Service
public class DossierHistory {

    /** The most dossiers one page returns. */
    public static final int MAX_PAGE = 5_000;

    private final DossierReplay replay;

    public DossierHistory(DossierReplay replay) {
        this.replay = replay;
    }

    /**
     * The next page of dossiers after {@code afterCode} (null or empty for the
     * first), in code order, each with its acts in history order; an empty
     * list when there are no more. Runs in the caller's transaction, if any.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<DossierActs> replayActs(String afterCode, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page size " + limit + " not in 1.." + MAX_PAGE);
        }
        return replay.page(afterCode, limit);
    }
}
