/**
 * Warehouse: files kept by content (SHA-256 names on disk, metadata in
 * PostgreSQL), streamed upload and download with the type detected from the
 * content, size limits and per-file access control; and the personal data
 * warehouse of citizens and organisations ({@link vn.motcua.warehouse.PersonalWarehouse}):
 * their documents, reusable by a new dossier.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warehouse", allowedDependencies = {"shared", "organization"})
package vn.motcua.warehouse;
