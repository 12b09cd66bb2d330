package vn.motcua.warehouse;

import java.util.UUID;
import vn.motcua.organization.OfficerScope;

/**
 * Lets modules that use files say who else may read them: the dossier module
 * answers yes for officers of the units handling a dossier that uses the file.
 * The uploader may always read their own files.
 */
public interface FileAccessPolicy {

    boolean mayRead(UUID fileId, OfficerScope scope);
}
