package vn.motcua.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.catalog.ComplianceCost;
import vn.motcua.catalog.ComplianceCostView;
import vn.motcua.catalog.CostItem;
import vn.motcua.catalog.SimplificationCommand;
import vn.motcua.catalog.SimplificationKind;
import vn.motcua.catalog.SimplificationProposal;
import vn.motcua.shared.Texts;

/**
 * The simplification proposal form as the page binds it. Its property paths
 * are those of {@link SimplificationCommand} ({@code before.items[0].hours},
 * {@code after.hourlyIncomeVnd} and so on), so the domain's field errors land
 * next to the right inputs. Cost items are added and removed by posting the
 * form with an {@code op} ({@code addItem:before}, {@code removeItem:after:2}).
 */
public class SimplificationForm {

    private String procedureCode;
    private SimplificationKind kind;
    private String reasons;
    private String proposedChanges;
    private SideForm before = SideForm.blank();
    private SideForm after = SideForm.blank();
    private Integer revision;

    public static SimplificationForm blank() {
        return new SimplificationForm();
    }

    /** A blank form for one procedure (e.g. opened from the procedure's page). */
    public static SimplificationForm forProcedure(String code) {
        SimplificationForm f = new SimplificationForm();
        f.procedureCode = code;
        return f;
    }

    public static SimplificationForm of(SimplificationProposal p) {
        SimplificationForm f = new SimplificationForm();
        f.procedureCode = p.procedureCode();
        f.kind = p.kind();
        f.reasons = p.reasons();
        f.proposedChanges = p.proposedChanges();
        f.before = SideForm.of(p.before());
        f.after = p.after() == null ? SideForm.blank() : SideForm.of(p.after());
        f.revision = p.revision();
        return f;
    }

    /** True when the proposal abolishes the procedure: the side after is not needed. */
    public boolean isAbolish() {
        return kind == SimplificationKind.ABOLISH;
    }

    /** Drops the item rows left entirely empty, so that the rows the command gets are the rows the page shows again. */
    public void compact() {
        before.compact();
        after.compact();
    }

    public SimplificationCommand toCommand() {
        return new SimplificationCommand(procedureCode, kind, reasons, proposedChanges, before.toCost(),
                isAbolish() ? null : after.toCost(), revision);
    }

    /**
     * Applies an editing action of the item rows: {@code addItem:before},
     * {@code removeItem:after:1}; {@code recalc} only shows the form again with
     * its figures. Unknown actions do nothing.
     */
    public void apply(String op) {
        String[] p = op.split(":");
        SideForm side = p.length > 1 ? ("after".equals(p[1]) ? after : "before".equals(p[1]) ? before : null) : null;
        if (side == null) {
            return;
        }
        switch (p[0]) {
            case "addItem" -> side.items.add(new ItemForm());
            case "removeItem" -> FormRows.remove(side.items, p.length > 2 ? FormRows.index(p[2]) : -1);
            default -> {
                // nothing to do
            }
        }
    }

    public String getProcedureCode() { return procedureCode; }
    public void setProcedureCode(String procedureCode) { this.procedureCode = procedureCode; }
    public SimplificationKind getKind() { return kind; }
    public void setKind(SimplificationKind kind) { this.kind = kind; }
    public String getReasons() { return reasons; }
    public void setReasons(String reasons) { this.reasons = reasons; }
    public String getProposedChanges() { return proposedChanges; }
    public void setProposedChanges(String proposedChanges) { this.proposedChanges = proposedChanges; }
    public SideForm getBefore() { return before; }
    public void setBefore(SideForm before) { this.before = before; }
    public SideForm getAfter() { return after; }
    public void setAfter(SideForm after) { this.after = after; }
    public Integer getRevision() { return revision; }
    public void setRevision(Integer revision) { this.revision = revision; }

    /** One side of the compliance cost. */
    public static class SideForm {
        private List<ItemForm> items = new ArrayList<>();
        private Long hourlyIncomeVnd;
        private Long feesVnd;
        private BigDecimal executionsPerYear;
        private Long subjectsPerYear;

        /** One empty item, performed once a year. */
        static SideForm blank() {
            SideForm s = new SideForm();
            s.items.add(new ItemForm());
            s.executionsPerYear = BigDecimal.ONE;
            return s;
        }

        static SideForm of(ComplianceCostView v) {
            SideForm s = new SideForm();
            for (CostItem i : v.items()) {
                ItemForm f = new ItemForm();
                f.description = i.description();
                f.hours = i.hours();
                s.items.add(f);
            }
            s.hourlyIncomeVnd = v.hourlyIncomeVnd();
            s.feesVnd = v.feesVnd();
            s.executionsPerYear = v.executionsPerYear();
            s.subjectsPerYear = v.subjectsPerYear();
            return s;
        }

        void compact() {
            items.removeIf(i -> i == null || i.isEmpty());
        }

        /** The side as the command has it. */
        public ComplianceCost toCost() {
            return new ComplianceCost(items.stream().filter(i -> i != null && !i.isEmpty())
                    .map(i -> new CostItem(i.description, i.hours)).toList(),
                    hourlyIncomeVnd, feesVnd, executionsPerYear, subjectsPerYear);
        }

        public List<ItemForm> getItems() { return items; }
        public void setItems(List<ItemForm> items) { this.items = items; }
        public Long getHourlyIncomeVnd() { return hourlyIncomeVnd; }
        public void setHourlyIncomeVnd(Long hourlyIncomeVnd) { this.hourlyIncomeVnd = hourlyIncomeVnd; }
        public Long getFeesVnd() { return feesVnd; }
        public void setFeesVnd(Long feesVnd) { this.feesVnd = feesVnd; }
        public BigDecimal getExecutionsPerYear() { return executionsPerYear; }
        public void setExecutionsPerYear(BigDecimal executionsPerYear) { this.executionsPerYear = executionsPerYear; }
        public Long getSubjectsPerYear() { return subjectsPerYear; }
        public void setSubjectsPerYear(Long subjectsPerYear) { this.subjectsPerYear = subjectsPerYear; }
    }

    /** One item of work. */
    public static class ItemForm {
        private String description;
        private BigDecimal hours;

        boolean isEmpty() {
            return Texts.isBlank(description) && hours == null;
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public BigDecimal getHours() { return hours; }
        public void setHours(BigDecimal hours) { this.hours = hours; }
    }
}
