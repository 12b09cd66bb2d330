package vn.motcua.feedback.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.feedback.SatisfactionStatistics;
import vn.motcua.feedback.SurveyResults;

/**
 * ECharts options as JSON, put on a page as a {@code data-chart} attribute and
 * drawn by /js/charts.js (the Content Security Policy allows no inline script).
 */
@Component
class ChartData {

    private final JsonMapper json;
    private final MessageSource messages;

    ChartData(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** Stacked bars of the three answers, one bar per row (unit, procedure, officer, month). */
    String ratings(List<SatisfactionStatistics.RatingRow> rows, boolean horizontal) {
        List<String> labels = rows.stream().map(r -> shorten(r.label())).toList();
        List<Object> series = new ArrayList<>();
        series.add(bar(msg("rating.VERY_SATISFIED"), rows.stream().map(SatisfactionStatistics.RatingRow::verySatisfied).toList(), "#198754", "r"));
        series.add(bar(msg("rating.SATISFIED"), rows.stream().map(SatisfactionStatistics.RatingRow::satisfied).toList(), "#0d6efd", "r"));
        series.add(bar(msg("rating.NOT_SATISFIED"), rows.stream().map(SatisfactionStatistics.RatingRow::notSatisfied).toList(), "#dc3545",
                "r"));
        Map<String, Object> category = Map.of("type", "category", "data", labels, "axisLabel", Map.of("width", 220, "overflow", "truncate"));
        Map<String, Object> value = Map.of("type", "value", "minInterval", 1);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", horizontal ? 230 : 40, "right", 20, "top", 40, "bottom", 30, "containLabel", !horizontal));
        option.put("xAxis", horizontal ? value : category);
        option.put("yAxis", horizontal ? category : value);
        option.put("series", series);
        return json.writeValueAsString(option);
    }

    /** The campaign's means per factor, one bar per dimension. */
    String survey(SurveyResults r) {
        List<String> labels = r.overall().stream().map(f -> msg("survey.factor." + f.factor())).toList();
        List<Object> series = new ArrayList<>();
        series.add(bar(msg("survey.dimension.PERCEPTION"), r.overall().stream().map(SurveyResults.FactorScore::perception).toList(), "#6c757d"));
        series.add(bar(msg("survey.dimension.SATISFACTION"), r.overall().stream().map(SurveyResults.FactorScore::satisfaction).toList(), "#0d6efd"));
        series.add(bar(msg("survey.dimension.EXPECTATION"), r.overall().stream().map(SurveyResults.FactorScore::expectation).toList(), "#fd7e14"));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 40, "bottom", 80));
        option.put("xAxis", Map.of("type", "category", "data", labels,
                "axisLabel", Map.of("interval", 0, "width", 120, "overflow", "break", "lineHeight", 14)));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 5));
        option.put("series", series);
        return json.writeValueAsString(option);
    }

    private static Map<String, Object> bar(String name, List<?> data, String color) {
        return bar(name, data, color, null);
    }

    private static Map<String, Object> bar(String name, List<?> data, String color, String stack) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", "bar");
        if (stack != null) {
            m.put("stack", stack);
        }
        m.put("data", data);
        m.put("itemStyle", Map.of("color", color));
        return m;
    }

    private String msg(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    /** A label that fits beside a bar: the usual abbreviations of unit names, then at most 60 characters. */
    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String a = s.replace("Trung tâm Phục vụ hành chính công", "TT PVHCC").replace("Ủy ban nhân dân", "UBND")
                .replace("Văn phòng", "VP").replace("Phòng Văn hóa - Xã hội", "Phòng VH-XH");
        return a.length() > 60 ? a.substring(0, 57) + "…" : a;
    }
}
