package vn.motcua.integration.internal.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.shared.Texts;

/**
 * Reads a processing time (thời hạn giải quyết) as the national database and
 * the public pages write it: "15 ngày làm việc", "Trong ngày", "Không quá 03
 * ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "10 ngày", "04 giờ làm việc",
 * "02 buổi làm việc", "01 tháng", or several cases in one text ("Trường hợp
 * thông thường: 03 ngày làm việc; Trường hợp phải xác minh: 10 ngày làm việc").
 *
 * <p>What is written plainly is PARSED; "ngày" without "làm việc" is read as
 * calendar days and "giờ" alone as working hours (GUESSED: the law says working
 * days when it means them, but pages often drop the words); "trong ngày" is one
 * working day (GUESSED: the same working day, at most); months are 30 calendar
 * days (GUESSED). No number at all needs a person.
 */
public final class DurationParser {

    /** One case of a duration text: its name (null when the text had one case) and its time. */
    public record Case(String name, Parsed<ProcessingTime> time) {
    }

    private static final BigDecimal MAX = new BigDecimal("9999");
    // number, then a unit; folded text (no diacritics)
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(ngay lam viec|ngay lv|ngay|gio lam viec|gio|buoi lam viec|buoi|thang|tuan)");
    private static final Pattern SAME_DAY = Pattern.compile("(^|\\W)(ngay )?trong (ngay|buoi)( lam viec)?($|\\W)");
    private static final Pattern CASE_SPLIT = Pattern.compile("\\s*(?:;|\\n|\\r|(?:^|\\s)[-+•]\\s+)\\s*");

    private DurationParser() {
    }

    /** A whole text: one case, or several when the text names several with their own times. */
    public static List<Case> cases(String text) {
        if (Texts.isBlank(text)) {
            return List.of(new Case(null, Parsed.needsPerson("duration.missing")));
        }
        String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        List<Case> found = new ArrayList<>();
        for (String part : CASE_SPLIT.split(nfc)) {
            if (Texts.isBlank(part)) {
                continue;
            }
            Parsed<ProcessingTime> t = time(part);
            String folded = Texts.fold(part);
            // a case is named: "Trường hợp …: 10 ngày làm việc" or "Đối với …: …"
            if (t.present() && (folded.contains("truong hop") || folded.startsWith("doi voi") || part.indexOf(':') > 0)) {
                found.add(new Case(caseName(part), t));
            }
        }
        if (found.size() <= 1) {
            return List.of(new Case(null, time(nfc)));
        }
        return found;
    }

    /** One time: the first amount with its unit in the text (or "trong ngày"). */
    public static Parsed<ProcessingTime> time(String text) {
        if (Texts.isBlank(text)) {
            return Parsed.needsPerson("duration.missing");
        }
        String f = Texts.fold(text);
        Matcher m = AMOUNT.matcher(f);
        boolean hasAmount = m.find();
        Matcher same = SAME_DAY.matcher(f);
        // "Trong ngày …; nếu nhận sau 15 giờ thì …": the same day comes first, the hour is a condition
        if (same.find() && (!hasAmount || same.start() < m.start())) {
            return Parsed.guessed(new ProcessingTime(BigDecimal.ONE, DurationUnit.WORKING_DAYS), "duration.sameDay");
        }
        if (hasAmount) {
            BigDecimal amount = new BigDecimal(m.group(1).replace(',', '.'));
            String unit = m.group(2);
            return switch (unit) {
                case "ngay lam viec", "ngay lv" -> ok(amount, DurationUnit.WORKING_DAYS, false, "duration.workingDays");
                case "gio lam viec" -> ok(amount, DurationUnit.WORKING_HOURS, false, "duration.workingHours");
                case "buoi lam viec", "buoi" -> ok(amount, DurationUnit.HALF_DAYS, false, "duration.halfDays");
                case "ngay" -> ok(amount, DurationUnit.CALENDAR_DAYS, true, "duration.calendarDays");
                case "gio" -> ok(amount, DurationUnit.WORKING_HOURS, true, "duration.hours");
                case "tuan" -> ok(amount.multiply(BigDecimal.valueOf(7)), DurationUnit.CALENDAR_DAYS, true, "duration.weeks");
                default -> ok(amount.multiply(BigDecimal.valueOf(30)), DurationUnit.CALENDAR_DAYS, true, "duration.months");
            };
        }
        if (f.startsWith("ngay sau khi") || f.equals("ngay")) {
            return Parsed.guessed(new ProcessingTime(BigDecimal.ONE, DurationUnit.WORKING_DAYS), "duration.sameDay");
        }
        return Parsed.needsPerson("duration.unreadable");
    }

