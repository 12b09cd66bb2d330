/**
 * Catalog: the administrative procedures (thủ tục hành chính) of the province
 * and its communes: cases with their durations and workflow steps, dossier
 * components, forms, fees, legal basis; publication and withdrawal with the
 * deciding act; versions that stay readable forever; diacritics-insensitive
 * search; import and export (JSON, XLSX); review and simplification proposals
 * with their compliance cost ({@link vn.motcua.catalog.SimplificationService}).
 *
 * <p>Other modules use {@link vn.motcua.catalog.CatalogService} and the records
 * of this package, and react to {@link vn.motcua.catalog.ProcedurePublished}
 * and {@link vn.motcua.catalog.ProcedureWithdrawn}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = {"shared", "organization", "calendar", "audit"})
package vn.motcua.catalog;
