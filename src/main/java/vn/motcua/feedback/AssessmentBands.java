package vn.motcua.feedback;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The bands of the nine-criteria assessment, kept as data (table
 * {@code assessment_band}) because their legal source is uncertain
 * (ASSESSMENT.md §2). DOMAIN.md §6 gives ">15 excellent, 12–15 good, 9–12
 * fair, 6–9 average, <6 weak"; read with each band taking its lower bound
 * (above 15 is excellent, so 15 itself is good; 12 is good, 9 fair, 6
 * average), which classifies every total from 0 to 18, and unit averages too.
 * A total belongs to the first band, by {@code sort}, whose threshold it
 * passes: above it when {@code strict}, else at or above it.
 */
public record AssessmentBands(List<Band> bands) {

    /** One band. */
    public record Band(String code, BigDecimal threshold, boolean strict, int sort, String labelVi, String labelEn) {

        public boolean holds(BigDecimal total) {
            int c = total.compareTo(threshold);
            return strict ? c > 0 : c >= 0;
        }

        public String label(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelVi;
        }
    }

    public AssessmentBands {
        bands = bands.stream().sorted(Comparator.comparingInt(Band::sort)).toList();
    }

    /** The band of a total (or an average of totals); the last band when none holds (a negative total cannot happen). */
    public Band classify(BigDecimal total) {
        return bands.stream().filter(b -> b.holds(total)).findFirst().orElse(bands.get(bands.size() - 1));
    }

    public Band classify(int total) {
        return classify(BigDecimal.valueOf(total));
    }
}
