package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.Timing;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.HistoryView;
import vn.motcua.dossier.UnitRef;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;

/** The aggregate as the API and the pages show it: the dossier with its steps, and its history with unit names. */
@Component
public class DossierViews {

    private final DossierStore store;
    private final OrganizationService org;
    private final Clock clock;

    public DossierViews(DossierStore store, OrganizationService org, Clock clock) {
        this.store = store;
        this.org = org;
        this.clock = clock;
    }

    public DossierView view(Dossier d, WorkingCalendar calendar) {
        Map<UnitId, UnitRef> units = new HashMap<>();
        Dossier.Step cur = d.currentStepOrNull();
        DossierView.CurrentStep current = null;
        if (cur != null && d.status().open() || cur != null && d.status() == DossierStatus.DONE) {
            DossierView.StaffRef assignee = null;
            if (d.assignee() != null) {
                assignee = org.findStaffName(d.assignee().value())
                        .map(n -> new DossierView.StaffRef(d.assignee().value(), n)).orElse(null);
            }
            current = new DossierView.CurrentStep(cur.seq(), cur.name(), cur.role().name(),
                    ref(units, d.handlingUnit()), assignee, odt(cur.dueAt()));
        }
        List<DossierView.StepView> steps = d.steps().stream().map(s -> new DossierView.StepView(s.seq(), s.name(),
                s.role().name(), ref(units, s.unit()), odt(s.dueAt()), odt(s.startedAt()), odt(s.finishedAt()),
                s.finishedAt() != null && s.dueAt() != null ? calendar.classify(s.finishedAt(), s.dueAt()).name() : null))
                .toList();
        Timing timing = d.timing(calendar);
        return new DossierView(d.code(), d.procedureCode(), d.procedureVersion(), d.procedureName(), d.caseId(), d.caseName(),
                d.channel().name(), d.status().code(), d.status().name(), d.applicant(), d.components(),
                ref(units, d.receivingUnit()), ref(units, d.handlingUnit()), current, steps,
                odt(d.filedAt()), odt(d.receivedAt()), odt(d.appointmentAt()), odt(d.originalAppointmentAt()),
                odt(d.finishedAt()), odt(d.returnedAt()), d.overdue(clock.instant()),
                timing == null ? null : timing.name(), d.supplementCount(),
                d.supplementItems() == null ? List.of() : List.of(d.supplementItems().split("\n")),
                d.apologyCount(), d.feeVnd(), d.paymentAmountVnd(), d.resultNumber(), d.resultFileId(),
                d.returnChannel() == null ? null : d.returnChannel().name(), d.version());
    }

    /** The dossier's acts, oldest first, each with the unit it was done for. */
    public List<HistoryView> history(Dossier d) {
        Map<UnitId, UnitRef> units = new HashMap<>();
        List<HistoryView> out = new ArrayList<>();
        for (Map<String, Object> row : store.history(d.id())) {
            UnitId unit = row.get("unit_id") == null ? null : new UnitId(((Number) row.get("unit_id")).longValue());
            out.add(new HistoryView(odt(row.get("at")), (String) row.get("actor_name"), (String) row.get("action"),
                    row.get("from_status") == null ? null : ((Number) row.get("from_status")).intValue(),
                    ((Number) row.get("to_status")).intValue(), ref(units, unit),
                    (String) row.get("reason"), store.parseDetails((String) row.get("details"))));
        }
        return out;
    }

    /** The public tracking view: no personal data; each change of status once. */
    public vn.motcua.dossier.TrackingView tracking(Dossier d) {
        List<vn.motcua.dossier.TrackingView.Event> timeline = new ArrayList<>();
        for (Map<String, Object> row : store.history(d.id())) {
            int to = ((Number) row.get("to_status")).intValue();
            Object from = row.get("from_status");
            if (from == null || ((Number) from).intValue() != to) {
                timeline.add(new vn.motcua.dossier.TrackingView.Event(odt(row.get("at")), (String) row.get("action"), to));
            }
        }
        return new vn.motcua.dossier.TrackingView(d.code(), d.procedureName(), d.status().code(), d.status().name(),
                odt(d.receivedAt()), odt(d.appointmentAt()), odt(d.finishedAt()), d.overdue(clock.instant()), timeline);
    }

    /** A unit's reference (id, code, name), looked up once per view. */
    public UnitRef ref(Map<UnitId, UnitRef> cache, UnitId unit) {
        return unit == null ? null : cache.computeIfAbsent(unit,
                id -> org.findUnit(id).map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(new UnitRef(id.value(), null, null)));
    }

    /** A time as the province's clock shows it. */
    public static OffsetDateTime odt(Object t) {
        if (t == null) {
            return null;
        }
        Instant i = t instanceof Instant inst ? inst
                : t instanceof OffsetDateTime o ? o.toInstant()
                : t instanceof java.sql.Timestamp ts ? ts.toInstant() : null;
        return i == null ? null : i.atZone(CalendarService.ZONE).toOffsetDateTime();
    }
}
