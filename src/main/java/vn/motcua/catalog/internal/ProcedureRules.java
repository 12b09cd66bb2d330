package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.FormTemplate;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.Texts;

/**
 * The rules a procedure must satisfy before it is stored, checked all at once
 * so that every broken rule is reported with its field:
 * <ul>
 *   <li>the national code has the form {@code d.dddddd} (e.g. {@code 1.001193});</li>
 *   <li>name, field, level, result type are given; at least one filing method;
 *       an online level other than NONE goes with the ONLINE method and back;</li>
 *   <li>a province-level procedure names its implementing unit (an active
 *       province-level unit); a commune-level one is implemented by every commune;</li>
 *   <li>at least one component, each with at least one original or copy, whose
 *       form (if any) is one of the procedure's forms;</li>
 *   <li>fees are not negative and {@code feeVnd}, when given, is their sum;</li>
 *   <li>at least one case, with unique ids, a duration, at least one step, and
 *       step shares (not negative) adding up exactly to the duration; each step
 *       names a role and a unit, or (commune level) a kind of unit of the commune.</li>
 * </ul>
 * Why some 450 lines: the rules above are checked in one pass so that all
 * broken rules come back together; each is a short method.
 *  * Pure: units are looked up through {@link Units}, so the rules are tested without Spring.
 */
public final class ProcedureRules {

