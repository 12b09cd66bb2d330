package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in Vietnamese and in English, and every key a template uses exists. */
class MessageBundlesTests {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> vi = load("messages_vi.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(vi)).as("keys only in Vietnamese").containsAll(en);
        assertThat(new TreeSet<>(en)).as("keys only in English").containsAll(vi);
        assertThat(vi).hasSizeGreaterThan(50);
    }

    @Test
    void vietnameseIsStoredNfcAndHasDiacritics() throws IOException {
        Properties vi = load("messages_vi.properties");
        for (String key : vi.stringPropertyNames()) {
            String v = vi.getProperty(key);
            assertThat(java.text.Normalizer.isNormalized(v, java.text.Normalizer.Form.NFC)).as(key).isTrue();
        }
        assertThat(vi.getProperty("nav.logout")).isEqualTo("Đăng xuất");
    }

    @Test
    void everyLiteralKeyInTemplatesExists() throws IOException {
        Set<String> vi = load("messages_vi.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(p));
                while (m.find()) {
                    if (!vi.contains(m.group(1))) {
                        missing.add(p.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
