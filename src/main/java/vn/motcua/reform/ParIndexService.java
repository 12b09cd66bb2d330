package vn.motcua.reform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.feedback.SatisfactionStatistics;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.ParIndexView.Line;
import vn.motcua.reform.ParIndexView.NodeDocument;
import vn.motcua.reform.ParIndexView.Proposal;
import vn.motcua.reform.ParIndexView.RankingRow;
import vn.motcua.reform.ParIndexView.Sheet;
import vn.motcua.reform.ParIndexView.TreeDocument;
import vn.motcua.reform.ParIndexView.TreeSummary;
import vn.motcua.reform.internal.parindex.ParIndexStore;
import vn.motcua.reform.internal.parindex.ParIndexStore.NodeRow;
import vn.motcua.reform.internal.parindex.ParIndexStore.ScoreRow;
import vn.motcua.reform.internal.parindex.ParIndexStore.TreeRow;
import vn.motcua.reform.internal.parindex.ParProposals;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The PAR INDEX self-assessment (docs/reform.md §3). Each year's criteria tree
 * is its own version, imported and exported as a document by the
 * administrator; a leader self-scores the units of their scope with evidence,
 * seeing the scores MotCua proposes from the 766 index and feedback
 * statistics; the Department of Home Affairs (supervisor) appraises and ranks.
 * Leaders see their units, supervisors and administrators all; others 403.
 */
@Service
@Transactional(readOnly = true)
public class ParIndexService {

    public static final String AUDIT_TREE = "reform.par.tree.imported";
    public static final String AUDIT_SELF = "reform.par.self-scored";
    public static final String AUDIT_APPRAISAL = "reform.par.appraised";
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    static final Set<String> KINDS = Set.of("AREA", "CRITERION", "SUB_CRITERION");
    static final Set<String> SOURCES = Set.of("SELF", "APPRAISAL", "SURVEY");

    private final ParIndexStore store;
    private final OrganizationService org;
    private final IndicatorService indicators;
    private final SatisfactionStatistics satisfaction;
    private final AuditTrail audit;
    private final Clock clock;

    public ParIndexService(ParIndexStore store, OrganizationService org, IndicatorService indicators,
                           SatisfactionStatistics satisfaction, AuditTrail audit, Clock clock) {
        this.store = store;
        this.org = org;
        this.indicators = indicators;
        this.satisfaction = satisfaction;
        this.audit = audit;
        this.clock = clock;
    }

    // --- access ----------------------------------------------------------------------------------

