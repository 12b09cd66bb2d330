/**
 * Integration: MotCua's adapters to the national systems and to partners,
 * each talking to a real HTTP server whose address and credentials come from
 * configuration only ({@code motcua.integration.<name>.*}). The national
 * procedure database (catalogue import into drafts), the National Public
 * Service Portal (dossier status sync through an outbox, reconciliation), the
 * payment platform (online payment, signed callbacks, reconciliation), the
 * population database (look-up with consent), webhooks for partner systems
 * and an HTTP SMS gateway. What each adapter sends and how to connect it in
 * production is in docs/integration.md; what it publishes
 * ({@link vn.motcua.integration.DossierSynced}, {@link vn.motcua.integration.PaymentReceived},
 * {@link vn.motcua.integration.PopulationDataUsed}) feeds the Decision 766 index.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "dossier", "portal", "warehouse", "feedback",
                "audit"})
package vn.motcua.integration;
