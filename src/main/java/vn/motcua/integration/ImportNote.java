package vn.motcua.integration;

import java.util.List;

/**
 * One line of a row's report: which value ({@code field}), how it was
 * obtained, and why, as a message key with its arguments (the source text, the
 * value read) so pages show it in the reader's language.
 */
public record ImportNote(String field, Finding finding, String key, List<String> args) {

    public ImportNote {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static ImportNote of(String field, Finding finding, String key, String... args) {
        return new ImportNote(field, finding, key, java.util.Arrays.stream(args)
                .map(a -> a == null ? "" : a).toList());
    }
}
