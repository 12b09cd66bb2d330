/**
 * Dossier (hồ sơ): the aggregate and its lifecycle with the national status
 * codes 1–10, dossier codes, workflow steps and hand-overs, slips (forms
 * 01–07), the append-only history, inboxes and overdue views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "warehouse", "audit"})
package vn.motcua.dossier;
