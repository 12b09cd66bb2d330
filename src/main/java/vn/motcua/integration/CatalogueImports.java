package vn.motcua.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.integration.internal.catalogue.AgencyResolver;
import vn.motcua.integration.internal.catalogue.DraftBuilder;
import vn.motcua.integration.internal.catalogue.ImportStore;
import vn.motcua.integration.internal.catalogue.NationalCatalogueClient;
import vn.motcua.integration.internal.catalogue.NationalCatalogueProperties;
import vn.motcua.integration.internal.catalogue.NationalRecords;
import vn.motcua.integration.internal.catalogue.RawProcedure;
import vn.motcua.integration.internal.catalogue.SourceReader;
import vn.motcua.organization.OrganizationService;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Imports procedures as the national procedure database publishes them into
 * catalogue DRAFTS: from a file (the national JSON, the public pages' fields as
 * JSON, XLSX or CSV with Vietnamese headers) or fetched from the national
 * database itself. Each record becomes a draft with a default workflow, its
 * agency resolved to a unit where it can be; a record already in the catalogue
 * updates its draft, or gets a new draft version beside the published one.
 * Nothing is published. Every record gets a row in the report (parsed, guessed,
 * needs a person); one bad record never stops the others. Each import is
 * recorded in the audit trail.
 *
 * <p>Unlike the catalog module's own import (MotCua's shape, all or nothing),
 * this one takes what it can from texts written for people.
 */
