package vn.motcua.warehouse;

import java.util.UUID;

/**
 * What a new dossier's component takes from a warehouse document instead of a
 * new upload: the file, the digitisation state to record (2 reused component,
 * 3 reused result) and the document's title.
 */
public record Reuse(UUID fileId, int digitization, String title) {
}
