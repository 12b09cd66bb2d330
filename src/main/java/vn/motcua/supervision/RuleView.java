package vn.motcua.supervision;

import java.math.BigDecimal;
import java.util.List;

/** A conduct rule as the editor shows it. */
public record RuleView(String code, String nameVi, String nameEn, boolean enabled, int version, boolean hasSource,
                       List<Param> params) {

    /** One threshold: INT, DECIMAL (a number) or TEXT_LIST (items separated by ";"). */
    public record Param(String name, String type, String value, BigDecimal minValue) {
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
