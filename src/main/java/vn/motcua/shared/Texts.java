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
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }

    /** Escapes LIKE wildcards so user input matches literally. */
    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
