/**
 * Indicators: the Decision 766/QĐ-TTg service-quality index per unit and
 * period (groups, indicators, points, bands; the method as data with
 * effective dates), rankings of departments and communes, drill-downs to the
 * dossiers behind each figure, and the periodic reports (forms 06a/06b) each
 * unit submits to the Provincial People's Committee. Fed by the dossier
 * module's events into its own read model (per-dossier facts and per-unit,
 * per-day aggregates); it reads no other module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "dossier", "audit", "feedback", "portal",
                "integration"})
package vn.motcua.indicators;
