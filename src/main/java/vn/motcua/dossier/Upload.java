package vn.motcua.dossier;

import org.springframework.core.io.InputStreamSource;

/**
 * A file an officer attaches (a scanned paper component): its name as sent
 * and its content, read once while the act's transaction stores it.
 */
public record Upload(String fileName, InputStreamSource content) {
}
