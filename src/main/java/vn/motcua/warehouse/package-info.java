/**
 * Warehouse: files kept by content (SHA-256 names on disk, metadata in
 * PostgreSQL), streamed upload and download with the type detected from the
 * content, size limits and per-file access control; later the personal data
 * warehouse of citizens and organisations builds on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warehouse", allowedDependencies = {"shared", "organization"})
package vn.motcua.warehouse;
