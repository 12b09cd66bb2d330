package vn.motcua.warehouse;

import java.util.UUID;
import vn.motcua.organization.OfficerScope;

/**
 * Lets modules that use files say who else may read them: the dossier module
 * answers yes for officers of the units handling a dossier that uses the file
 * (for a scope of all units: any dossier that uses it). A policy must answer
 * no for files outside its records, whatever the scope. The uploader may
 * always read their own files.
 */
public interface FileAccessPolicy {

    boolean mayRead(UUID fileId, OfficerScope scope);
}