    /** Supervisors and administrators see every unit, leaders their scope; anyone else is refused. */
    public OfficerScope scope(StaffPrincipal me) {
        if (me == null) {
            throw new AccessDeniedException("par index");
        }
        if (me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN)) {
            return OfficerScope.everything(me.id());
        }
        if (me.roles().contains(Role.LEADER)) {
            return org.scopeOf(me.id());
        }
        throw new AccessDeniedException("par index");
    }

    private UnitView unit(long unitId, OfficerScope scope) {
        return org.findUnit(new UnitId(unitId)).filter(u -> scope.includes(u.unitId()))
                .orElseThrow(() -> new NotFound("unit " + unitId));
    }

    public void requireAdmin(StaffPrincipal me) {
        if (me == null || !me.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }

    // --- trees -----------------------------------------------------------------------------------

    public List<TreeSummary> trees(StaffPrincipal me) {
        scope(me);
        List<TreeSummary> out = new ArrayList<>();
        for (TreeRow t : store.trees()) {
            out.add(summary(t, store.nodes(t.id())));
        }
        return out;
    }

    private TreeSummary summary(TreeRow t, List<NodeRow> nodes) {
        BigDecimal max = nodes.stream().filter(n -> n.parentId() == null).map(NodeRow::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TreeSummary(t.id(), t.year(), t.title(), t.decision(), max,
                (int) nodes.stream().filter(n -> n.kind().equals("AREA")).count(),
                (int) nodes.stream().filter(n -> n.kind().equals("CRITERION")).count(),
                (int) nodes.stream().filter(n -> n.kind().equals("SUB_CRITERION")).count(), store.hasScores(t.id()));
    }

    private TreeRow treeRow(int year) {
        return store.tree(year).orElseThrow(() -> new NotFound("par index tree " + year));
    }

    public TreeSummary tree(int year, StaffPrincipal me) {
        scope(me);
        TreeRow t = treeRow(year);
        return summary(t, store.nodes(t.id()));
    }

    /** The year's tree as its import/export document. */
    public TreeDocument document(int year, StaffPrincipal me) {
        scope(me);
        TreeRow t = treeRow(year);
        List<NodeRow> nodes = store.nodes(t.id());
        Map<Long, List<NodeRow>> children = new HashMap<>();
        for (NodeRow n : nodes) {
            children.computeIfAbsent(n.parentId() == null ? 0L : n.parentId(), k -> new ArrayList<>()).add(n);
        }
        return new TreeDocument(t.year(), t.title(), t.decision(), docs(0L, children));
    }

    private static List<NodeDocument> docs(long parent, Map<Long, List<NodeRow>> children) {
        List<NodeDocument> out = new ArrayList<>();
        for (NodeRow n : children.getOrDefault(parent, List.of())) {
            out.add(new NodeDocument(n.code(), n.kind(), n.name(), n.maxPoints(), n.evidence(), n.source(), n.metric(),
                    docs(n.id(), children)));
        }
        return out;
    }

    /**
     * Imports a year's tree (administrators). A tree of the same year is
     * replaced while no unit has scored it; once scored it is frozen (409).
     * Audited.
     */
    @Transactional
    public TreeSummary importTree(TreeDocument doc, StaffPrincipal me, String address) {
        requireAdmin(me);
        validate(doc);
        TreeRow existing = store.tree(doc.year()).orElse(null);
        if (existing != null) {
            if (store.hasScores(existing.id())) {
                throw new DomainRuleViolation("par-tree-scored", "reform.par.tree.scored", doc.year());
            }
            store.deleteTree(existing.id());
        }
        long id = store.insertTree(doc.year(), Texts.clean(doc.title()), blankToNull(doc.decision()), me.username(), clock.instant());
        int[] position = {0};
        insert(id, null, doc.nodes(), position);
        TreeRow t = treeRow(doc.year());
        TreeSummary s = summary(t, store.nodes(id));
        audit.record(AuditEntry.of(AUDIT_TREE, me.username(), "par-tree", String.valueOf(doc.year()))
                .detail((existing == null ? "new" : "replaced") + ": " + s.areas() + "/" + s.criteria() + "/" + s.subCriteria()
                        + ", " + s.maxPoints().stripTrailingZeros().toPlainString()).address(address));
        return s;
    }

    private void insert(long treeId, Long parent, List<NodeDocument> nodes, int[] position) {
        for (NodeDocument n : nodes) {
            long id = store.insertNode(treeId, parent, n.code().trim(), n.kind().trim().toUpperCase(java.util.Locale.ROOT),
                    Texts.clean(n.name()), n.maxPoints().setScale(2, RoundingMode.HALF_UP), blankToNull(n.evidence()),
                    n.source() == null || n.source().isBlank() ? "SELF" : n.source().trim().toUpperCase(java.util.Locale.ROOT),
                    ParMetric.of(n.metric()).map(Enum::name).orElse(null), position[0]++);
            if (n.children() != null) {
                insert(treeId, id, n.children(), position);
            }
        }
    }

    private static String blankToNull(String s) {
        return Texts.isBlank(s) ? null : Texts.clean(s);
    }

    /** Checks a tree document; every problem found is reported at once, by field. */
    static void validate(TreeDocument doc) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<Object>> args = new LinkedHashMap<>();
        if (doc == null) {
            throw InvalidInput.of("nodes", "reform.par.tree.empty");
        }
        if (doc.year() == null || doc.year() < MIN_YEAR || doc.year() > MAX_YEAR) {
            errors.put("year", "reform.par.tree.year");
        }
        if (Texts.isBlank(doc.title())) {
            errors.put("title", "validation.required");
        } else if (doc.title().length() > 300) {
            errors.put("title", "validation.tooLong");
        }
        if (doc.decision() != null && doc.decision().length() > 300) {
            errors.put("decision", "validation.tooLong");
        }
        if (doc.nodes() == null || doc.nodes().isEmpty()) {
            errors.put("nodes", "reform.par.tree.empty");
        } else {
            Set<String> codes = new HashSet<>();
            int[] count = {0};
            check(doc.nodes(), 0, codes, errors, args, count);
            if (count[0] > 2000) {
                errors.putIfAbsent("nodes", "reform.par.tree.tooLarge");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors, args);
        }
    }

    private static final String[] LEVELS = {"AREA", "CRITERION", "SUB_CRITERION"};

    private static void check(List<NodeDocument> nodes, int depth, Set<String> codes, Map<String, String> errors,
                              Map<String, List<Object>> args, int[] count) {
        for (NodeDocument n : nodes) {
            count[0]++;
            if (n == null || Texts.isBlank(n.code()) || n.code().trim().length() > 30) {
                put(errors, args, "nodes", "reform.par.node.code", n == null ? "?" : String.valueOf(n.code()));
                continue;
            }
            String code = n.code().trim();
            if (!codes.add(code)) {
                put(errors, args, "node." + code, "reform.par.node.duplicate", code);
            }
            if (Texts.isBlank(n.name()) || n.name().length() > 1000) {
                put(errors, args, "node." + code + ".name", "reform.par.node.name", code);
            }
            if (n.evidence() != null && n.evidence().length() > 4000) {
                errors.put("node." + code + ".evidence", "validation.tooLong");
            }
            if (depth > 2 || n.kind() == null || !LEVELS[depth].equalsIgnoreCase(n.kind().trim())) {
                put(errors, args, "node." + code + ".kind", "reform.par.node.kind", code);
            }
            if (n.source() != null && !n.source().isBlank() && !SOURCES.contains(n.source().trim().toUpperCase(java.util.Locale.ROOT))) {
                put(errors, args, "node." + code + ".source", "reform.par.node.source", code);
            }
            if (n.metric() != null && !n.metric().isBlank() && ParMetric.of(n.metric()).isEmpty()) {
                put(errors, args, "node." + code + ".metric", "reform.par.node.metric", code);
            }
            if (n.maxPoints() == null || n.maxPoints().signum() < 0 || n.maxPoints().compareTo(BigDecimal.valueOf(100)) > 0) {
                put(errors, args, "node." + code + ".maxPoints", "reform.par.node.max", code);
            } else if (n.children() != null && !n.children().isEmpty()) {
                BigDecimal sum = BigDecimal.ZERO;
                boolean all = true;
                for (NodeDocument c : n.children()) {
                    if (c == null || c.maxPoints() == null) {
                        all = false;
                    } else {
                        sum = sum.add(c.maxPoints());
                    }
                }
                if (all && sum.compareTo(n.maxPoints()) != 0) {
                    put(errors, args, "node." + code + ".maxPoints", "reform.par.node.sum", code);
                }
            }
            if (n.children() != null && !n.children().isEmpty()) {
                if (depth >= 2) {
                    put(errors, args, "node." + code + ".kind", "reform.par.node.kind", code);
                } else {
                    check(n.children(), depth + 1, codes, errors, args, count);
                }
            }
        }
    }

    private static void put(Map<String, String> errors, Map<String, List<Object>> args, String field, String key, String code) {
        if (!errors.containsKey(field)) {
            errors.put(field, key);
            args.put(field, List.of(code));
        }
    }

    // --- a unit's sheet --------------------------------------------------------------------------

    /**
     * The unit's sheet for the year: every node, the scores, and for criteria
     * with a metric the score proposed from the figures of 1 January to
     * {@code asOf} (default: today, at most 31 December).
     */
    public Sheet sheet(int year, long unitId, LocalDate asOf, StaffPrincipal me) {
        OfficerScope scope = scope(me);
        UnitView u = unit(unitId, scope);
        TreeRow t = treeRow(year);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate to = asOf != null ? asOf : CalendarService.today(clock);
        if (asOf != null && (asOf.isBefore(from) || asOf.isAfter(end))) {
            throw new InvalidParameter("asOf", "reform.par.asOf");
        }
        if (to.isAfter(end)) {
            to = end;
        }
        List<NodeRow> nodes = store.nodes(t.id());
        Map<Long, ScoreRow> scores = new HashMap<>();
        store.scores(t.id(), unitId).forEach(s -> scores.put(s.nodeId(), s));
        ParProposals.Figures figures = figures(nodes, u, from, to, me);
        return sheet(t, u, nodes, scores, figures, from, to);
    }

    private ParProposals.Figures figures(List<NodeRow> nodes, UnitView u, LocalDate from, LocalDate to, StaffPrincipal me) {
        if (to.isBefore(from)) {
            return new ParProposals.Figures(null, null);
        }
        Set<ParMetric> wanted = new HashSet<>();
        nodes.forEach(n -> ParMetric.of(n.metric()).ifPresent(wanted::add));
        IndexView index = null;
        SatisfactionStatistics.Overview sat = null;
        if (wanted.contains(ParMetric.ON_TIME) || wanted.contains(ParMetric.ONLINE) || wanted.contains(ParMetric.INDEX_766)) {
            index = indicators.index(u.id(), from, to, OfficerScope.everything(me.id()));
        }
        if (wanted.contains(ParMetric.FEEDBACK_ON_TIME) || wanted.contains(ParMetric.SATISFACTION)) {
            sat = satisfaction.overview(new SatisfactionStatistics.Period(from, to), u.id(), me);
        }
        return new ParProposals.Figures(index, sat);
    }

    private Sheet sheet(TreeRow t, UnitView u, List<NodeRow> nodes, Map<Long, ScoreRow> scores, ParProposals.Figures figures,
                        LocalDate from, LocalDate to) {
        Set<Long> parents = new HashSet<>();
        nodes.forEach(n -> {
            if (n.parentId() != null) {
                parents.add(n.parentId());
            }
        });
        Map<Long, Integer> depth = new HashMap<>();
        Map<Long, Long> parentOf = new HashMap<>();
        nodes.forEach(n -> parentOf.put(n.id(), n.parentId()));
        for (NodeRow n : nodes) {
            depth.put(n.id(), n.parentId() == null ? 0 : depth.getOrDefault(n.parentId(), 0) + 1);
        }
        // totals per node: sums of the leaves below
        Map<Long, BigDecimal> selfSum = new HashMap<>();
        Map<Long, BigDecimal> finalSum = new HashMap<>();
        BigDecimal self = BigDecimal.ZERO;
        BigDecimal appraised = BigDecimal.ZERO;
        BigDecimal fin = BigDecimal.ZERO;
        int leaves = 0;
        int selfScored = 0;
        int appraisedCount = 0;
        for (NodeRow n : nodes) {
            if (parents.contains(n.id())) {
                continue;
            }
            leaves++;
            ScoreRow s = scores.get(n.id());
            BigDecimal sv = s == null || s.selfScore() == null ? BigDecimal.ZERO : s.selfScore();
            BigDecimal fv = finalScore(s);
            if (s != null && s.selfScore() != null) {
                selfScored++;
            }
            if (s != null && s.appraisedScore() != null) {
                appraisedCount++;
                appraised = appraised.add(s.appraisedScore());
            }
            self = self.add(sv);
            fin = fin.add(fv);
            for (Long p = n.id(); p != null; p = parentOf.get(p)) {
                selfSum.merge(p, sv, BigDecimal::add);
                finalSum.merge(p, fv, BigDecimal::add);
            }
        }
        List<Line> lines = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (NodeRow n : nodes) {
            if (n.parentId() == null) {
                max = max.add(n.maxPoints());
            }
            boolean leaf = !parents.contains(n.id());
            ScoreRow s = leaf ? scores.get(n.id()) : null;
            Proposal p = leaf ? ParMetric.of(n.metric()).map(m -> ParProposals.propose(m, n.maxPoints(), figures)).orElse(null) : null;
            lines.add(new Line(n.id(), n.code(), n.kind(), depth.get(n.id()), n.name(), n.maxPoints(), n.evidence(), n.source(), leaf,
                    s == null ? null : s.selfScore(), s == null ? null : s.selfNote(), s == null ? null : s.evidence(),
                    s == null ? null : s.scoredBy(), s == null ? null : s.scoredAt(), s == null ? null : s.appraisedScore(),
                    s == null ? null : s.appraisalNote(), s == null ? null : s.appraisedBy(), s == null ? null : s.appraisedAt(), p,
                    selfSum.getOrDefault(n.id(), BigDecimal.ZERO), finalSum.getOrDefault(n.id(), BigDecimal.ZERO)));
        }
        return new Sheet(t.year(), t.title(), u.id(), u.name(), from, to, max, self, appraisedCount == 0 ? null : appraised, fin,
                leaves, selfScored, appraisedCount, lines);
    }

    private static BigDecimal finalScore(ScoreRow s) {
        if (s == null) {
            return BigDecimal.ZERO;
        }
        if (s.appraisedScore() != null) {
            return s.appraisedScore();
        }
        return s.selfScore() == null ? BigDecimal.ZERO : s.selfScore();
    }

    private NodeRow leaf(TreeRow t, String code) {
        List<NodeRow> nodes = store.nodes(t.id());
        NodeRow n = nodes.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("criterion " + code));
        if (nodes.stream().anyMatch(x -> n.id() == (x.parentId() == null ? -1 : x.parentId()))) {
            throw new DomainRuleViolation("par-not-leaf", "reform.par.notLeaf", code);
        }
        return n;
    }

    private static void checkScore(BigDecimal score, NodeRow n, Map<String, String> errors) {
        if (score == null) {
            errors.put("score", "validation.required");
        } else if (score.signum() < 0 || score.compareTo(n.maxPoints()) > 0 || score.stripTrailingZeros().scale() > 2) {
            errors.put("score", "reform.par.score.range");
        }
    }

    /**
     * A leader scores a criterion of a unit of their scope, with a note and
     * the evidence (documents, links). Criteria the Department scores alone
     * (APPRAISAL, SURVEY) and criteria already appraised are refused (409).
     * The proposal shown is kept with the score. Audited.
     */
    @Transactional
    public Line selfScore(int year, long unitId, String code, BigDecimal score, String note, String evidence, StaffPrincipal me,
                          String address) {
        if (me == null || !me.roles().contains(Role.LEADER)) {
            throw new AccessDeniedException("leaders only");
        }
        OfficerScope scope = org.scopeOf(me.id());
        UnitView u = unit(unitId, scope);
        TreeRow t = treeRow(year);
        NodeRow n = leaf(t, code);
        if (!"SELF".equals(n.source())) {
            throw new DomainRuleViolation("par-not-self-scored", "reform.par.notSelf", code);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        checkScore(score, n, errors);
        String cleanNote = blankToNull(note);
        String cleanEvidence = blankToNull(evidence);
        if (cleanNote != null && cleanNote.length() > 4000) {
            errors.put("note", "validation.tooLong");
        }
        if (cleanEvidence != null && cleanEvidence.length() > 4000) {
            errors.put("evidence", "validation.tooLong");
        }
        if (!Texts.isBlank(n.evidence()) && cleanEvidence == null) {
            errors.put("evidence", "reform.par.evidence.required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ScoreRow before = store.score(n.id(), unitId).orElse(null);
        if (before != null && before.appraisedScore() != null) {
            throw new DomainRuleViolation("par-appraised", "reform.par.appraised", code);
        }
        Proposal p = null;
        if (n.metric() != null) {
            Sheet s = sheet(year, unitId, null, me);
            p = s.lines().stream().filter(l -> l.nodeId() == n.id()).findFirst().map(Line::proposal).orElse(null);
        }
        store.saveSelf(n.id(), unitId, score.setScale(2, RoundingMode.HALF_UP), cleanNote, cleanEvidence,
                p == null ? null : p.points(), p == null || p.basis() == null ? null : p.metric() + " " + p.basis(), me.username(),
                clock.instant());
        audit.record(AuditEntry.of(AUDIT_SELF, me.username(), "par-score", year + ":" + u.code() + ":" + code).unit(unitId)
                .change("selfScore", before == null ? null : before.selfScore(), score.setScale(2, RoundingMode.HALF_UP))
                .detail(p == null || p.points() == null ? null : "proposed " + p.points() + " (" + p.basis() + ")")
                .address(address));
        return line(year, unitId, n.id(), me);
    }

    /**
     * The Department of Home Affairs appraises a criterion of any unit. A
     * score other than the unit's own needs a note saying why. Audited.
     */
    @Transactional
    public Line appraise(int year, long unitId, String code, BigDecimal score, String note, StaffPrincipal me, String address) {
        if (me == null || !me.roles().contains(Role.SUPERVISOR)) {
            throw new AccessDeniedException("supervisors only");
        }
        UnitView u = unit(unitId, OfficerScope.everything(me.id()));
        TreeRow t = treeRow(year);
        NodeRow n = leaf(t, code);
        Map<String, String> errors = new LinkedHashMap<>();
        checkScore(score, n, errors);
        String cleanNote = blankToNull(note);
        ScoreRow before = store.score(n.id(), unitId).orElse(null);
        boolean differs = score != null && (before == null || before.selfScore() == null
                || before.selfScore().compareTo(score) != 0);
        if (differs && "SELF".equals(n.source()) && cleanNote == null) {
            errors.put("note", "reform.par.appraisal.reason");
        }
        if (cleanNote != null && cleanNote.length() > 4000) {
            errors.put("note", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        store.saveAppraisal(n.id(), unitId, score.setScale(2, RoundingMode.HALF_UP), cleanNote, me.username(), clock.instant());
        audit.record(AuditEntry.of(AUDIT_APPRAISAL, me.username(), "par-score", year + ":" + u.code() + ":" + code).unit(unitId)
                .change("appraisedScore", before == null ? null : before.appraisedScore(), score.setScale(2, RoundingMode.HALF_UP))
                .detail("self " + (before == null || before.selfScore() == null ? "-" : before.selfScore().toPlainString()))
                .reason(cleanNote).address(address));
        return line(year, unitId, n.id(), me);
    }

    private Line line(int year, long unitId, long nodeId, StaffPrincipal me) {
        TreeRow t = treeRow(year);
        List<NodeRow> nodes = store.nodes(t.id());
        Map<Long, ScoreRow> scores = new HashMap<>();
        store.scores(t.id(), unitId).forEach(s -> scores.put(s.nodeId(), s));
        UnitView u = org.findUnit(new UnitId(unitId)).orElseThrow();
        return sheet(t, u, nodes, scores, new ParProposals.Figures(null, null), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .lines().stream().filter(l -> l.nodeId() == nodeId).findFirst().orElseThrow();
    }

    // --- ranking ---------------------------------------------------------------------------------

    /** The units that scored the year's tree (within the caller's scope), by final score; ties share a rank. */
    public List<RankingRow> ranking(int year, StaffPrincipal me) {
        OfficerScope scope = scope(me);
        TreeRow t = treeRow(year);
        List<NodeRow> nodes = store.nodes(t.id());
        Set<Long> parents = new HashSet<>();
        nodes.forEach(n -> {
            if (n.parentId() != null) {
                parents.add(n.parentId());
            }
        });
        int leaves = (int) nodes.stream().filter(n -> !parents.contains(n.id())).count();
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<Long, int[]> counts = new HashMap<>();
        for (ScoreRow s : store.scores(t.id())) {
            if (parents.contains(s.nodeId()) || !scope.includes(new UnitId(s.unitId()))) {
                continue;
            }
            BigDecimal[] sum = sums.computeIfAbsent(s.unitId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            int[] c = counts.computeIfAbsent(s.unitId(), k -> new int[2]);
            if (s.selfScore() != null) {
                sum[0] = sum[0].add(s.selfScore());
                c[0]++;
            }
            if (s.appraisedScore() != null) {
                sum[1] = sum[1].add(s.appraisedScore());
                c[1]++;
            }
            sum[2] = sum[2].add(finalScore(s));
        }
        List<RankingRow> rows = new ArrayList<>();
        for (Map.Entry<Long, BigDecimal[]> e : sums.entrySet()) {
            String name = org.findUnit(new UnitId(e.getKey())).map(UnitView::name).orElse("#" + e.getKey());
            int[] c = counts.get(e.getKey());
            rows.add(new RankingRow(0, e.getKey(), name, e.getValue()[0], c[1] == 0 ? null : e.getValue()[1], e.getValue()[2], c[0], c[1],
                    leaves));
        }
        rows.sort(java.util.Comparator.comparing(RankingRow::finalTotal).reversed().thenComparing(RankingRow::unitName));
        List<RankingRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RankingRow r = rows.get(i);
            int rank = i > 0 && ranked.get(i - 1).finalTotal().compareTo(r.finalTotal()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankingRow(rank, r.unitId(), r.unitName(), r.selfTotal(), r.appraisedTotal(), r.finalTotal(), r.selfScored(),
                    r.appraised(), r.leaves()));
        }
        return ranked;
    }

    /** The criteria (leaves) of the year's tree and, per ranked unit, the final score of each: the export's second sheet. */
    public record ScoreMatrix(int year, String title, List<RankingRow> ranking, List<ParIndexView.Criterion> leaves,
                              Map<Long, Map<Long, BigDecimal>> finals) {
    }

    public ScoreMatrix matrix(int year, StaffPrincipal me) {
        List<RankingRow> ranking = ranking(year, me);
        TreeRow t = treeRow(year);
        List<NodeRow> nodes = store.nodes(t.id());
        Set<Long> parents = new HashSet<>();
        nodes.forEach(n -> {
            if (n.parentId() != null) {
                parents.add(n.parentId());
            }
        });
        Set<Long> units = new HashSet<>();
        ranking.forEach(r -> units.add(r.unitId()));
        Map<Long, Map<Long, BigDecimal>> finals = new HashMap<>();
        for (ScoreRow s : store.scores(t.id())) {
            if (units.contains(s.unitId())) {
                finals.computeIfAbsent(s.unitId(), k -> new HashMap<>()).put(s.nodeId(), finalScore(s));
            }
        }
        return new ScoreMatrix(year, t.title(), ranking, nodes.stream().filter(n -> !parents.contains(n.id()))
                .map(n -> new ParIndexView.Criterion(n.id(), n.code(), n.name(), n.maxPoints())).toList(), finals);
    }
}
