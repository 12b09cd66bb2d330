package vn.motcua.dossier;

import jakarta.validation.constraints.Size;

/**
 * One paper of the dossier: how many originals and copies, and optionally the
 * stored file; {@code digitization} is the national state 0–3 (0 not
 * digitised, 1 digitised, 2 reused from another dossier's component, 3 reused
 * from another dossier's result).
 */
public record ComponentItem(@Size(max = 1000, message = "{validation.tooLong}") String name, int originals, int copies,
                            @Size(max = 100, message = "{validation.tooLong}") String fileId, Integer digitization) {
}
