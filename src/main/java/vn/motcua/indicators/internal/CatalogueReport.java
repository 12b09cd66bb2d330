package vn.motcua.indicators.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.indicators.Report;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/**
 * Form 07b ("tổng hợp số lượng thủ tục hành chính"): the procedures of the
 * province's published catalogue by sector (the department that answers for
 * them) and level, those run under the one-stop or inter-agency one-stop
 * mechanism, and those whose internal workflow was issued. Counted from the
 * catalogue's public service as it is when the report is generated (a
 * generated report keeps its figures).
 *
 * <p>How each column is read in MotCua (docs/indicators.md): a procedure is
 * the department's when the department (or one of its divisions) implements
 * it at province level; a commune-level procedure is the department's whose
 * province-level procedures share its field (lĩnh vực) the most; "under the
 * one-stop mechanism" is a procedure that can be filed at a one-stop desk,
 * online or by post (every published procedure can: MotCua receives only
 * through its desks and its portal); "internal workflow issued" is a
 * procedure published with a workflow of at least one step in every case.
 * Since 1 July 2025 there is no district level: the district columns are
 * not printed.
 */
@Component
public class CatalogueReport {

    /** The label of the row for commune-level procedures whose field no department holds. */
    static final String UNASSIGNED = "Lĩnh vực chưa gắn với sở, ngành";

    private final CatalogService catalog;
    private final ScoringUnits scoring;

    public CatalogueReport(CatalogService catalog, ScoringUnits scoring) {
        this.catalog = catalog;
        this.scoring = scoring;
    }

    static boolean oneStop(ProcedureDetail p) {
        return p.methods() != null && !p.methods().isEmpty();
    }

    static boolean workflowIssued(ProcedureDetail p) {
        return p.publication() != null && !p.cases().isEmpty()
                && p.cases().stream().map(ProcedureCase::steps).allMatch(s -> s != null && !s.isEmpty());
    }

    /**
     * One line per department (its name), the commune-level procedures of no department's field if any, and
     * the total: values are, in the form's order, procedures (total, province, commune), under the one-stop
     * mechanism (total, province, commune), internal workflows issued (total, province, commune).
     */
    public List<Report.Line> lines(List<UnitView> departments) {
        List<ProcedureDetail> all = catalog.allPublished();
        Map<Long, UnitView> byId = new HashMap<>();
        departments.forEach(d -> byId.put(d.id(), d));
        // the department of each province-level procedure, and so of each field
        Map<String, Long> departmentOf = new HashMap<>();
        Map<String, Map<Long, Integer>> fieldVotes = new HashMap<>();
        for (ProcedureDetail p : all) {
            if (p.level() != UnitLevel.PROVINCE) {
                continue;
            }
            Optional<Long> d = p.agencyUnitId().map(scoring::of).filter(byId::containsKey);
            if (d.isPresent()) {
                departmentOf.put(p.code(), d.get());
                fieldVotes.computeIfAbsent(key(p.field()), k -> new HashMap<>()).merge(d.get(), 1, Integer::sum);
            }
        }
        Map<String, Long> fieldDepartment = new HashMap<>();
        fieldVotes.forEach((field, votes) -> fieldDepartment.put(field, votes.entrySet().stream()
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        Map<Long, long[]> rows = new LinkedHashMap<>();
        departments.forEach(d -> rows.put(d.id(), new long[9]));
        long[] unassigned = new long[9];
        long[] total = new long[9];
        for (ProcedureDetail p : all) {
            boolean province = p.level() == UnitLevel.PROVINCE;
            Long department = province ? departmentOf.get(p.code()) : fieldDepartment.get(key(p.field()));
            long[] row = department == null ? (province ? null : unassigned) : rows.get(department);
            add(total, p, province);
            if (row != null) {
                add(row, p, province);
            }
        }
        List<Report.Line> lines = new ArrayList<>();
        for (UnitView d : departments) {
            lines.add(new Report.Line("Sở, ban, ngành", d.name(), rows.get(d.id())));
        }
        if (unassigned[0] > 0) {
            lines.add(new Report.Line("Sở, ban, ngành", UNASSIGNED, unassigned));
        }
        lines.add(new Report.Line("", ReportQueries.TOTAL, total));
        return lines;
    }

    private static String key(String field) {
        return field == null ? "" : vn.motcua.shared.Texts.fold(field);
    }

    /** Adds the procedure to the row's three groups (total and its level). */
    private static void add(long[] row, ProcedureDetail p, boolean province) {
        int level = province ? 1 : 2;
        row[0]++;
        row[level]++;
        if (oneStop(p)) {
            row[3]++;
            row[3 + level]++;
        }
        if (workflowIssued(p)) {
            row[6]++;
            row[6 + level]++;
        }
    }
}
