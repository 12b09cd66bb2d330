/**
 * Audit trail, the supervisors' side: search, export and verification of the
 * trail ({@code /api/v1/audit}, {@code /audit}), and the entries that other
 * modules' events add to it (every dossier act from {@code DossierActed}, every
 * refused attempt from {@code DossierActRefused}), staged in the act's own
 * transaction and chained just after its commit, so that no dossier act waits
 * for the chain. The trail itself is the
 * {@code audit} module, on which every module may depend; this one depends on
 * the modules whose events and names it needs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail (search, verify, dossier acts)",
        allowedDependencies = {"shared", "audit", "organization", "dossier"})
package vn.motcua.audittrail;
