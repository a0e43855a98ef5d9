package org.kehou.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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

/** REQUIREMENTS §4: every refusal of a catalog rule reaches the user in Chinese and in English. */
class CatalogRuleMessagesTests {

    static final Path SOURCES = Path.of("src/main/java/org/kehou/catalog");
    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Pattern REFUSAL = Pattern.compile("(?:refused|RuleViolation)\\(\\s*\"([\\w.]+)\"");

    @Test
    void everyRefusalHasAMessageInBothLanguages() throws IOException {
        Set<String> keys = refusalKeys();
        assertThat(keys).contains("slotOne.newLessonRefused", "exercise.slotBelowMinimum", "bundling.refused");
        Properties chinese = bundle("catalog.properties");
        Properties english = bundle("catalog_en.properties");
        assertThat(keys).allSatisfy(key -> {
            assertThat(chinese.getProperty(key)).as("Chinese " + key).isNotBlank();
            assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
        });
    }

    private static Set<String> refusalKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = REFUSAL.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(file))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
