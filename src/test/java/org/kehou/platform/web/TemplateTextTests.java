package org.kehou.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE §5: no literal text in templates (all text comes from the message bundles) and every key exists in
 * both Chinese and English.
 */
class TemplateTextTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<]+)<");
    static final Pattern LITERAL_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*)\"");
    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{'?([A-Za-z][\\w.]*)'?[(}]");

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style.*?</style>", "");
            Matcher text = TEXT_BETWEEN_TAGS.matcher(html);
            while (text.find()) {
                String value = text.group(1).strip();
                if (!value.isEmpty() && value.codePoints().anyMatch(Character::isLetter) && !value.startsWith("[[")) {
                    literals.add(TEMPLATES.relativize(template) + ": " + value);
                }
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                    literals.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "=" + attribute.group(2));
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String bundle : List.of("messages", "organization", "catalog", "enrollment", "operations")) {
            Set<String> chinese = keys(bundle + ".properties");
            Set<String> english = keys(bundle + "_en.properties");
            assertThat(english).as(bundle + " in English").containsExactlyInAnyOrderElementsOf(chinese);
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> all = new TreeSet<>();
        all.addAll(keys("messages.properties"));
        all.addAll(keys("organization.properties"));
        all.addAll(keys("catalog.properties"));
        all.addAll(keys("enrollment.properties"));
        all.addAll(keys("operations.properties"));
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!all.contains(key.group(1)) && !key.group(1).endsWith(".")) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void chineseIsTheDefaultBundle() throws IOException {
        Properties zh = load("messages.properties");
        assertThat(zh.getProperty("app.name")).containsPattern("\\p{IsHan}");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(file))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
