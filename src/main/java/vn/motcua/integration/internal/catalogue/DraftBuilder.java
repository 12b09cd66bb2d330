package vn.motcua.integration.internal.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.integration.Finding;
import vn.motcua.integration.ImportNote;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.Texts;

/**
 * Turns a raw record into the command of a draft, noting for every value how
 * it was read. A record without what a draft must have (a national code, a
 * name, a level of this province, an agency, a field, a time, a component, a
 * result) gives no command: its row needs a person. Each case gets the default
 * workflow of its level ({@link NationalCatalogueProperties.Workflow}); a case
 * that already exists with the same time keeps the workflow a person gave it.
 */
public final class DraftBuilder {

    /** The command to save (null when the record cannot be a draft) and the notes of the row. */
    public record Draft(ProcedureCommand command, List<ImportNote> notes) {
    }

    static final String INTAKE = "Tiếp nhận hồ sơ";
    static final String EXAMINE = "Thẩm định, xử lý hồ sơ";
    static final String APPROVE = "Phê duyệt, ký kết quả";
    static final String HAND_BACK = "Trả kết quả";

    private final AgencyResolver agencies;
    private final NationalCatalogueProperties settings;
    private final List<ImportNote> notes = new ArrayList<>();
    private boolean blocked;

    private DraftBuilder(AgencyResolver agencies, NationalCatalogueProperties settings) {
        this.agencies = agencies;
        this.settings = settings;
    }

    public static Draft build(RawProcedure r, AgencyResolver agencies, NationalCatalogueProperties settings,
                              ProcedureDetail existing) {
        return new DraftBuilder(agencies, settings).run(r, existing);
    }

    private void note(String field, Finding finding, String key, String... args) {
        notes.add(ImportNote.of(field, finding, "catimport.note." + key, args));
        if (finding == Finding.NEEDS_PERSON && isRequired(field)) {
            blocked = true;
        }
    }

    private static boolean isRequired(String field) {
        return List.of("record", "code", "name", "level", "agency", "field", "duration", "components", "result").contains(field);
    }

    private <T> T take(String field, Parsed<T> p, String source) {
        note(field, p.finding(), p.reason(), short200(source), display(p.value()));
        return p.value();
    }

    private Draft run(RawProcedure r, ProcedureDetail existing) {
        if (r.problem() != null) {
            note("record", Finding.NEEDS_PERSON, r.problem());
            return new Draft(null, notes);
        }
        String code = r.code();
        if (Texts.isBlank(code) || !code.matches("^\\d\\.\\d{6}$")) {
            note("code", Finding.NEEDS_PERSON, "code.pattern", code);
        }
        String name = Texts.clean(r.name());
        if (Texts.isBlank(name)) {
            note("name", Finding.NEEDS_PERSON, "name.missing");
        } else if (name.length() > 500) {
            note("name", Finding.NEEDS_PERSON, "name.tooLong");
        }
        UnitLevel level = take("level", LevelParser.parse(r.level()), r.level());
        UnitRef agency = null;
        if (level != null) {
            Parsed<UnitRef> a = agencies.resolve(r.agencies(), level);
            agency = a.value();
            note("agency", a.finding(), a.reason(), short200(String.join("; ", r.agencies())),
                    agency == null ? "" : agency.name() != null ? agency.name() : "#unit.kind." + agency.kind());
        }
        String field = Texts.clean(r.field());
        if (Texts.isBlank(field)) {
            note("field", Finding.NEEDS_PERSON, "field.missing");
        } else if (field.length() > 255) {
            field = field.substring(0, 255);
            note("field", Finding.GUESSED, "field.cut", field);
        }
        Set<FilingMethod> methods = methods(r);
        OnlineLevel online = online(r, methods);
        List<ProcedureCase> cases = cases(r, level, agency, existing);
        List<Fee> fees = fees(r);
        List<ProcedureComponent> components = components(r);
        String result = result(r);
        List<LegalDocument> legal = legal(r);
        List<String> subjects = r.subjects().stream().map(Texts::clean).filter(s -> !Texts.isBlank(s))
                .map(s -> s.length() > 500 ? s.substring(0, 500) : s).limit(50).toList();
        if (blocked) {
            return new Draft(null, notes);
        }
        ProcedureCommand command = new ProcedureCommand(code, name, field, level,
                level == UnitLevel.PROVINCE ? UnitRef.unit(agency.id()) : UnitRef.kind(UnitKind.COMMUNE), subjects, methods,
                online, false, false, cases, components, List.of(), fees, null, result, legal, null);
        return new Draft(command, notes);
    }

