package vn.motcua.integration.internal.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.shared.Texts;

/**
 * Reads a dossier component (thành phần hồ sơ) with its number of originals
 * and copies, from the national database's fields (SOBANCHINH, SOBANSAO) or
 * from the text: "Tờ khai đăng ký khai sinh (1 bản chính)", "Giấy chứng sinh
 * (Bản sao: 1, Bản chính: 0)", "01 bản chính và 01 bản sao", "Bản chính hoặc
 * bản sao có chứng thực". The counts in parentheses are taken out of the name.
 *
 * <p>PARSED: counts given as numbers or written plainly. GUESSED: "bản chính
 * hoặc bản sao" (one copy, the lighter demand: the applicant may always bring
 * the original), and no count at all (one original). A component without a name
 * needs a person.
 */
public final class ComponentParser {

    private static final String N = "(\\d{1,2}|mot|hai|ba|bon|nam)";
    private static final Pattern ORIGINALS_LABEL = Pattern.compile("ban chinh\\s*:\\s*" + N);
    private static final Pattern COPIES_LABEL = Pattern.compile("ban sao(?: [a-z ]{0,20}?)?\\s*:\\s*" + N);
    private static final Pattern ORIGINALS_COUNT = Pattern.compile(N + "\\s*ban chinh");
    private static final Pattern COPIES_COUNT = Pattern.compile(N + "\\s*ban sao");
    private static final Pattern COUNT_GROUP = Pattern.compile(
            "\\s*[(\\[]\\s*(?:\\d{1,2}|[Bb]ản|[Mm]ột|[Hh]ai|[Ss]ố lượng)[^()\\[\\]]*(?:bản|Bản)[^()\\[\\]]*[)\\]]\\s*");

    private ComponentParser() {
    }

    /** From the national fields; the counts may be absent (null) or text. */
    public static Parsed<ProcedureComponent> fields(String name, String originals, String copies) {
        Integer o = count(originals);
        Integer c = count(copies);
        if (o == null && c == null) {
            return text(name);
        }
        Parsed<ProcedureComponent> fromText = text(name);
        if (!fromText.present()) {
            return fromText;
        }
        int oo = o == null ? 0 : o;
        int cc = c == null ? 0 : c;
        String clean = fromText.value().name();
        if (oo + cc == 0) {
            // both zero: the record says nothing; the text may
            if (fromText.finding() == vn.motcua.integration.Finding.PARSED) {
                return fromText;
            }
            return Parsed.guessed(new ProcedureComponent(clean, 1, 0, null), "component.zeroCounts");
        }
        if (oo > 99 || cc > 99) {
            return Parsed.guessed(new ProcedureComponent(clean, Math.min(oo, 99), Math.min(cc, 99), null), "component.counts");
        }
        return Parsed.parsed(new ProcedureComponent(clean, oo, cc, null), "component.counts");
    }

    /** From a line of text. */
    public static Parsed<ProcedureComponent> text(String line) {
        String clean = Texts.clean(line);
        if (Texts.isBlank(clean)) {
            return Parsed.needsPerson("component.noName");
        }
        clean = clean.replaceFirst("^[-+•*]\\s*", "").replaceFirst("^\\d{1,2}[.)]\\s+", "");
        String f = Texts.fold(clean);
        Integer originals = null;
        Integer copies = null;
        Matcher m = ORIGINALS_LABEL.matcher(f);
        if (m.find()) {
            originals = number(m.group(1));
        }
        m = COPIES_LABEL.matcher(f);
        if (m.find()) {
            copies = number(m.group(1));
        }
        if (originals == null) {
            m = ORIGINALS_COUNT.matcher(f);
            if (m.find()) {
                originals = number(m.group(1));
            }
        }
        if (copies == null) {
            m = COPIES_COUNT.matcher(f);
            if (m.find()) {
                copies = number(m.group(1));
            }
        }
        String name = name(clean);
        if (Texts.isBlank(name)) {
            return Parsed.needsPerson("component.noName");
        }
        if (originals != null || copies != null) {
            int o = originals == null ? 0 : originals;
            int c = copies == null ? 0 : copies;
            if (o + c > 0) {
                return Parsed.parsed(new ProcedureComponent(name, o, c, null), "component.fromText");
            }
        }
        if (f.contains("ban chinh hoac ban sao") || f.contains("ban sao hoac ban chinh")) {
            return Parsed.guessed(new ProcedureComponent(name, 0, 1, null), "component.either");
        }
        if (f.contains("ban sao")) {
            return Parsed.guessed(new ProcedureComponent(name, 0, 1, null), "component.copyNoCount");
        }
        return Parsed.guessed(new ProcedureComponent(name, 1, 0, null), "component.noCount");
    }

    /** The name without the count in parentheses, at most 1,000 characters. */
    private static String name(String clean) {
        String n = COUNT_GROUP.matcher(clean).replaceAll(" ");
        n = Texts.clean(n).replaceAll("[\\s;,.:]+$", "");
        if (n.length() > 1000) {
            n = n.substring(0, 997) + "...";
        }
        return n;
    }

    private static Integer count(String s) {
        if (Texts.isBlank(s)) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return number(Texts.fold(s.strip()));
        }
    }

    private static Integer number(String s) {
        switch (s) {
            case "mot": return 1;
            case "hai": return 2;
            case "ba": return 3;
            case "bon": return 4;
            case "nam": return 5;
            default:
                try {
                    return Integer.valueOf(s);
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }
}
