package vn.motcua.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.indicators.Band;
import vn.motcua.indicators.DrillDown;
import vn.motcua.indicators.Indicator;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.RankingRow;
import vn.motcua.indicators.Weight;
import vn.motcua.organization.UnitView;

/** Computes indices, rankings and drill-downs from the read model and the method in force. */
@Component
public class IndexEngine {

    private final IndexQueries queries;
    private final SourceQueries sourceQueries;
    private final IndicatorSources sources;
    private final MethodStore method;
    private final MessageSource messages;

    public IndexEngine(IndexQueries queries, SourceQueries sourceQueries, IndicatorSources sources, MethodStore method,
                       MessageSource messages) {
        this.queries = queries;
        this.sourceQueries = sourceQueries;
        this.sources = sources;
        this.method = method;
        this.messages = messages;
    }

    /** Every counted figure: the dossier facts' and those of the other modules' events. */
    private static Map<Indicator, Scoring.Fraction> fractions(IndexQueries.Counts c, SourceQueries.Counts s) {
        Map<Indicator, Scoring.Fraction> f = new java.util.EnumMap<>(Indicator.class);
        f.putAll(c.fractions());
        f.putAll(s.fractions(c));
        return f;
    }

    private Scoring.Labels labels() {
        Locale l = LocaleContextHolder.getLocale();
        return new Scoring.Labels(g -> messages.getMessage("indicators.group." + g.name(), null, g.name(), l),
                i -> messages.getMessage("indicators.indicator." + i.name(), null, i.name(), l));
    }

    public static IndexView.UnitRef ref(UnitView u) {
        return new IndexView.UnitRef(u.id(), u.code(), u.name());
    }

    /** The index of the scoring units given (null: all of them, the province as a whole) for the period. */
    public IndexView index(UnitView unit, Set<Long> units, LocalDate from, LocalDate to) {
        IndexQueries.Counts c = queries.counts(array(units), from, to);
        SourceQueries.Counts s = sourceQueries.counts(array(units), from, to);
        return Scoring.score(ref(unit), from, to, fractions(c, s), method.weightsOn(to), method.bandsOn(to), labels(),
                sources::missing);
    }

    /** The indices of several units at once (one pass over the aggregates), ranked by total. */
    public List<RankingRow> ranking(Map<UnitView, Set<Long>> units, LocalDate from, LocalDate to) {
        Map<Long, IndexQueries.Counts> byUnit = queries.countsByUnit(null, from, to);
        Map<Long, SourceQueries.Counts> sourcesByUnit = sourceQueries.countsByUnit(null, from, to);
        Map<String, Weight> weights = method.weightsOn(to);
        List<Band> bands = method.bandsOn(to);
        Scoring.Labels labels = labels();
        List<IndexView> views = new ArrayList<>();
        Map<Long, Long> dossiers = new java.util.HashMap<>();
        for (Map.Entry<UnitView, Set<Long>> e : units.entrySet()) {
            IndexQueries.Counts sum = new IndexQueries.Counts();
            SourceQueries.Counts sourceSum = new SourceQueries.Counts();
            for (Long id : e.getValue()) {
                IndexQueries.Counts c = byUnit.get(id);
                if (c != null) {
                    sum.add(c);
                }
                SourceQueries.Counts s = sourcesByUnit.get(id);
                if (s != null) {
                    sourceSum.add(s);
                }
            }
            views.add(Scoring.score(ref(e.getKey()), from, to, fractions(sum, sourceSum), weights, bands, labels,
                    sources::missing));
            dossiers.put(e.getKey().id(), sum.dossiers());
        }
        // a unit with no dossier in the period has nothing to score: every indicator would take the
        // missing-data points and the unit would rank first; it is listed after the ranked ones, "no data"
        List<IndexView> empty = views.stream().filter(v -> dossiers.get(v.unit().id()) == 0)
                .sorted(Comparator.comparing(v -> v.unit().name())).toList();
        views.removeIf(v -> dossiers.get(v.unit().id()) == 0);
        views.sort(Comparator.comparing(IndexView::total).reversed().thenComparing(v -> v.unit().name()));
        List<RankingRow> rows = new ArrayList<>();
        int rank = 0;
        java.math.BigDecimal last = null;
        for (int i = 0; i < views.size(); i++) {
            IndexView v = views.get(i);
            if (last == null || v.total().compareTo(last) != 0) {
                rank = i + 1;
                last = v.total();
            }
            Map<String, java.math.BigDecimal> groups = new java.util.LinkedHashMap<>();
            v.groups().forEach(g -> groups.put(g.id(), g.score()));
            rows.add(new RankingRow(rank, v.unit(), v.total(), v.band(), groups, dossiers.get(v.unit().id())));
        }
        for (IndexView v : empty) {
            rows.add(new RankingRow(0, v.unit(), null, null, Map.of(), 0));
        }
        return rows;
    }

    public DrillDown drillDown(Indicator indicator, UnitView unit, Set<Long> units, LocalDate from, LocalDate to,
                               Boolean linesInNumerator, int lineOffset, int lineLimit) {
        IndexQueries.DrillDownRows r;
        if (!sources.counted(indicator)) {
            r = new IndexQueries.DrillDownRows(List.of(), List.of(), List.of(), 0, 0, 0);
        } else if (SourceQueries.handles(indicator)) {
            r = sourceQueries.drillDown(indicator, array(units), from, to, linesInNumerator, lineOffset, lineLimit);
        } else {
            r = queries.drillDown(indicator, array(units), from, to, linesInNumerator, lineOffset, lineLimit);
        }
        return new DrillDown(indicator.name(), ref(unit), from, to, r.numeratorCount(), r.denominatorCount(),
                r.numerator(), r.denominator(), r.lines(), r.lineCount());
    }

    private static Long[] array(Set<Long> units) {
        return units == null ? null : units.toArray(Long[]::new);
    }
}
