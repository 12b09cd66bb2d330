package vn.motcua.indicators.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierActs;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.UnitId;

/**
 * Keeps the indicators' read model from the dossier module's {@link DossierActed}
 * events. A plain, synchronous {@code @EventListener}: it runs inside the
 * act's own transaction, so the facts and the per-day aggregates commit or
 * roll back with the act, and every figure equals its drill-down list at
 * every moment. (An after-commit {@code @ApplicationModuleListener} would
 * leave a window where the index and the dossiers disagree, and a lost
 * delivery would skew the sums for good.) An event seen twice is recognised
 * by its {@code (version, index)} and ignored.
 */
@Component
public class IndicatorReadModel {

    private static final ZoneId ZONE = CalendarService.ZONE;

    private final FactStore facts;
    private final ScoringUnits scoring;
    private final CatalogService catalog;
    private final DossierService dossiers;
    private final CalendarService calendars;

    public IndicatorReadModel(FactStore facts, ScoringUnits scoring, CatalogService catalog, DossierService dossiers,
                              CalendarService calendars) {
        this.facts = facts;
        this.scoring = scoring;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.calendars = calendars;
    }

    @EventListener
    public void on(DossierActed e) {
        DossierFact before = facts.lock(e.code()).orElse(null);
        if (seen(before, e)) {
            return;
        }
        DossierFact after = next(before, e, live);
        if (before == null) {
            if (facts.insertNew(after)) {
                return;
            }
            // a rebuild inserted the row meanwhile (and has committed it): start from that row
            before = facts.lock(e.code()).orElseThrow();
            if (seen(before, e)) {
                return;
            }
            after = next(before, e, live);
        }
        facts.save(before, after);
    }

    /** Whether the row already holds this act: same or older {@code (version, index)}. */
    static boolean seen(DossierFact before, DossierActed e) {
        return before != null && (e.version() < before.lastVersion()
                || (e.version() == before.lastVersion() && e.index() <= before.lastIndex()));
    }

    /**
     * What an act needs besides the event: the procedure as the catalogue
     * publishes it, the dossier's papers and result at completion, and the
     * scoring unit of a unit. The live path asks the modules; a rebuild
     * remembers the answers and takes the papers from the replayed history.
     */
    interface Sources {
        Optional<ProcedureDetail> procedure(String code);

        /** The result file (null when none) and the papers of a dossier just completed. */
        Papers papers(String code);

        long scoringUnit(UnitId unit);

        boolean isScored(long unit);

        /** What the other modules' events have said of the dossier so far (read when its facts are first made). */
        DossierFact.Marks marks(String code);
    }

    record Papers(String resultFileId, List<ComponentItem> components) {
    }

    private final Sources live = new Sources() {
        @Override
        public Optional<ProcedureDetail> procedure(String code) {
            return catalog.findPublished(code);
        }

        @Override
        public Papers papers(String code) {
            DossierView v = dossiers.get(code, OfficerScope.everything(null));
            return new Papers(v.resultFileId(), v.components());
        }

        @Override
        public long scoringUnit(UnitId unit) {
            return scoring.of(unit);
        }

        @Override
        public boolean isScored(long unit) {
            return scoring.isScored(unit);
        }

        @Override
        public DossierFact.Marks marks(String code) {
            return facts.marks(code);
        }
    };

    /**
     * The answers of the modules, remembered for the length of a rebuild (the
     * papers come with the history, the marks with the page: {@code marks}
     * holds those of the page's dossiers that have any).
     */
    Sources remembering(DossierActs current, Map<String, DossierFact.Marks> marks) {
        return new Sources() {
            @Override
            public DossierFact.Marks marks(String code) {
                return marks.getOrDefault(code, DossierFact.Marks.NONE);
            }

            @Override
            public Optional<ProcedureDetail> procedure(String code) {
                return procedures.computeIfAbsent(code, catalog::findPublished);
            }

            @Override
            public Papers papers(String code) {
                return new Papers(current.resultFileId(), current.components());
            }

            @Override
            public long scoringUnit(UnitId unit) {
                return scoringUnits.computeIfAbsent(unit.value(), u -> scoring.of(unit));
            }

            @Override
            public boolean isScored(long unit) {
                return scored.computeIfAbsent(unit, scoring::isScored);
            }
        };
    }

    private final Map<String, Optional<ProcedureDetail>> procedures = new ConcurrentHashMap<>();
    private final Map<Long, Long> scoringUnits = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> scored = new ConcurrentHashMap<>();

    /** Forgets the remembered answers: at the start of each rebuild, so a rebuild sees the catalogue as it is. */
    void forgetRemembered() {
        procedures.clear();
        scoringUnits.clear();
        scored.clear();
    }

    /** The dossier's facts folded from its whole history, as the live path would have left them. */
    DossierFact fold(DossierActs history, Map<String, DossierFact.Marks> marks) {
        return fold(history, remembering(history, marks));
    }

