package vn.motcua.integration.internal.population;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.integration.PopulationDataUsed;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.InvalidInput;

/**
 * Look-ups in the national population database, with the applicant's
 * consent, to prefill a filing: at the desk the officer confirms the
 * applicant's consent; online the citizen gives theirs for their own citizen
 * ID. Every look-up — found, not found or failed — is kept (who, whose ID,
 * when, purpose, consent) and written to the audit trail
 * ({@code population.lookup}). A look-up fills fields; it proves no one's
 * identity and signs no one in. When a dossier is filed naming a look-up
 * (its filing's history row carries {@code populationLookup}), the look-up
 * is checked (it found the person, for the dossier's applicant, within a
 * day, not used by another dossier) and {@link PopulationDataUsed} is
 * published, once per dossier.
 */
@Component
public class PopulationLookups {

    private static final Logger log = LoggerFactory.getLogger(PopulationLookups.class);
    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    /** How long a look-up may serve a filing. */
    static final Duration VALID_FOR = Duration.ofDays(1);

    /** What a look-up answered. */
    public record Result(UUID lookupId, boolean found, PopulationRegistry.Person person) {
    }

    private final PopulationRegistry registry;
    private final DossierService dossiers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PopulationLookups(PopulationRegistry registry, DossierService dossiers, AuditTrail audit,
                             ApplicationEventPublisher events, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.registry = registry;
        this.dossiers = dossiers;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean available() {
        return registry.configured();
    }

    /**
     * Looks the citizen ID up for {@code actor} ({@code channel} DESK or
     * ONLINE) with the consent stated; refused without consent or with an ID
     * that is not 12 digits (nothing is asked then). A registry that fails is
     * recorded as a FAILED look-up and thrown as {@link PopulationRegistry.RegistryUnavailable}.
     */
    public Result lookUp(String idNumber, boolean consent, String consentText, String purpose, String actor, String channel,
                         String address) {
        String id = idNumber == null ? "" : idNumber.replaceAll("\\s+", "");
        if (!consent) {
            throw InvalidInput.of("consent", "population.consent.required");
        }
        if (!CITIZEN_ID.matcher(id).matches()) {
            throw InvalidInput.of("idNumber", "applicant.idNumber.invalid");
        }
        UUID lookupId = UUID.randomUUID();
        Instant now = clock.instant();
        Optional<PopulationRegistry.Person> person;
        try {
            person = registry.lookUp(id, actor, lookupId.toString());
        } catch (PopulationRegistry.RegistryUnavailable e) {
            record(lookupId, now, actor, channel, id, purpose, consentText, "FAILED", null, address);
            throw e;
        }
        record(lookupId, now, actor, channel, id, purpose, consentText, person.isPresent() ? "FOUND" : "NOT_FOUND",
                person.orElse(null), address);
        return new Result(lookupId, person.isPresent(), person.orElse(null));
    }

    private void record(UUID id, Instant at, String actor, String channel, String idNumber, String purpose, String consent,
                        String outcome, PopulationRegistry.Person p, String address) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO integration_population_lookup (id, looked_up_at, actor, channel, id_number, purpose, consent, outcome,
                                                               full_name, date_of_birth, address)
                    VALUES (:id, :at, :actor, :channel, :idn, :purpose, :consent, :outcome, :name, :dob, :address)""")
                    .param("id", id).param("at", Timestamp.from(at)).param("actor", actor).param("channel", channel)
                    .param("idn", idNumber).param("purpose", purpose).param("consent", consent).param("outcome", outcome)
                    .param("name", p == null ? null : p.fullName()).param("dob", p == null ? null : p.dateOfBirth())
                    .param("address", p == null ? null : p.address()).update();
            audit.record(AuditEntry.of("population.lookup", actor, "citizen", idNumber)
                    .detail("purpose: " + purpose + "; consent: " + consent + "; " + channel + "; " + outcome + "; lookup " + id)
                    .address(address));
        });
    }

    /**
     * A dossier filed with a look-up's data: marked once (PopulationDataUsed),
     * in the filing's transaction. A look-up that does not fit (unknown, not
     * found, another person's, too old, already used by another dossier) is
     * ignored and logged: it never makes the filing fail.
     */
    @EventListener
    public void on(DossierActed e) {
        if (e.action() != Action.FILE || e.details() == null || !(e.details().get("populationLookup") instanceof String text)) {
            return;
        }
        UUID lookupId;
        try {
            lookupId = UUID.fromString(text.trim());
        } catch (IllegalArgumentException ex) {
            log.warn("Dossier {} filed naming an unreadable population look-up", e.code());
            return;
        }
        Optional<Map<String, Object>> lookup = jdbc.sql("SELECT * FROM integration_population_lookup WHERE id = :id FOR UPDATE")
                .param("id", lookupId).query().listOfRows().stream().findFirst();
        if (lookup.isEmpty() || !"FOUND".equals(lookup.get().get("outcome"))) {
            log.warn("Dossier {} filed naming population look-up {} which found nobody", e.code(), lookupId);
            return;
        }
        Map<String, Object> l = lookup.get();
        Instant at = ((Timestamp) l.get("looked_up_at")).toInstant();
        Object usedBy = l.get("used_by");
        if (usedBy != null && !e.code().equals(usedBy)) {
            log.warn("Dossier {} filed naming population look-up {} already used by {}", e.code(), lookupId, usedBy);
            return;
        }
        if (at.plus(VALID_FOR).isBefore(e.at())) {
            log.warn("Dossier {} filed naming population look-up {} older than a day", e.code(), lookupId);
            return;
        }
        DossierView d = dossiers.get(e.code(), OfficerScope.everything(null));
        if (d.applicant() == null || !String.valueOf(l.get("id_number")).equals(d.applicant().idNumber())) {
            log.warn("Dossier {} filed naming population look-up {} of another person", e.code(), lookupId);
            return;
        }
        int inserted = jdbc.sql("""
                INSERT INTO integration_population_use (dossier_code, lookup_id, filed_at) VALUES (:c, :l, :at)
                ON CONFLICT (dossier_code) DO NOTHING""")
                .param("c", e.code()).param("l", lookupId).param("at", Timestamp.from(e.at())).update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("UPDATE integration_population_lookup SET used_by = :c, used_at = :at WHERE id = :id")
                .param("c", e.code()).param("at", Timestamp.from(e.at())).param("id", lookupId).update();
        events.publishEvent(new PopulationDataUsed(e.code(), e.receivingUnit(), e.procedureCode(), e.at()));
    }

    /** Whether the dossier was marked as using population data. */
    public boolean used(String dossierCode) {
        return jdbc.sql("SELECT count(*) FROM integration_population_use WHERE dossier_code = :c").param("c", dossierCode)
                .query(Long.class).single() > 0;
    }
}
