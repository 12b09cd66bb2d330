/**
 * Warehouse: files kept by content (SHA-256 names on disk, metadata in
 * PostgreSQL), streamed upload and download with the type detected from the
 * content, size limits and per-file access control; and the personal data
 * warehouse of citizens and organisations ({@link vn.motcua.warehouse.PersonalWarehouse}):
 * their documents, reusable by a new dossier; and the explicit, audited act by
 * which supervisors view a citizen's private document ({@link vn.motcua.warehouse.PersonalDataAccess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warehouse", allowedDependencies = {"shared", "organization", "audit"})
package vn.motcua.warehouse;
