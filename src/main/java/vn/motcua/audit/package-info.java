/**
 * Audit: the append-only trail of acts that must be answerable later (identity
 * proofing, login failures with their reason, views of personal data with the
 * reason given). Any module records into it through {@link vn.motcua.audit.AuditTrail};
 * it depends on nothing but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"shared"})
package vn.motcua.audit;