@Service
public class CatalogueImports {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImports.class);

    private final SourceReader reader;
    private final ImportStore store;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final NationalCatalogueClient national;
    private final NationalCatalogueProperties settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CatalogueImports(SourceReader reader, ImportStore store, CatalogService catalog, OrganizationService organization,
                            NationalCatalogueClient national, NationalCatalogueProperties settings, AuditTrail audit,
                            TransactionTemplate transactions, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.catalog = catalog;
        this.organization = organization;
        this.national = national;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Imports an uploaded file. A file that is not one of the shapes at all
     * (not JSON, no known headers, empty, more than 5,000 records) is refused
     * with {@link InvalidInput} on {@code file}, and nothing is recorded.
     */
    public CatalogueImportReport importFile(String fileName, byte[] bytes, String actor) {
        Instant started = clock.instant();
        SourceReader.Read read = reader.read(fileName, bytes);
        List<CatalogueImportRow> rows = importRecords(read.records(), actor);
        return finish("FILE", read.format(), Texts.clean(fileName), actor, started, null, rows);
    }

    /**
     * Fetches procedures from the national database (the given codes, or every
     * procedure its list gives) and imports them. A record the database does not
     * give (time-out, error, malformed) is a row that needs a person; when even
     * the list cannot be had, the import is recorded with the error and no rows.
     */
    public CatalogueImportReport importFromNational(List<String> codes, String actor) {
        Instant started = clock.instant();
        List<String> wanted = new ArrayList<>();
        if (codes != null) {
            codes.stream().map(Texts::clean).filter(c -> !Texts.isBlank(c)).distinct().forEach(wanted::add);
        }
        if (wanted.size() > SourceReader.MAX_RECORDS) {
            throw InvalidInput.of("codes", "catimport.file.tooMany");
        }
        if (wanted.isEmpty()) {
            try {
                wanted.addAll(national.listCodes());
            } catch (NationalCatalogueClient.Unavailable e) {
                log.warn("National procedure database unavailable: {}", e.getMessage());
                return finish("NATIONAL", SourceReader.NATIONAL_JSON, null, actor, started, e.getMessage(), List.of());
            }
        }
        List<RawProcedure> records = new ArrayList<>();
        int seq = 0;
        for (String code : wanted.stream().limit(SourceReader.MAX_RECORDS).toList()) {
            seq++;
            try {
                JsonNode record = national.record(code);
                RawProcedure raw = NationalRecords.read(seq, record);
                if (raw.problem() != null && raw.code() == null) {
                    raw = RawProcedure.unreadable(seq, code, raw.problem());
                } else if (raw.problem() == null && !Texts.isBlank(raw.code()) && !code.equals(raw.code())) {
                    raw = RawProcedure.unreadable(seq, code, "record.otherCode");
                }
                records.add(raw);
            } catch (NationalCatalogueClient.Unavailable e) {
                log.warn("National procedure {} not fetched: {}", code, e.getMessage());
                records.add(RawProcedure.unreadable(seq, code, "record.notFetched"));
            }
        }
        List<CatalogueImportRow> rows = importRecords(records, actor);
        return finish("NATIONAL", SourceReader.NATIONAL_JSON, null, actor, started, null, rows);
    }

    /** One import with its rows; 404 when unknown. */
    public CatalogueImportReport report(long id) {
        return store.find(id, clock.getZone()).orElseThrow(() -> new NotFound("catalogue import " + id));
    }

    /** The latest imports, newest first, without their rows. */
    public List<CatalogueImportReport> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 200)), clock.getZone());
    }

    /** True when the national database's address is configured. */
    public boolean nationalConfigured() {
        return national.configured();
    }

    private List<CatalogueImportRow> importRecords(List<RawProcedure> records, String actor) {
        AgencyResolver agencies = new AgencyResolver(organization.allUnits());
        Set<String> seen = new HashSet<>();
        List<CatalogueImportRow> rows = new ArrayList<>();
        for (RawProcedure r : records) {
            rows.add(importRecord(r, agencies, seen, actor));
        }
        return rows;
    }

    private CatalogueImportRow importRecord(RawProcedure r, AgencyResolver agencies, Set<String> seen, String actor) {
        String code = Texts.clean(r.code());
        String name = Texts.clean(r.name());
        if (code != null && !seen.add(code)) {
            return notSaved(r, List.of(ImportNote.of("code", Finding.NEEDS_PERSON, "catimport.note.record.duplicate", code)));
        }
        List<ImportNote> notes = new ArrayList<>();
        try {
            ProcedureDetail existing = code != null && code.matches("^\\d\\.\\d{6}$") && catalog.exists(code)
                    ? catalog.latest(code) : null;
            DraftBuilder.Draft draft = DraftBuilder.build(r, agencies, settings, existing);
            notes.addAll(draft.notes());
            if (draft.command() == null) {
                return notSaved(r, notes);
            }
            ProcedureDetail saved;
            ImportOutcome outcome;
            if (existing == null) {
                saved = catalog.create(draft.command(), actor);
                outcome = ImportOutcome.CREATED;
            } else {
                saved = catalog.update(code, draft.command(), actor);
                outcome = saved.version() > existing.version() ? ImportOutcome.VERSION_PROPOSED
                        : saved.revision() != existing.revision() ? ImportOutcome.DRAFT_UPDATED : ImportOutcome.UNCHANGED;
            }
            Finding status = notes.stream().map(ImportNote::finding).reduce(Finding.PARSED, Finding::worst);
            return new CatalogueImportRow(r.seq(), code, name, status, outcome, saved.version(), notes);
        } catch (InvalidInput e) {
            for (Map.Entry<String, String> err : e.fieldErrors().entrySet()) {
                notes.add(ImportNote.of(err.getKey(), Finding.NEEDS_PERSON, "catimport.note.catalog.rejected", err.getKey(),
                        "#" + err.getValue()));
            }
            return notSaved(r, notes);
        } catch (RuntimeException e) {
            log.warn("Catalogue import: record {} ({}) failed", r.seq(), code, e);
            notes.add(ImportNote.of("record", Finding.NEEDS_PERSON, "catimport.note.record.failed", e.getClass().getSimpleName()));
            return notSaved(r, notes);
        }
    }

    private static CatalogueImportRow notSaved(RawProcedure r, List<ImportNote> notes) {
        return new CatalogueImportRow(r.seq(), Texts.clean(r.code()), Texts.clean(r.name()), Finding.NEEDS_PERSON,
                ImportOutcome.NOT_SAVED, null, notes);
    }

    private CatalogueImportReport finish(String source, String format, String fileName, String actor, Instant started,
                                         String error, List<CatalogueImportRow> rows) {
        Instant finished = clock.instant();
        Long id = transactions.execute(s -> {
            long newId = store.insert(source, format, fileName, actor, started, finished, error, rows);
            long created = rows.stream().filter(r -> r.outcome() == ImportOutcome.CREATED).count();
            long proposed = rows.stream().filter(r -> r.outcome() == ImportOutcome.VERSION_PROPOSED).count();
            long updated = rows.stream().filter(r -> r.outcome() == ImportOutcome.DRAFT_UPDATED).count();
            long notSaved = rows.stream().filter(r -> r.outcome() == ImportOutcome.NOT_SAVED).count();
            audit.record(AuditEntry.of("integration.catalogue.imported", actor, "catalogue-import", String.valueOf(newId))
                    .detail(source.toLowerCase(java.util.Locale.ROOT) + " " + format
                            + (fileName == null ? "" : " " + fileName) + "; " + rows.size() + " records: " + created
                            + " drafts created, " + updated + " drafts updated, " + proposed + " new versions proposed, "
                            + notSaved + " not saved" + (error == null ? "" : "; error: " + error)));
            return newId;
        });
        return report(id);
    }
}
