/**
 * Supervision of public duty (DOMAIN.md §8): a read model of every dossier
 * fed by the dossier module's events, conduct signals raised by named rules
 * whose thresholds are data, live backlog dashboards with drill-down, and the
 * bulk clean-up of stale dossiers (done as the dossier module's own acts).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "dossier", "audit", "feedback", "portal"})
package vn.motcua.supervision;