    // --- filing methods ---------------------------------------------------------------------------------

    private Set<FilingMethod> methods(RawProcedure r) {
        Set<FilingMethod> methods = EnumSet.noneOf(FilingMethod.class);
        List<String> texts = new ArrayList<>();
        r.channels().forEach(c -> texts.add(c.kind()));
        texts.addAll(SourceReader.lines(r.methods()));
        for (String t : texts) {
            FilingMethod m = method(t);
            if (m != null) {
                methods.add(m);
            }
        }
        if (methods.isEmpty()) {
            methods.add(FilingMethod.IN_PERSON);
            note("methods", Finding.GUESSED, "methods.default", short200(String.join("; ", texts)));
        } else {
            note("methods", Finding.PARSED, "methods.read", short200(String.join("; ", texts)),
                    String.join(", ", methods.stream().map(m -> "#procedure.method." + m).toList()));
        }
        return methods;
    }

    static FilingMethod method(String text) {
        String f = Texts.fold(Texts.clean(text));
        if (Texts.isBlank(f)) {
            return null;
        }
        if (f.equals("1") || f.contains("truc tiep")) {
            return FilingMethod.IN_PERSON;
        }
        if (f.equals("2") || f.contains("truc tuyen") || f.contains("dich vu cong")) {
            return FilingMethod.ONLINE;
        }
        if (f.equals("3") || f.contains("buu chinh")) {
            return FilingMethod.POST;
        }
        return null;
    }

    private OnlineLevel online(RawProcedure r, Set<FilingMethod> methods) {
        if (!methods.contains(FilingMethod.ONLINE)) {
            return OnlineLevel.NONE;
        }
        String all = Texts.fold(String.join(" ", r.methods() == null ? "" : r.methods(),
                String.join(" ", r.channels().stream().map(c -> c.kind() == null ? "" : c.kind()).toList())));
        if (all.contains("toan trinh")) {
            note("onlineLevel", Finding.PARSED, "online.full");
            return OnlineLevel.FULL;
        }
        if (all.contains("mot phan")) {
            note("onlineLevel", Finding.PARSED, "online.partial");
            return OnlineLevel.PARTIAL;
        }
        note("onlineLevel", Finding.GUESSED, "online.partialGuessed");
        return OnlineLevel.PARTIAL;
    }

    // --- cases, times and workflow -------------------------------------------------------------------

