package vn.motcua.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules: stored text is NFC; search compares a folded form without diacritics. */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /** NFC-normalised and trimmed, with inner runs of white space collapsed; null stays null. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }

    /** True when the text is null or only white space. */
    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Lower case, without diacritics, "đ" folded to "d": the form that the
     * database function {@code search_fold} also produces.
     */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        return SPACES.matcher(stripMarks(s).toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }

    /**
     * The text without diacritics, case kept: tones and vowel marks dropped,
     * đ → d and Đ → D (which Unicode does not decompose), NFC; plain ASCII for
     * Vietnamese text (the text messages' "no diacritics" switch).
     */
    public static String withoutMarks(String s) {
        return s == null ? null : Normalizer.normalize(stripMarks(s), Normalizer.Form.NFC);
    }

    private static String stripMarks(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    }

    /** The longest search text accepted (a procedure's name is up to 500 characters; nobody types that). */
    public static final int MAX_QUERY_LENGTH = 200;

    /**
     * A search text as a client sent it, checked before it is folded and sent
     * to the database: at most {@value #MAX_QUERY_LENGTH} characters and no
     * control characters (PostgreSQL refuses NUL in text; tab and line breaks
     * are white space and allowed). Null stays null.
     *
     * @throws InvalidParameter naming {@code field} (400 on the API)
     */
    public static String query(String field, String q) {
        if (q == null) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameter(field, "validation.text.tooLong", String.valueOf(MAX_QUERY_LENGTH));
        }
        if (hasControl(q)) {
            throw new InvalidParameter(field, "validation.text.control");
        }
        return q;
    }

    /** True when the text has a control character other than tab, line feed and carriage return (NUL included). */
    public static boolean hasControl(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Escapes LIKE wildcards so user input matches literally. */
    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
