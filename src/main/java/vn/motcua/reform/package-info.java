/**
 * Reform management (DOMAIN.md §9): the yearly administrative-reform plans
 * and their tasks, inspections and the fixes that follow, the PAR INDEX
 * self-assessment, the review of legal documents, the classification of
 * agencies and civil servants, units' functions and job positions. Figures
 * proposed from MotCua's own data come from the other modules' published
 * services and events, never from their tables. See docs/reform.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reform",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "dossier", "audit",
                "indicators", "supervision", "feedback", "warehouse"})
package vn.motcua.reform;
