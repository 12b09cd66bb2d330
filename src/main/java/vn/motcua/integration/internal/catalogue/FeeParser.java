package vn.motcua.integration.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.catalog.Fee;
import vn.motcua.shared.Texts;

/**
 * Reads fees and charges (phí, lệ phí) as published: "Miễn phí", "Không",
 * "50.000 đồng/hồ sơ", "Lệ phí: 100.000 đồng; Phí: 50.000 đồng", "8.000
 * đồng/trang", "1,5 triệu đồng". Each part separated by ";" or a new line is
 * one fee; its label before ":" names it.
 *
 * <p>PARSED: no fee, free, or one amount per dossier / per time. GUESSED: an
 * amount per page or per copy (the fee then depends on the dossier), or several
 * amounts in one part (the first is taken; the text is kept as the note). A
 * part with no amount that is not free, or a percentage, needs a person and is
 * left out of the draft.
 */
public final class FeeParser {

    /** The fees read, and one result per part (for the report). */
    public record Result(List<Fee> fees, List<Parsed<Fee>> parts) {
    }

    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s*(trieu dong|trieu|nghin dong|ngan dong|nghin|ngan|dong|vnd|d\\b|vnđ)");
    private static final Pattern PER = Pattern.compile("/\\s*(ho so|lan|bo|giay|giay phep|chung chi|the|nam|truong hop|[a-z ]+)");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:;|\\n|\\r)+\\s*");
    private static final long MAX = 100_000_000_000L;

    private FeeParser() {
    }

    public static Result parse(String text) {
        List<Fee> fees = new ArrayList<>();
        List<Parsed<Fee>> parts = new ArrayList<>();
        if (Texts.isBlank(text) || isNone(Texts.fold(Texts.clean(text)))) {
            parts.add(Parsed.parsed(null, "fee.none"));
            return new Result(List.of(), parts);
        }
        String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        for (String raw : SPLIT.split(nfc)) {
            String part = Texts.clean(raw.replaceFirst("^[-+•]\\s*", ""));
            if (Texts.isBlank(part)) {
                continue;
            }
            Parsed<Fee> p = part(part);
            parts.add(p);
            if (p.present()) {
                fees.add(p.value());
            }
        }
        return new Result(List.copyOf(fees), List.copyOf(parts));
    }

    /** One part: an optional label, then free / an amount. */
    static Parsed<Fee> part(String part) {
        String label = null;
        String body = part;
        int colon = part.indexOf(':');
        if (colon > 0 && colon < 120) {
            label = Texts.clean(part.substring(0, colon));
            body = Texts.clean(part.substring(colon + 1));
        }
        String f = Texts.fold(body);
        String name = name(label, Texts.fold(part));
        String note = part.length() > 500 ? part.substring(0, 497) + "..." : part;
        if (isNone(f)) {
            return Parsed.parsed(null, "fee.none");
        }
        if (f.startsWith("mien") || f.contains("mien phi") || f.contains("mien le phi") || f.contains("khong thu")) {
            return Parsed.parsed(new Fee(name, 0L, note), "fee.free");
        }
        if (f.contains("%")) {
            return Parsed.needsPerson("fee.percent");
        }
        Matcher m = AMOUNT.matcher(f);
        if (!m.find()) {
            return Parsed.needsPerson("fee.noAmount");
        }
        Long amount = amount(m.group(1), m.group(2));
        if (amount == null || amount < 0 || amount > MAX) {
            return Parsed.needsPerson("fee.noAmount");
        }
        boolean several = m.find();
        Matcher per = PER.matcher(f);
        String perWhat = per.find() ? per.group(1).strip() : null;
        Fee fee = new Fee(name, amount, note);
        if (several) {
            return Parsed.guessed(fee, "fee.several");
        }
        if (perWhat != null && !perWhat.equals("ho so") && !perWhat.equals("lan") && !perWhat.equals("truong hop")
                && !perWhat.equals("bo") && !perWhat.startsWith("giay") && !perWhat.equals("chung chi") && !perWhat.equals("the")) {
            return Parsed.guessed(fee, "fee.perUnit");
        }
        return Parsed.parsed(fee, "fee.amount");
    }

    private static boolean isNone(String f) {
        String t = f.replaceAll("[.\\s]+$", "");
        return t.isEmpty() || t.equals("khong") || t.equals("khong co") || t.equals("khong quy dinh")
                || t.equals("khong co phi, le phi") || t.equals("khong co phi le phi") || t.equals("khong thu phi")
                || t.equals("khong thu phi, le phi") || t.equals("khong phai nop phi") || t.equals("khong mat phi");
    }

    private static String name(String label, String foldedPart) {
        if (!Texts.isBlank(label)) {
            return label.length() > 255 ? label.substring(0, 255) : label;
        }
        if (foldedPart.contains("le phi")) {
            return "Lệ phí";
        }
        return "Phí";
    }

    /** "100.000" đồng → 100000; "1,5" triệu → 1500000; "50" nghìn → 50000. */
    static Long amount(String digits, String unit) {
        long factor = unit.startsWith("trieu") ? 1_000_000L : unit.startsWith("nghin") || unit.startsWith("ngan") ? 1_000L : 1L;
        String d = digits.replace(" ", "");
        java.math.BigDecimal n;
        if (d.matches("\\d{1,3}([.,]\\d{3})+")) {
            n = new java.math.BigDecimal(d.replace(".", "").replace(",", ""));
        } else {
            n = new java.math.BigDecimal(d.replace(',', '.'));
        }
        java.math.BigDecimal v = n.multiply(java.math.BigDecimal.valueOf(factor));
        if (v.scale() > 0 && v.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return v.longValue();
    }
}
