package vn.motcua.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.FormTemplate;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.Texts;

/**
 * The procedure form as the page binds it. Its property paths are those of
 * {@link ProcedureCommand} ({@code cases[0].steps[1].share} and so on), so the
 * domain's field errors land next to the right inputs. Units are chosen in one
 * select as a token: {@code u:<id>} for a unit, {@code k:<KIND>} for a kind of
 *
 * <p>Why some 440 lines: it is a mutable bean for the page's binding (getters
 * and setters for the procedure, its cases, steps, components, fees and
 * forms), with the two conversions to and from the command; no logic of its own.
 * unit of the receiving commune.
 */
public class ProcedureForm {

    private String code;
    private String name;
    private String field;
    private UnitLevel level;
    private String agency;
    private String subjects;
    private List<FilingMethod> methods = new ArrayList<>();
    private OnlineLevel onlineLevel = OnlineLevel.NONE;
    private boolean interAgency;
    private boolean crossBoundary;
    private String resultType;
    private List<CaseForm> cases = new ArrayList<>();
    private List<ComponentForm> components = new ArrayList<>();
    private List<TemplateForm> forms = new ArrayList<>();
    private List<FeeForm> fees = new ArrayList<>();
    private List<LegalForm> legalBasis = new ArrayList<>();
    private Integer revision;

    /** A new procedure: one case with one step, one component, filed in person. */
    public static ProcedureForm blank() {
        ProcedureForm f = new ProcedureForm();
        f.methods.add(FilingMethod.IN_PERSON);
        CaseForm c = new CaseForm();
        c.getDuration().setUnit(DurationUnit.WORKING_DAYS);
        c.steps.add(new StepForm());
        f.cases.add(c);
        f.components.add(new ComponentForm());
        return f;
    }

    public static ProcedureForm of(ProcedureDetail d) {
        ProcedureForm f = new ProcedureForm();
        f.code = d.code();
        f.name = d.name();
        f.field = d.field();
        f.level = d.level();
        f.agency = d.agency() == null || d.agency().id() == null ? "" : "u:" + d.agency().id();
        f.subjects = String.join("\n", d.subjects());
        f.methods = new ArrayList<>(d.methods());
        f.onlineLevel = d.onlineLevel();
        f.interAgency = d.interAgency();
        f.crossBoundary = d.crossBoundary();
        f.resultType = d.resultType();
        for (ProcedureCase k : d.cases()) {
            CaseForm c = new CaseForm();
            c.id = k.id();
            c.name = k.name();
            c.duration = TimeForm.of(k.duration());
            c.onlineDuration = TimeForm.of(k.onlineDuration());
            for (Step s : k.steps()) {
                StepForm sf = new StepForm();
                sf.name = s.name();
                sf.role = s.role();
                sf.unit = token(s.unit());
                sf.share = s.share();
                c.steps.add(sf);
            }
            f.cases.add(c);
        }
        for (ProcedureComponent c : d.components()) {
            ComponentForm cf = new ComponentForm();
            cf.name = c.name();
            cf.originals = c.originals();
            cf.copies = c.copies();
            cf.form = c.form();
            f.components.add(cf);
        }
        for (FormTemplate t : d.forms()) {
            TemplateForm tf = new TemplateForm();
            tf.code = t.code();
            tf.name = t.name();
            tf.url = t.url();
            f.forms.add(tf);
        }
        for (Fee fee : d.fees()) {
            FeeForm ff = new FeeForm();
            ff.name = fee.name();
            ff.amountVnd = fee.amountVnd();
            ff.note = fee.note();
            f.fees.add(ff);
        }
        for (LegalDocument l : d.legalBasis()) {
            LegalForm lf = new LegalForm();
            lf.number = l.number();
            lf.title = l.title();
            lf.issuedOn = l.issuedOn();
            f.legalBasis.add(lf);
        }
        f.revision = d.revision();
        return f;
    }

    static String token(UnitRef ref) {
        if (ref == null) {
            return "";
        }
        return ref.id() != null ? "u:" + ref.id() : ref.kind() != null ? "k:" + ref.kind().name() : "";
    }