    /**
     * A time given as the national database's fields: an amount and a unit
     * name (DONVITINH: "Ngày làm việc", "Ngày", "Giờ", "Tháng"…), with the
     * description (MOTA) as a fall-back and to tell working days from days.
     */
    public static Parsed<ProcessingTime> fields(String amountText, String unitText, String description) {
        BigDecimal amount = number(amountText);
        String unit = Texts.fold(Texts.clean(unitText));
        String desc = Texts.fold(Texts.clean(description));
        if (amount == null || amount.signum() == 0 || Texts.isBlank(unit)) {
            return Texts.isBlank(description) ? time(amountText + " " + (unitText == null ? "" : unitText)) : time(description);
        }
        switch (unit) {
            case "ngay lam viec":
                return ok(amount, DurationUnit.WORKING_DAYS, false, "duration.workingDays");
            case "ngay":
                if (desc != null && desc.contains("ngay lam viec")) {
                    return ok(amount, DurationUnit.WORKING_DAYS, true, "duration.workingDaysFromDescription");
                }
                return ok(amount, DurationUnit.CALENDAR_DAYS, false, "duration.calendarDaysStated");
            case "gio lam viec":
                return ok(amount, DurationUnit.WORKING_HOURS, false, "duration.workingHours");
            case "gio":
                return ok(amount, DurationUnit.WORKING_HOURS, true, "duration.hours");
            case "buoi", "buoi lam viec":
                return ok(amount, DurationUnit.HALF_DAYS, false, "duration.halfDays");
            case "thang":
                return ok(amount.multiply(BigDecimal.valueOf(30)), DurationUnit.CALENDAR_DAYS, true, "duration.months");
            case "tuan":
                return ok(amount.multiply(BigDecimal.valueOf(7)), DurationUnit.CALENDAR_DAYS, true, "duration.weeks");
            default:
                return time(amountText + " " + unitText);
        }
    }

    private static Parsed<ProcessingTime> ok(BigDecimal amount, DurationUnit unit, boolean guessed, String reason) {
        if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
            return Parsed.needsPerson("duration.range");
        }
        BigDecimal a = amount.stripTrailingZeros();
        if (a.scale() < 0) {
            a = a.setScale(0);
        }
        if (unit == DurationUnit.WORKING_DAYS && a.remainder(new BigDecimal("0.5")).signum() != 0) {
            // the calendar counts working days in halves: round up, never shortening a legal time
            a = a.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.CEILING).divide(BigDecimal.valueOf(2));
            guessed = true;
        }
        ProcessingTime t = new ProcessingTime(a, unit);
        return guessed ? Parsed.guessed(t, reason) : Parsed.parsed(t, reason);
    }

    private static BigDecimal number(String s) {
        if (Texts.isBlank(s)) {
            return null;
        }
        String t = s.strip().replace(',', '.');
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "Trường hợp thông thường: 03 ngày làm việc" → "Trường hợp thông thường"; else a short name from the text. */
    private static String caseName(String part) {
        String clean = Texts.clean(part);
        int colon = clean.indexOf(':');
        String name = colon > 0 ? clean.substring(0, colon) : clean;
        name = name.replaceAll("[\\s.,;:-]+$", "");
        if (name.length() > 255) {
            name = name.substring(0, 252) + "...";
        }
        return name;
    }
}
