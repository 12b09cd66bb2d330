package vn.motcua.integration.internal.sms;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Filling a template and taking the Vietnamese marks off a text message. */
public final class SmsText {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "code", "procedure", "detail", "link", "body");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private SmsText() {
    }

    /** The text without diacritics, case kept ({@link vn.motcua.shared.Texts#withoutMarks}). */
    public static String withoutMarks(String s) {
        return vn.motcua.shared.Texts.withoutMarks(s);
    }

    /** The template with each known placeholder replaced by its value ("" when missing), NFC; stripped when {@code plain}. */
    public static String fill(String template, Map<String, String> values, boolean plain) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = PLACEHOLDERS.contains(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        String text = Normalizer.normalize(out.toString().strip(), Normalizer.Form.NFC);
        return plain ? withoutMarks(text) : text;
    }

    /** The placeholders of the template that are not known, for the editor's message. */
    public static java.util.List<String> unknownPlaceholders(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        java.util.List<String> unknown = new java.util.ArrayList<>();
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    /** All but the last three digits masked (personal data in the history and the log). */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int keep = Math.min(3, phone.length());
        return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }
}