    static UnitRef unitRef(String token) {
        if (Texts.isBlank(token)) {
            return null;
        }
        String t = token.strip();
        try {
            if (t.startsWith("u:")) {
                return UnitRef.unit(Long.parseLong(t.substring(2)));
            }
            if (t.startsWith("k:")) {
                return UnitRef.kind(UnitKind.valueOf(t.substring(2)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * Drops the rows left entirely empty (the page offers empty rows to fill),
     * so that the rows the command gets are the rows the page shows again.
     */
    public void compact() {
        components.removeIf(c -> c == null || c.isEmpty());
        forms.removeIf(t -> t == null || t.isEmpty());
        fees.removeIf(f -> f == null || f.isEmpty());
        legalBasis.removeIf(l -> l == null || l.isEmpty());
        cases.removeIf(Objects::isNull);
        for (CaseForm c : cases) {
            c.steps.removeIf(s -> s == null || s.isEmpty());
        }
    }

    public ProcedureCommand toCommand() {
        Set<FilingMethod> m = methods == null || methods.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(methods.stream().filter(Objects::nonNull).toList()));
        List<String> subjectLines = subjects == null ? List.of()
                : Arrays.stream(subjects.split("\\R")).filter(s -> !s.isBlank()).toList();
        return new ProcedureCommand(code == null ? null : code.strip(), name, field, level,
                level == UnitLevel.COMMUNE ? null : unitRef(agency), subjectLines, m, onlineLevel, interAgency, crossBoundary,
                cases.stream().map(CaseForm::toCase).toList(),
                components.stream().map(c -> new ProcedureComponent(c.name, c.originals, c.copies, c.form)).toList(),
                forms.stream().map(t -> new FormTemplate(t.code, t.name, t.url)).toList(),
                fees.stream().map(f -> new Fee(f.name, f.amountVnd, f.note)).toList(),
                null, resultType,
                legalBasis.stream().map(l -> new LegalDocument(l.number, l.title, l.issuedOn)).toList(),
                revision);
    }

    /** Sum of the fees typed so far. */
    public long getFeeSum() {
        return fees.stream().filter(f -> f != null && f.amountVnd != null).mapToLong(f -> f.amountVnd).sum();
    }

    /**
     * Applies an editing action of the step editor and the row lists, e.g.
     * {@code addStep:0}, {@code removeStep:0:2}, {@code upStep:1:3},
     * {@code addComponent}, {@code removeFee:1}. Unknown actions do nothing.
     */
    public void apply(String op) {
        String[] p = op.split(":");
        int i = p.length > 1 ? FormRows.index(p[1]) : -1;
        int j = p.length > 2 ? FormRows.index(p[2]) : -1;
        switch (p[0]) {
            case "addCase" -> {
                CaseForm c = new CaseForm();
                c.getDuration().setUnit(DurationUnit.WORKING_DAYS);
                c.steps.add(new StepForm());
                cases.add(c);
            }
            case "removeCase" -> FormRows.remove(cases, i);
            case "addStep" -> {
                if (FormRows.inRange(cases, i)) {
                    cases.get(i).steps.add(new StepForm());
                }
            }
            case "removeStep" -> {
                if (FormRows.inRange(cases, i)) {
                    FormRows.remove(cases.get(i).steps, j);
                }
            }
            case "upStep" -> {
                if (FormRows.inRange(cases, i) && FormRows.inRange(cases.get(i).steps, j) && j > 0) {
                    Collections.swap(cases.get(i).steps, j, j - 1);
                }
            }
            case "downStep" -> {
                if (FormRows.inRange(cases, i) && FormRows.inRange(cases.get(i).steps, j + 1)) {
                    Collections.swap(cases.get(i).steps, j, j + 1);
                }
            }
            case "addComponent" -> components.add(new ComponentForm());
            case "removeComponent" -> FormRows.remove(components, i);
            case "addForm" -> forms.add(new TemplateForm());
            case "removeForm" -> FormRows.remove(forms, i);
            case "addFee" -> fees.add(new FeeForm());
            case "removeFee" -> FormRows.remove(fees, i);
            case "addLegal" -> legalBasis.add(new LegalForm());
            case "removeLegal" -> FormRows.remove(legalBasis, i);
            default -> {
                // nothing to do
            }
        }
    }

    /** A case of the form. */
    public static class CaseForm {
        private String id;
        private String name;
        private TimeForm duration = new TimeForm();
        private TimeForm onlineDuration = new TimeForm();
        private List<StepForm> steps = new ArrayList<>();

        ProcedureCase toCase() {
            return new ProcedureCase(id, name, duration == null ? null : duration.toTime(),
                    onlineDuration == null ? null : onlineDuration.toTime(),
                    steps.stream().map(s -> new Step(s.name, s.role, unitRef(s.unit), s.share)).toList());
        }

        /** The shares typed so far, added up (shown next to the duration). */
        public BigDecimal getShareSum() {
            BigDecimal sum = steps.stream().filter(s -> s != null && s.share != null).map(s -> s.share)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal n = sum.stripTrailingZeros();
            return n.scale() < 0 ? n.setScale(0) : n;
        }

        /** True when the shares add up to the duration. */
        public boolean isBalanced() {
            return duration != null && duration.amount != null && getShareSum().compareTo(duration.amount) == 0;
        }

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public TimeForm getDuration() { return duration; }
        public void setDuration(TimeForm duration) { this.duration = duration; }
        public TimeForm getOnlineDuration() { return onlineDuration; }
        public void setOnlineDuration(TimeForm onlineDuration) { this.onlineDuration = onlineDuration; }
        public List<StepForm> getSteps() { return steps; }
        public void setSteps(List<StepForm> steps) { this.steps = steps; }
    }

    /** An amount of time in a unit. */
    public static class TimeForm {
        private BigDecimal amount;
        private DurationUnit unit;

        static TimeForm of(ProcessingTime t) {
            TimeForm f = new TimeForm();
            if (t != null) {
                f.amount = t.amount();
                f.unit = t.unit();
            }
            return f;
        }

        ProcessingTime toTime() {
            return amount == null && unit == null ? null : new ProcessingTime(amount, unit);
        }

        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public DurationUnit getUnit() { return unit; }
        public void setUnit(DurationUnit unit) { this.unit = unit; }
    }

    /** A workflow step. */
    public static class StepForm {
        private String name;
        private Role role;
        private String unit;
        private BigDecimal share;

        boolean isEmpty() {
            return Texts.isBlank(name) && role == null && Texts.isBlank(unit) && share == null;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public BigDecimal getShare() { return share; }
        public void setShare(BigDecimal share) { this.share = share; }
    }

    /** A dossier component. */
    public static class ComponentForm {
        private String name;
        private Integer originals = 1;
        private Integer copies = 0;
        private String form;

        boolean isEmpty() {
            return Texts.isBlank(name) && Texts.isBlank(form);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getOriginals() { return originals; }
        public void setOriginals(Integer originals) { this.originals = originals; }
        public Integer getCopies() { return copies; }
        public void setCopies(Integer copies) { this.copies = copies; }
        public String getForm() { return form; }
        public void setForm(String form) { this.form = form; }
    }

    /** A form (mẫu đơn, tờ khai). */
    public static class TemplateForm {
        private String code;
        private String name;
        private String url;

        boolean isEmpty() {
            return Texts.isBlank(code) && Texts.isBlank(name) && Texts.isBlank(url);
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
    }

    /** A fee item. */
    public static class FeeForm {
        private String name;
        private Long amountVnd;
        private String note;

        boolean isEmpty() {
            return Texts.isBlank(name) && amountVnd == null && Texts.isBlank(note);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Long getAmountVnd() { return amountVnd; }
        public void setAmountVnd(Long amountVnd) { this.amountVnd = amountVnd; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    /** A legal document. */
    public static class LegalForm {
        private String number;
        private String title;
        private LocalDate issuedOn;

        boolean isEmpty() {
            return Texts.isBlank(number) && Texts.isBlank(title) && issuedOn == null;
        }

        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public LocalDate getIssuedOn() { return issuedOn; }
        public void setIssuedOn(LocalDate issuedOn) { this.issuedOn = issuedOn; }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getField() { return field; }
    public void setField(String field) { this.field = field; }
    public UnitLevel getLevel() { return level; }
    public void setLevel(UnitLevel level) { this.level = level; }
    public String getAgency() { return agency; }
    public void setAgency(String agency) { this.agency = agency; }
    public String getSubjects() { return subjects; }
    public void setSubjects(String subjects) { this.subjects = subjects; }
    public List<FilingMethod> getMethods() { return methods; }
    public void setMethods(List<FilingMethod> methods) { this.methods = methods; }
    public OnlineLevel getOnlineLevel() { return onlineLevel; }
    public void setOnlineLevel(OnlineLevel onlineLevel) { this.onlineLevel = onlineLevel; }
    public boolean isInterAgency() { return interAgency; }
    public void setInterAgency(boolean interAgency) { this.interAgency = interAgency; }
    public boolean isCrossBoundary() { return crossBoundary; }
    public void setCrossBoundary(boolean crossBoundary) { this.crossBoundary = crossBoundary; }
    public String getResultType() { return resultType; }
    public void setResultType(String resultType) { this.resultType = resultType; }
    public List<CaseForm> getCases() { return cases; }
    public void setCases(List<CaseForm> cases) { this.cases = cases; }
    public List<ComponentForm> getComponents() { return components; }
    public void setComponents(List<ComponentForm> components) { this.components = components; }
    public List<TemplateForm> getForms() { return forms; }
    public void setForms(List<TemplateForm> forms) { this.forms = forms; }
    public List<FeeForm> getFees() { return fees; }
    public void setFees(List<FeeForm> fees) { this.fees = fees; }
    public List<LegalForm> getLegalBasis() { return legalBasis; }
    public void setLegalBasis(List<LegalForm> legalBasis) { this.legalBasis = legalBasis; }
    public Integer getRevision() { return revision; }
    public void setRevision(Integer revision) { this.revision = revision; }
}