    private List<ProcedureCase> cases(RawProcedure r, UnitLevel level, UnitRef agency, ProcedureDetail existing) {
        List<String> names = new ArrayList<>();
        List<Parsed<ProcessingTime>> times = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<ProcessingTime> online = new ArrayList<>();
        RawProcedure.Channel main = mainChannel(r);
        if (main != null && !main.times().isEmpty()) {
            RawProcedure.Channel web = r.channels().stream().filter(c -> method(c.kind()) == FilingMethod.ONLINE)
                    .findFirst().orElse(null);
            List<RawProcedure.Time> mainTimes = new ArrayList<>();
            for (RawProcedure.Time t : main.times()) {
                List<DurationParser.Case> split = Texts.isBlank(t.amount()) || "0".equals(t.amount().strip())
                        ? DurationParser.cases(t.description()) : List.of();
                if (split.size() > 1) {
                    // no amount, and a description naming several cases: one case each
                    split.forEach(c -> mainTimes.add(new RawProcedure.Time(null, null, c.name() + ": "
                            + (c.time().value() == null ? "" : c.time().value().amount().toPlainString() + " "
                            + unitWords(c.time().value().unit())), t.fees())));
                } else {
                    mainTimes.add(t);
                }
            }
            boolean several = mainTimes.size() > 1;
            for (int i = 0; i < mainTimes.size() && i < 50; i++) {
                RawProcedure.Time t = mainTimes.get(i);
                times.add(DurationParser.fields(t.amount(), t.unit(), t.description()));
                sources.add(join(t.amount(), t.unit(), t.description()));
                names.add(several ? caseName(t.description(), i) : "Trường hợp thông thường");
                ProcessingTime o = null;
                if (web != null && web != main && i < web.times().size()) {
                    RawProcedure.Time w = web.times().get(i);
                    o = DurationParser.fields(w.amount(), w.unit(), w.description()).value();
                }
                online.add(o);
            }
        } else {
            List<DurationParser.Case> parsed = DurationParser.cases(r.duration());
            for (int i = 0; i < parsed.size() && i < 50; i++) {
                DurationParser.Case c = parsed.get(i);
                times.add(c.time());
                sources.add(parsed.size() > 1 ? c.name() : r.duration());
                names.add(c.name() == null ? "Trường hợp thông thường" : caseName(c.name(), i));
                online.add(null);
            }
        }
        List<ProcedureCase> cases = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            Parsed<ProcessingTime> t = times.get(i);
            // one unreadable case among readable ones is left out (a person adds it); all unreadable: no draft
            note(t.present() || times.stream().noneMatch(Parsed::present) ? "duration" : "cases", t.finding(), t.reason(),
                    short200(sources.get(i)), display(t.value()));
            if (!t.present() || level == null || (level == UnitLevel.PROVINCE && agency == null)) {
                continue;
            }
            ProcessingTime o = online.get(i);
            if (o != null && (o.unit() != t.value().unit() || o.amount().compareTo(t.value().amount()) >= 0)) {
                o = null;
            }
            String id = "TH" + (cases.size() + 1);
            List<Step> steps = keptSteps(existing, id, t.value());
            if (steps == null) {
                steps = template(level, agency, t.value());
            } else {
                note("workflow", Finding.PARSED, "workflow.kept", id);
            }
            cases.add(new ProcedureCase(id, names.get(i), t.value(), o, steps));
        }
        if (cases.isEmpty() && times.stream().noneMatch(Parsed::present)) {
            blocked = true;
        } else if (!cases.isEmpty()) {
            note("workflow", Finding.PARSED, "workflow.template",
                    level == UnitLevel.PROVINCE ? "#unit.level.PROVINCE" : "#unit.level.COMMUNE");
        }
        return cases;
    }

    private static String unitWords(DurationUnit unit) {
        switch (unit) {
            case WORKING_DAYS: return "ngày làm việc";
            case HALF_DAYS: return "buổi làm việc";
            case WORKING_HOURS: return "giờ làm việc";
            default: return "ngày";
        }
    }

    private static RawProcedure.Channel mainChannel(RawProcedure r) {
        for (RawProcedure.Channel c : r.channels()) {
            if (method(c.kind()) == FilingMethod.IN_PERSON && !c.times().isEmpty()) {
                return c;
            }
        }
        return r.channels().stream().filter(c -> !c.times().isEmpty()).findFirst().orElse(null);
    }

    private static String caseName(String description, int i) {
        String d = Texts.clean(description);
        if (Texts.isBlank(d)) {
            return "Trường hợp " + (i + 1);
        }
        int colon = d.indexOf(':');
        String n = colon > 0 ? d.substring(0, colon) : d;
        return n.length() > 255 ? n.substring(0, 252) + "..." : n;
    }

    /** The steps a person gave an existing case of the same id, when they still add up to the new time. */
    private static List<Step> keptSteps(ProcedureDetail existing, String id, ProcessingTime time) {
        if (existing == null) {
            return null;
        }
        for (ProcedureCase c : existing.cases()) {
            if (c.id().equals(id) && c.duration() != null && c.duration().unit() == time.unit() && !c.steps().isEmpty()
                    && c.steps().stream().allMatch(s -> s.share() != null)
                    && c.steps().stream().map(Step::share).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .compareTo(time.amount()) == 0) {
                return c.steps().stream().map(s -> new Step(s.name(), s.role(),
                        s.unit() != null && s.unit().id() != null ? UnitRef.unit(s.unit().id()) : s.unit(), s.share())).toList();
            }
        }
        return null;
    }

    /** Desk → specialist → leader → desk, with the level's shares rounded to what the calendar counts. */
    private List<Step> template(UnitLevel level, UnitRef agency, ProcessingTime time) {
        NationalCatalogueProperties.Workflow w = level == UnitLevel.PROVINCE ? settings.province() : settings.commune();
        BigDecimal quantum = time.unit() == DurationUnit.WORKING_DAYS ? new BigDecimal("0.5")
                : time.unit() == DurationUnit.WORKING_HOURS ? new BigDecimal("0.25") : BigDecimal.ONE;
        BigDecimal total = time.amount();
        BigDecimal intake = round(total.multiply(w.intake()), quantum);
        BigDecimal examine = round(total.multiply(w.examine()), quantum);
        BigDecimal handBack = round(total.multiply(w.handBack()), quantum);
        BigDecimal approve = total.subtract(intake).subtract(examine).subtract(handBack);
        if (approve.signum() < 0) {
            examine = examine.add(approve).max(BigDecimal.ZERO);
            approve = total.subtract(intake).subtract(examine).subtract(handBack).max(BigDecimal.ZERO);
        }
        UnitRef desk;
        UnitRef examiner;
        UnitRef leader;
        if (level == UnitLevel.PROVINCE) {
            UnitView centre = agencies.serviceCentre();
            desk = centre == null ? UnitRef.unit(agency.id()) : UnitRef.unit(centre.id());
            examiner = UnitRef.unit(agency.id());
            leader = UnitRef.unit(agency.id());
        } else {
            desk = UnitRef.kind(UnitKind.ONE_STOP_DESK);
            examiner = UnitRef.kind(UnitKind.DIVISION);
            leader = UnitRef.kind(UnitKind.COMMUNE);
        }
        return List.of(new Step(INTAKE, Role.ONE_STOP_OFFICER, desk, plain(intake)),
                new Step(EXAMINE, Role.SPECIALIST, examiner, plain(examine)),
                new Step(APPROVE, Role.LEADER, leader, plain(approve)),
                new Step(HAND_BACK, Role.ONE_STOP_OFFICER, desk, plain(handBack)));
    }

    private static BigDecimal round(BigDecimal v, BigDecimal quantum) {
        return v.divide(quantum, 0, RoundingMode.HALF_UP).multiply(quantum);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal n = v.stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    // --- fees -----------------------------------------------------------------------------------------------

    private List<Fee> fees(RawProcedure r) {
        Map<String, Fee> out = new LinkedHashMap<>();
        boolean any = false;
        for (RawProcedure.Channel c : r.channels()) {
            for (RawProcedure.Time t : c.times()) {
                for (RawProcedure.Charge ch : t.fees()) {
                    any = true;
                    for (Fee f : charge(ch)) {
                        out.putIfAbsent(f.name() + "|" + f.amountVnd(), f);
                    }
                }
            }
        }
        if (!any) {
            String text = r.channels().isEmpty() ? r.fee() : null;
            FeeParser.Result parsed = FeeParser.parse(text);
            for (Parsed<Fee> p : parsed.parts()) {
                take("fees", p, text);
            }
            parsed.fees().forEach(f -> out.putIfAbsent(f.name() + "|" + f.amountVnd(), f));
        }
        return out.values().stream().limit(50).toList();
    }

    /** A national fee: SOTIEN when it is a number above zero, else its description read as text. */
    private List<Fee> charge(RawProcedure.Charge ch) {
        String desc = Texts.clean(ch.description());
        Long amount = null;
        if (!Texts.isBlank(ch.amount())) {
            try {
                amount = new BigDecimal(ch.amount().strip().replace(".", "").replace(",", "")).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                amount = null;
            }
        }
        if (amount != null && amount > 0 && amount <= 100_000_000_000L) {
            String name = "Phí, lệ phí";
            if (desc != null) {
                int colon = desc.indexOf(':');
                name = colon > 0 && colon < 120 ? desc.substring(0, colon) : desc.length() <= 255 ? desc : name;
            }
            String note = desc == null ? null : desc.length() > 500 ? desc.substring(0, 497) + "..." : desc;
            Fee f = new Fee(name, amount, note);
            take("fees", Parsed.parsed(f, "fee.amount"), join(ch.amount(), ch.unit(), desc));
            return List.of(f);
        }
        FeeParser.Result parsed = FeeParser.parse(desc);
        for (Parsed<Fee> p : parsed.parts()) {
            take("fees", p, desc);
        }
        return parsed.fees();
    }

    // --- components, result, legal basis -----------------------------------------------------------------

    private List<ProcedureComponent> components(RawProcedure r) {
        Map<String, ProcedureComponent> out = new LinkedHashMap<>();
        Set<String> groups = new LinkedHashSet<>();
        int needs = 0;
        for (RawProcedure.Component c : r.components()) {
            Parsed<ProcedureComponent> p = c.originals() == null && c.copies() == null
                    ? ComponentParser.text(c.name()) : ComponentParser.fields(c.name(), c.originals(), c.copies());
            String source = c.originals() == null && c.copies() == null ? c.name()
                    : c.name() + " (" + (c.originals() == null ? "-" : c.originals()) + "/" + (c.copies() == null ? "-" : c.copies()) + ")";
            if (!p.present()) {
                needs++;
                note("components", Finding.GUESSED, p.reason(), short200(source));
                continue;
            }
            if (p.finding() != Finding.PARSED) {
                take("components", p, source);
            }
            if (!Texts.isBlank(c.group())) {
                groups.add(c.group());
            }
            out.putIfAbsent(Texts.fold(p.value().name()), p.value());
        }
        if (out.isEmpty()) {
            note("components", Finding.NEEDS_PERSON, "components.missing");
        } else {
            note("components", Finding.PARSED, "components.count", String.valueOf(out.size()));
        }
        if (groups.size() > 1) {
            note("components", Finding.GUESSED, "components.groups", String.valueOf(groups.size()));
        }
        return out.values().stream().limit(200).toList();
    }

    private String result(RawProcedure r) {
        List<String> results = r.results().stream().map(Texts::clean).filter(s -> !Texts.isBlank(s)).toList();
        if (results.isEmpty()) {
            note("result", Finding.NEEDS_PERSON, "result.missing");
            return null;
        }
        String joined = String.join("; ", results);
        if (joined.length() > 500) {
            joined = joined.substring(0, 497) + "...";
            note("result", Finding.GUESSED, "result.cut");
        }
        return joined;
    }

    private List<LegalDocument> legal(RawProcedure r) {
        List<LegalDocument> out = new ArrayList<>();
        for (RawProcedure.Legal l : r.legalBasis()) {
            String number = Texts.clean(l.number());
            String title = Texts.clean(l.title());
            if (Texts.isBlank(title)) {
                title = number;
            }
            if (Texts.isBlank(title)) {
                continue;
            }
            if (number != null && number.length() > 100) {
                number = number.substring(0, 100);
            }
            if (title.length() > 1000) {
                title = title.substring(0, 997) + "...";
            }
            out.add(new LegalDocument(Texts.isBlank(number) ? null : number, title, null));
            if (out.size() == 100) {
                break;
            }
        }
        if (!out.isEmpty()) {
            note("legalBasis", Finding.PARSED, "legal.count", String.valueOf(out.size()));
        }
        return out;
    }

    // --- display ----------------------------------------------------------------------------------------------

    private static String display(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof ProcessingTime) {
            ProcessingTime t = (ProcessingTime) v;
            return t.amount().toPlainString() + " #duration." + t.unit();
        }
        if (v instanceof Fee) {
            Fee f = (Fee) v;
            return f.name() + ": " + String.format(java.util.Locale.ROOT, "%,d", f.amountVnd()).replace(',', '.') + " đ";
        }
        if (v instanceof ProcedureComponent) {
            ProcedureComponent c = (ProcedureComponent) v;
            return c.name() + " (" + c.originals() + "/" + c.copies() + ")";
        }
        if (v instanceof UnitLevel) {
            return "#unit.level." + v;
        }
        return String.valueOf(v);
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> !Texts.isBlank(p)).toList());
    }

    private static String short200(String s) {
        String c = Texts.clean(s);
        if (c == null) {
            return "";
        }
        return c.length() > 200 ? c.substring(0, 197) + "..." : c;
    }
}
