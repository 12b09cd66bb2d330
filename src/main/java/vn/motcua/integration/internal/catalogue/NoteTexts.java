package vn.motcua.integration.internal.catalogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.integration.ImportNote;

/**
 * A report note in the reader's language: its key with its arguments, where
 * an argument's {@code #key} words (a unit of time, a level, a filing method,
 * a rule of the catalogue) are themselves messages.
 */
@Component
public class NoteTexts {

    private static final Pattern KEY = Pattern.compile("#([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])");

    private final MessageSource messages;

    public NoteTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(ImportNote note, Locale locale) {
        Object[] args = note.args().stream().map(a -> words(a, locale)).toArray();
        return messages.getMessage(note.key(), args, note.key(), locale);
    }

    private String words(String arg, Locale locale) {
        Matcher m = KEY.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = messages.getMessage(m.group(1), null, m.group(0), locale);
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }
}