    /** {@code 1.001193}: one digit, a dot, six digits, as in the National Database on Administrative Procedures. */
    public static final String CODE_PATTERN = "^\\d\\.\\d{6}$";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);
    private static final Pattern CASE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999");
    /** Kinds a commune-level step may name, resolved within the receiving commune. */
    public static final Set<UnitKind> COMMUNE_STEP_KINDS =
            Collections.unmodifiableSet(EnumSet.of(UnitKind.ONE_STOP_DESK, UnitKind.DIVISION, UnitKind.COMMUNE, UnitKind.WARD));

    /** How the rules find units. */
    public interface Units {
        Optional<UnitView> byId(long id);

        Optional<UnitView> byCode(String code);
    }

    /** The outcome of a check: the cleaned content when there is no violation. */
    public record Checked(String code, ProcedureContent content, List<Violation> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private final Units units;
    private final List<Violation> violations = new ArrayList<>();

    private ProcedureRules(Units units) {
        this.units = units;
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static Checked check(ProcedureCommand c, Units units) {
        ProcedureRules r = new ProcedureRules(units);
        ProcedureContent content = r.run(c);
        String code = c.code() == null ? null : c.code().strip();
        return new Checked(code, r.violations.isEmpty() ? content : null, List.copyOf(r.violations));
    }

    private void add(String field, String key, Object... args) {
        violations.add(new Violation(field, key, List.of(args)));
    }

    private ProcedureContent run(ProcedureCommand c) {
        String code = c.code() == null ? null : c.code().strip();
        if (Texts.isBlank(code)) {
            add("code", "validation.required");
        } else if (!CODE.matcher(code).matches()) {
            add("code", "procedure.code.pattern");
        }
        String name = text("name", c.name(), 500, true);
        String field = text("field", c.field(), 255, true);
        String resultType = text("resultType", c.resultType(), 500, true);
        UnitLevel level = c.level();
        if (level == null) {
            add("level", "validation.required");
        }
        UnitRef agency = agency(level, c.agency());

        List<String> subjects = new ArrayList<>();
        if (c.subjects() != null) {
            for (String s : c.subjects()) {
                String clean = Texts.clean(s);
                if (!Texts.isBlank(clean)) {
                    if (clean.length() > 500) {
                        add("subjects", "validation.tooLong");
                    }
                    subjects.add(clean);
                }
            }
        }

        Set<FilingMethod> methods = EnumSet.noneOf(FilingMethod.class);
        if (c.methods() != null) {
            c.methods().stream().filter(java.util.Objects::nonNull).forEach(methods::add);
        }
        if (methods.isEmpty()) {
            add("methods", "procedure.methods.required");
        }
        OnlineLevel onlineLevel = c.onlineLevel() == null ? OnlineLevel.NONE : c.onlineLevel();
        if (!methods.isEmpty() && (onlineLevel != OnlineLevel.NONE) != methods.contains(FilingMethod.ONLINE)) {
            add("onlineLevel", "procedure.onlineLevel.mismatch");
        }

        List<FormTemplate> forms = forms(c.forms());
        List<ProcedureComponent> components = components(c.components(), forms);
        List<Fee> fees = fees(c.fees());
        long feeSum = fees.stream().mapToLong(f -> f.amountVnd() == null ? 0 : f.amountVnd()).sum();
        if (c.feeVnd() != null && c.feeVnd() != feeSum) {
            add("feeVnd", "procedure.feeVnd.mismatch", c.feeVnd(), feeSum);
        }
        List<LegalDocument> legal = legalBasis(c.legalBasis());
        List<ProcedureCase> cases = cases(level, c.cases());

        return new ProcedureContent(name, field, level, agency, List.copyOf(subjects),
                Collections.unmodifiableSet(methods),
                onlineLevel, Boolean.TRUE.equals(c.interAgency()), Boolean.TRUE.equals(c.crossBoundary()),
                cases, components, forms, fees, feeSum, resultType, legal);
    }

    private String text(String field, String value, int max, boolean required) {
        String clean = Texts.clean(value);
        if (Texts.isBlank(clean)) {
            if (required) {
                add(field, "validation.required");
            }
            return null;
        }
        if (clean.length() > max) {
            add(field, "validation.tooLong");
        }
        return clean;
    }

    private UnitRef agency(UnitLevel level, UnitRef given) {
        if (level == UnitLevel.COMMUNE) {
            if (given != null && given.isSpecific()) {
                add("agency", "procedure.agency.commune");
            } else if (given != null && given.kind() != null && given.kind() != UnitKind.COMMUNE && given.kind() != UnitKind.WARD) {
                add("agency", "procedure.agency.commune");
            }
            return UnitRef.kind(UnitKind.COMMUNE);
        }
        if (level == UnitLevel.PROVINCE) {
            if (given == null || !given.isSpecific()) {
                add("agency", "procedure.agency.required");
                return null;
            }
            UnitView u = unit("agency", given);
            if (u != null && u.level() != UnitLevel.PROVINCE) {
                add("agency", "procedure.agency.level");
            }
            return u == null ? null : UnitRef.unit(u.id());
        }
        return null;
    }

    /** Resolves a specific unit by code (preferred: portable between databases) or id; null with a violation if unknown. */
    private UnitView unit(String field, UnitRef ref) {
        Optional<UnitView> found = !Texts.isBlank(ref.code()) ? units.byCode(ref.code().strip()) : units.byId(ref.id());
        if (found.isEmpty()) {
            add(field, "procedure.unit.unknown");
            return null;
        }
        if (!found.get().active()) {
            add(field, "procedure.unit.dissolved", found.get().name());
            return null;
        }
        return found.get();
    }

    private List<FormTemplate> forms(List<FormTemplate> given) {
        List<FormTemplate> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            FormTemplate f = given.get(i);
            String p = "forms[" + i + "]";
            if (f == null) {
                add(p, "validation.required");
                continue;
            }
            String code = text(p + ".code", f.code(), 50, true);
            String name = text(p + ".name", f.name(), 500, true);
            String url = text(p + ".url", f.url(), 1000, false);
            if (code != null && !codes.add(code)) {
                add(p + ".code", "procedure.form.duplicate");
            }
            out.add(new FormTemplate(code, name, url));
        }
        return List.copyOf(out);
    }

    private List<ProcedureComponent> components(List<ProcedureComponent> given, List<FormTemplate> forms) {
        List<ProcedureComponent> out = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            add("components", "procedure.components.required");
            return List.of();
        }
        Set<String> formCodes = new HashSet<>();
        forms.forEach(f -> formCodes.add(f.code()));
        for (int i = 0; i < given.size(); i++) {
            ProcedureComponent c = given.get(i);
            String p = "components[" + i + "]";
            if (c == null) {
                add(p, "validation.required");
                continue;
            }
            String name = text(p + ".name", c.name(), 1000, true);
            int originals = count(p + ".originals", c.originals());
            int copies = count(p + ".copies", c.copies());
            if (originals + copies == 0 && c.originals() != null && c.copies() != null) {
                add(p + ".originals", "procedure.component.count");
            }
            String form = Texts.clean(c.form());
            if (Texts.isBlank(form)) {
                form = null;
            } else if (!formCodes.contains(form)) {
                add(p + ".form", "procedure.component.form.unknown", form);
            }
            out.add(new ProcedureComponent(name, originals, copies, form));
        }
        return List.copyOf(out);
    }

    private int count(String field, Integer n) {
        if (n == null) {
            add(field, "validation.required");
            return 0;
        }
        if (n < 0 || n > 99) {
            add(field, "procedure.count.range");
            return 0;
        }
        return n;
    }

    private List<Fee> fees(List<Fee> given) {
        List<Fee> out = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            Fee f = given.get(i);
            String p = "fees[" + i + "]";
            if (f == null) {
                add(p, "validation.required");
                continue;
            }
            String name = text(p + ".name", f.name(), 255, true);
            String note = text(p + ".note", f.note(), 500, false);
            Long amount = f.amountVnd();
            if (amount == null) {
                add(p + ".amountVnd", "validation.required");
            } else if (amount < 0 || amount > 100_000_000_000L) {
                add(p + ".amountVnd", "procedure.fee.range");
            }
            out.add(new Fee(name, amount, note));
        }
        return List.copyOf(out);
    }

    private List<LegalDocument> legalBasis(List<LegalDocument> given) {
        List<LegalDocument> out = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            LegalDocument d = given.get(i);
            String p = "legalBasis[" + i + "]";
            if (d == null) {
                add(p, "validation.required");
                continue;
            }
            String number = text(p + ".number", d.number(), 100, false);
            String title = text(p + ".title", d.title(), 1000, true);
            out.add(new LegalDocument(number, title, d.issuedOn()));
        }
        return List.copyOf(out);
    }

    private List<ProcedureCase> cases(UnitLevel level, List<ProcedureCase> given) {
        if (given == null || given.isEmpty()) {
            add("cases", "procedure.cases.required");
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (ProcedureCase c : given) {
            if (c != null && !Texts.isBlank(c.id())) {
                ids.add(c.id().strip());
            }
        }
        Set<String> seen = new HashSet<>();
        List<ProcedureCase> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ProcedureCase c = given.get(i);
            String p = "cases[" + i + "]";
            if (c == null) {
                add(p, "validation.required");
                continue;
            }
            String id = c.id() == null ? null : c.id().strip();
            if (Texts.isBlank(id)) {
                id = freshCaseId(i, ids);
            } else if (!CASE_ID.matcher(id).matches()) {
                add(p + ".id", "procedure.case.id.pattern");
            }
            if (!seen.add(id)) {
                add(p + ".id", "procedure.case.id.duplicate", id);
            }
            String name = text(p + ".name", c.name(), 255, true);
            String label = name == null ? "#" + (i + 1) : name;
            ProcessingTime duration = time(p + ".duration", c.duration(), true);
            ProcessingTime online = time(p + ".onlineDuration", c.onlineDuration(), false);
            if (duration != null && online != null && duration.unit() == online.unit()
                    && online.amount().compareTo(duration.amount()) > 0) {
                add(p + ".onlineDuration.amount", "procedure.case.onlineDuration.longer");
            }
            List<Step> steps = steps(level, p, c.steps());
            if (steps.isEmpty() && (c.steps() == null || c.steps().isEmpty())) {
                add(p + ".steps", "procedure.case.steps.required", label);
            } else if (duration != null && steps.stream().allMatch(s -> s.share() != null)) {
                BigDecimal sum = steps.stream().map(Step::share).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(duration.amount()) != 0) {
                    add(p + ".steps", "procedure.case.sharesMismatch", label, plain(sum), plain(duration.amount()));
                }
            }
            out.add(new ProcedureCase(id, name, duration, online, steps));
        }
        return List.copyOf(out);
    }

    private static String freshCaseId(int index, Set<String> taken) {
        String id = "TH" + (index + 1);
        int n = index + 1;
        while (taken.contains(id)) {
            id = "TH" + (++n);
        }
        taken.add(id);
        return id;
    }

    private ProcessingTime time(String p, ProcessingTime t, boolean required) {
        if (t == null || (t.amount() == null && t.unit() == null)) {
            if (required) {
                add(p + ".amount", "validation.required");
            }
            return null;
        }
        BigDecimal amount = amount(p + ".amount", t.amount());
        if (t.unit() == null) {
            add(p + ".unit", "validation.required");
        }
        return amount == null || t.unit() == null ? null : new ProcessingTime(amount, t.unit());
    }

    private BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            add(field, "validation.required");
            return null;
        }
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
            add(field, "procedure.amount.range");
            return null;
        }
        BigDecimal n = normalize(value);
        if (n.scale() > 2) {
            add(field, "procedure.amount.scale");
            return null;
        }
        return n;
    }

    private List<Step> steps(UnitLevel level, String casePath, List<Step> given) {
        List<Step> out = new ArrayList<>();
        for (int j = 0; given != null && j < given.size(); j++) {
            Step s = given.get(j);
            String p = casePath + ".steps[" + j + "]";
            if (s == null) {
                add(p, "validation.required");
                continue;
            }
            String name = text(p + ".name", s.name(), 255, true);
            if (s.role() == null) {
                add(p + ".role", "validation.required");
            }
            UnitRef unit = stepUnit(level, p + ".unit", s.unit());
            BigDecimal share = amount(p + ".share", s.share());
            out.add(new Step(name, s.role(), unit, share));
        }
        return List.copyOf(out);
    }

    private UnitRef stepUnit(UnitLevel level, String field, UnitRef ref) {
        if (ref == null || (!ref.isSpecific() && ref.kind() == null)) {
            add(field, "procedure.step.unit.required");
            return null;
        }
        if (ref.isSpecific()) {
            UnitView u = unit(field, ref);
            return u == null ? null : UnitRef.unit(u.id());
        }
        if (level != UnitLevel.COMMUNE) {
            add(field, "procedure.step.unit.kindProvince");
            return null;
        }
        if (!COMMUNE_STEP_KINDS.contains(ref.kind())) {
            add(field, "procedure.step.unit.kind");
            return null;
        }
        return UnitRef.kind(ref.kind());
    }

    /** Without trailing zeros and never in exponent form: 15.0 → 15, 0.50 → 0.5. */
    public static BigDecimal normalize(BigDecimal v) {
        BigDecimal n = v.stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private static String plain(BigDecimal v) {
        return normalize(v).toPlainString();
    }
}
