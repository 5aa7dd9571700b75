package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * docs/profiles.md describes every key of a profile in the words {@code vra init} and {@code vra schema}
 * use: each {@code Type.key = description} of the library's descriptions.properties is a table row
 * {@code | `key` | description |} of the page, so a new or reworded key fails here until the page says it too.
 */
class ProfilesDocTest {
    private static final Path DESCRIPTIONS = CliRunner.ROOT.resolve(
            "assessor/src/main/resources/dev/vendorrisk/assessor/profile/descriptions.properties");
    private static final Path PAGE = CliRunner.ROOT.resolve("docs/profiles.md");

    @Test
    void thePageDescribesEveryKeyAsTheTemplateDoes() throws IOException {
        Properties descriptions = new Properties();
        try (Reader in = Files.newBufferedReader(DESCRIPTIONS, StandardCharsets.UTF_8)) {
            descriptions.load(in);
        }
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String key : descriptions.stringPropertyNames()) {
            String row = "| `" + key.substring(key.indexOf('.') + 1) + "` | " + descriptions.getProperty(key) + " |";
            if (!page.contains(row)) {
                missing.add(key + " -> " + row);
            }
        }
        assertThat(descriptions).isNotEmpty();
        assertThat(missing).as("rows docs/profiles.md lacks (section 'Every key')").isEmpty();
    }
}
