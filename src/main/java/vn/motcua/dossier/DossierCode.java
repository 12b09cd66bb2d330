package vn.motcua.dossier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dossier code per Circular 01/2018/TT-VPCP Art. 19:
 * {@code <electronic identifier of the receiving unit>-<YYMMDD>-<NNNN>}, the
 * number counting the unit's dossiers of the day from 0001 (five digits and
 * more after 9999). Parsed and formatted here only; dossiers and events carry
 * the text, which this reads back into its parts.
 */
public record DossierCode(String unitCode, LocalDate day, int number) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Pattern SHAPE = Pattern.compile("(.+)-(\\d{6})-(\\d{4,9})");

    public DossierCode {
        if (unitCode == null || unitCode.isBlank() || day == null || number < 1) {
            throw new IllegalArgumentException("a dossier code needs a unit, a day and a number from 1");
        }
    }

    /** The code's parts, or empty for text of another shape (codes of other systems, typing errors). */
    public static Optional<DossierCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DossierCode(m.group(1), LocalDate.parse(m.group(2), DAY), Integer.parseInt(m.group(3))));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What every code of the unit and day starts with; the number follows. */
    public static String prefix(String unitCode, LocalDate day) {
        return unitCode + "-" + DAY.format(day) + "-";
    }

    /** The number as the code prints it: four digits at least. */
    public static String formatNumber(long number) {
        return number < 10000 ? String.format("%04d", number) : Long.toString(number);
    }

    @Override
    public String toString() {
        return prefix(unitCode, day) + formatNumber(number);
    }
}
