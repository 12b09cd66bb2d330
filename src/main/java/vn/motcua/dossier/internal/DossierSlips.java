package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.HistoryView;
import vn.motcua.dossier.SlipKind;
import vn.motcua.dossier.UnitRef;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.NotFound;

/** The printed forms of a dossier (01–06) as PDF, and the log book (form 07) of a unit. */
@Component
public class DossierSlips {

    private final DossierViews views;
    private final DossierQueries queries;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final SlipRenderer slips;
    private final LogBookExporter logBook;
    private final Clock clock;
    private final String publicUrl;

    public DossierSlips(DossierViews views, DossierQueries queries, OrganizationService org, CalendarService calendars,
                        SlipRenderer slips, LogBookExporter logBook, Clock clock,
                        @Value("${motcua.public-url:http://localhost:8080}") String publicUrl) {
        this.views = views;
        this.queries = queries;
        this.org = org;
        this.calendars = calendars;
        this.slips = slips;
        this.logBook = logBook;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * A form of the dossier as PDF. A form that does not apply to the dossier
     * (a refusal slip for a received dossier, a receipt before receipt) is 404.
     */
    public byte[] slip(Dossier d, SlipKind kind) {
        String code = d.code();
        DossierView v = views.view(d, calendars.calendar());
        List<HistoryView> history = views.history(d);
        boolean applies = switch (kind) {
            case RECEIPT, CONTROL -> d.receivedAt() != null;
            case SUPPLEMENT -> d.supplementCount() > 0;
            case REFUSAL -> d.status() == DossierStatus.REFUSED;
            case APOLOGY -> d.apologyCount() > 0;
            case STOP -> d.status() == DossierStatus.STOPPED;
        };
        if (!applies) {
            throw new NotFound("slip " + kind.path() + " of " + code);
        }
        String act = switch (kind) {
            case RECEIPT, CONTROL -> "receive";
            case SUPPLEMENT -> "request-supplement";
            case REFUSAL -> "refuse";
            case APOLOGY -> "apologize";
            case STOP -> "stop";
        };
        HistoryView last = history.stream().filter(h -> h.action().equals(act)).reduce((a, b) -> b).orElse(null);
        boolean atDesk = kind == SlipKind.RECEIPT || kind == SlipKind.REFUSAL || kind == SlipKind.CONTROL;
        UnitId unitId = atDesk || last == null || last.unit() == null ? d.receivingUnit() : new UnitId(last.unit().id());
        UnitView unit = org.findUnit(unitId).orElseThrow();
        String parent = unit.parentId() == null ? null : org.findUnit(new UnitId(unit.parentId())).map(UnitView::name).orElse(null);
        // codes of another shape print no log-book number
        Integer logNumber = vn.motcua.dossier.DossierCode.parse(code).map(vn.motcua.dossier.DossierCode::number).orElse(null);
        SlipContext ctx = new SlipContext(unit.name(), parent, last == null ? null : last.actor(),
                publicUrl + "/public/tracking/" + code, last == null ? null : last.reason(), logNumber, CalendarService.ZONE);
        return switch (kind) {
            case RECEIPT -> slips.receipt(v, ctx);
            case SUPPLEMENT -> slips.supplementRequest(v, ctx);
            case REFUSAL -> slips.refusal(v, ctx);
            case APOLOGY -> slips.apology(v, ctx);
            case STOP -> slips.stopNotice(v, ctx);
            case CONTROL -> {
                Map<UnitId, UnitRef> names = new HashMap<>();
                List<ControlRow> rows = d.handovers().stream()
                        .map(h -> new ControlRow(name(names, h.fromUnitId()), name(names, h.toUnitId()),
                                DossierViews.odt(h.handedAt()), h.deliverer(), h.receiver(), DossierViews.odt(h.stepDueAt()),
                                h.timing() == null ? null : h.timing().name()))
                        .toList();
                yield slips.controlSlip(v, rows, ctx);
            }
        };
    }

    private String name(Map<UnitId, UnitRef> cache, Long unitId) {
        UnitRef r = views.ref(cache, unitId == null ? null : new UnitId(unitId));
        return r == null ? null : r.name();
    }

    /** The log book (form 07) of a unit: dossiers received there in the period, oldest first. */
    public List<DossierSummary> logBook(UnitId unit, LocalDate from, LocalDate to, OfficerScope scope) {
        if (!scope.includes(unit)) {
            throw new NotFound("unit " + unit);
        }
        return queries.logBook(unit.value(), from.atStartOfDay(CalendarService.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(CalendarService.ZONE).toInstant(), clock.instant());
    }

    public byte[] logBookXlsx(UnitId unit, LocalDate from, LocalDate to, OfficerScope scope) {
        List<DossierSummary> rows = logBook(unit, from, to, scope);
        String unitName = org.findUnit(unit).map(UnitView::name).orElse("");
        return logBook.xlsx(unitName, from, to, rows);
    }
}