    DossierFact fold(DossierActs history, Sources src) {
        DossierFact f = null;
        for (DossierActed e : history.acts()) {
            if (!seen(f, e)) {
                f = next(f, e, src);
            }
        }
        return f;
    }

    private static LocalDate day(Instant i) {
        return i == null ? null : i.atZone(ZONE).toLocalDate();
    }

    DossierFact next(DossierFact b, DossierActed e, Sources src) {
        long unit;
        String field;
        boolean eligible;
        boolean fee;
        DossierFact.Marks marks;
        long receiving = e.receivingUnit() == null ? (b == null ? 0 : b.receivingUnitId()) : e.receivingUnit().value();
        UnitId handling = e.handlingUnit() != null ? e.handlingUnit() : e.receivingUnit();
        if (b == null) {
            Optional<ProcedureDetail> p = src.procedure(e.procedureCode());
            field = p.map(ProcedureDetail::field).orElse("");
            eligible = p.map(d -> d.onlineLevel() == OnlineLevel.FULL).orElse(false);
            // the fee as the catalogue published it when the dossier was first seen (ONLINE_PAYMENT_DOSSIERS)
            fee = p.map(d -> d.feeVnd() > 0).orElse(false);
            marks = src.marks(e.code());
            // a province-level procedure names its department; a commune-level one is the handling commune's
            Optional<Long> agency = p.map(ProcedureDetail::agency).flatMap(a -> Optional.ofNullable(a.id()));
            unit = agency.isPresent() ? src.scoringUnit(new UnitId(agency.get()))
                    : handling == null ? receiving : src.scoringUnit(handling);
        } else {
            field = b.field();
            eligible = b.onlineEligible();
            fee = b.fee();
            marks = b.marks();
            unit = b.unitId();
            if (handling != null) {
                long candidate = src.scoringUnit(handling);
                // the first department or commune that handles the dossier is accountable for it; a transfer to a
                // dissolved unit's successor moves it there
                if (e.action() == Action.TRANSFER_TO_SUCCESSOR || (!src.isScored(unit) && src.isScored(candidate))) {
                    unit = candidate;
                }
            }
        }
        Instant receivedAt = e.receivedAt() != null ? e.receivedAt() : b == null ? null : b.receivedAt();
        Instant appointment = e.appointmentAt() != null ? e.appointmentAt() : b == null ? null : b.appointmentAt();
        Instant finishedAt = b == null ? null : b.finishedAt();
        String outcome = b == null ? null : b.outcome();
        String timing = b == null ? null : b.timing();
        boolean completed = b != null && b.completed();
        boolean electronic = b != null && b.electronicResult();
        boolean digitised = b != null && b.digitised();
        boolean reused = b != null && b.reused();
        Instant returnedAt = b == null ? null : b.returnedAt();
        Instant refusedAt = b == null ? null : b.refusedAt();
        switch (e.action()) {
            case REFUSE -> refusedAt = e.at();
            case COMPLETE -> {
                finishedAt = e.at();
                outcome = DossierStatus.DONE.name();
                completed = true;
                Object t = e.details() == null ? null : e.details().get("timing");
                timing = t != null ? t.toString() : classify(e.at(), appointment);
                Papers v = src.papers(e.code());
                electronic = v.resultFileId() != null;
                boolean allPapers = !v.components().isEmpty() && v.components().stream().allMatch(IndicatorReadModel::digitised);
                digitised = allPapers && electronic;
                reused = v.components().stream().anyMatch(c -> c.digitization() != null && c.digitization() >= 2);
            }
            case RETURN -> {
                returnedAt = e.at();
                outcome = DossierStatus.RETURNED.name();
                if (finishedAt == null) {
                    finishedAt = e.at();
                    completed = true;
                    timing = classify(e.at(), appointment);
                }
            }
            case STOP, WITHDRAW -> {
                if (finishedAt == null && receivedAt != null) {
                    finishedAt = e.at();
                    timing = classify(e.at(), appointment);
                }
                outcome = e.to().name();
            }
            default -> {
            }
        }
        if (timing != null && e.supplementRequests() > 1) {
            timing = "LATE"; // a second supplement request counts as late in the national scoring
        }
        return new DossierFact(e.code(), unit, receiving, e.procedureCode(), field == null ? "" : field,
                e.channel() == null ? (b == null ? "IN_PERSON" : b.channel()) : e.channel().name(), eligible, e.to().code(),
                receivedAt, day(receivedAt), appointment, finishedAt, day(finishedAt), outcome, timing, completed, electronic,
                digitised, reused, returnedAt, refusedAt, day(refusedAt), e.supplementRequests(), e.apologies(), e.version(),
                e.index(), fee, marks);
    }

    private static boolean digitised(ComponentItem c) {
        return c.fileId() != null || (c.digitization() != null && c.digitization() >= 1);
    }

    private String classify(Instant end, Instant appointment) {
        if (appointment == null) {
            return "ON_TIME";
        }
        return calendars.calendar().classify(end, appointment).name();
    }
}
