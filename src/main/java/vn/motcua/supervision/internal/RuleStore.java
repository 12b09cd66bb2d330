package vn.motcua.supervision.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;
import vn.motcua.supervision.ConductRule;
import vn.motcua.supervision.RuleView;

/** The conduct rules and their typed thresholds ({@code sv_rule}, {@code sv_rule_param}). */
@Component
public class RuleStore {

    /** A rule's switch and thresholds, read for one evaluation. */
    public record Settings(boolean enabled, Map<String, String> values) {

        public int integer(String name) {
            return new BigDecimal(values.get(name)).intValue();
        }

        public BigDecimal decimal(String name) {
            return new BigDecimal(values.get(name));
        }

        /** A TEXT_LIST: items separated by ";", folded (no diacritics, lower case) for comparison. */
        public List<String> foldedList(String name) {
            return Arrays.stream(values.getOrDefault(name, "").split(";")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Texts::fold).toList();
        }
    }

    private final JdbcClient jdbc;

    public RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule's settings; a rule switched off answers enabled = false. */
    public Settings settings(ConductRule rule) {
        Boolean enabled = jdbc.sql("SELECT enabled FROM sv_rule WHERE code = ?").param(rule.code())
                .query(Boolean.class).optional().orElse(false);
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT name, value FROM sv_rule_param WHERE rule_code = ?").param(rule.code())
                .query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        return new Settings(enabled, values);
    }

    public List<RuleView> all() {
        Map<String, List<RuleView.Param>> params = new LinkedHashMap<>();
        jdbc.sql("SELECT rule_code, name, type, value, min_value FROM sv_rule_param ORDER BY rule_code, position")
                .query((rs, n) -> params.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new RuleView.Param(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5))))
                .list();
        return jdbc.sql("SELECT code, name_vi, name_en, enabled, version FROM sv_rule ORDER BY position")
                .query((rs, n) -> new RuleView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), ConductRule.of(rs.getString(1)).map(ConductRule::hasSource).orElse(false),
                        params.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    public Optional<RuleView> find(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * Sets a rule's switch and thresholds, each checked against its type and
     * lower bound (400 naming the field); a stale version is 409.
     */
    public RuleView update(String code, int version, boolean enabled, Map<String, String> values) {
        RuleView rule = find(code).orElseThrow(() -> new NotFound("rule " + code));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> clean = new LinkedHashMap<>();
        for (RuleView.Param p : rule.params()) {
            String v = values.get(p.name());
            if (v == null) {
                continue;
            }
            v = Texts.clean(v).trim();
            if (v.length() > 1000) {
                errors.put(p.name(), "validation.tooLong");
                continue;
            }
            if (!p.type().equals("TEXT_LIST")) {
                try {
                    BigDecimal n = new BigDecimal(v.replace(',', '.'));
                    if (p.type().equals("INT") && n.stripTrailingZeros().scale() > 0
                            || p.minValue() != null && n.compareTo(p.minValue()) < 0 || n.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                        errors.put(p.name(), "supervision.rule.param.range");
                        continue;
                    }
                    v = p.type().equals("INT") ? String.valueOf(n.intValueExact()) : n.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException | ArithmeticException e) {
                    errors.put(p.name(), "supervision.rule.param.number");
                    continue;
                }
            }
            clean.put(p.name(), v);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int updated = jdbc.sql("UPDATE sv_rule SET enabled = ?, version = version + 1 WHERE code = ? AND version = ?")
                .params(enabled, code, version).update();
        if (updated == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("rule " + code + " changed meanwhile");
        }
        clean.forEach((name, v) -> jdbc.sql("UPDATE sv_rule_param SET value = ? WHERE rule_code = ? AND name = ?")
                .params(v, code, name).update());
        return find(code).orElseThrow();
    }
}
