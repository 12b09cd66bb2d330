package vn.motcua.integration.internal.catalogue;

import vn.motcua.integration.Finding;

/** A value read from a free text, how it was read, and why (a message key suffix under catimport.note.). */
public record Parsed<T>(T value, Finding finding, String reason) {

    public static <T> Parsed<T> parsed(T value, String reason) {
        return new Parsed<>(value, Finding.PARSED, reason);
    }

    public static <T> Parsed<T> guessed(T value, String reason) {
        return new Parsed<>(value, Finding.GUESSED, reason);
    }

    public static <T> Parsed<T> needsPerson(String reason) {
        return new Parsed<>(null, Finding.NEEDS_PERSON, reason);
    }

    public boolean present() {
        return value != null;
    }
}
