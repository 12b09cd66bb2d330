package vn.motcua.feedback.internal;

import java.util.Collection;
import java.util.regex.Pattern;
import vn.motcua.shared.Texts;

/**
 * Removes personal data from a text the desk is about to publish: e-mail
 * addresses, phone numbers, identity numbers (9–12 digits), dossier codes
 * (they lead to a person) and the names given (the sender's, the officer's).
 * A suggestion only: the desk reads and edits the published text before it
 * publishes it.
 */
public final class Redaction {

    public static final String MASK = "[…]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}])(\\+?84|0)[\\s.-]?\\d{2,3}([\\s.-]?\\d{3}){2}(?![\\p{N}])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{N}])\\d{9,12}(?![\\p{N}])");
    private static final Pattern DOSSIER_CODE = Pattern.compile("\\b[\\dA-Z.]{6,}-\\d{6}-\\d{4,7}\\b");

    private Redaction() {
    }

    public static String redact(String text, Collection<String> names) {
        if (text == null) {
            return null;
        }
        String out = EMAIL.matcher(text).replaceAll(MASK);
        out = DOSSIER_CODE.matcher(out).replaceAll(MASK);
        out = PHONE.matcher(out).replaceAll(MASK);
        out = NUMBER.matcher(out).replaceAll(MASK);
        for (String name : names) {
            String n = Texts.clean(name);
            if (n != null && n.length() >= 3) {
                out = Pattern.compile(Pattern.quote(n), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out).replaceAll(MASK);
            }
        }
        return out;
    }
}
