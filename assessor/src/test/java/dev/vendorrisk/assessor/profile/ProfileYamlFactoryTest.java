package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast scalar classification gives exactly the tokens of Jackson's own YAML parser. */
class ProfileYamlFactoryTest {
    private static final YAMLFactory JACKSON = builder().build();
    private static final YAMLFactory FAST = new ProfileYamlFactory(builder());

    private static YAMLFactoryBuilder builder() {
        return YAMLFactory.builder()
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
    }

    private static final List<String> TRICKY = List.of(
            "", "~", "null", "Null", "NULL", "nULL", "none", "None",
            "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "t", "f", "o", "oN", "never",
            "0", "-0", "+0", "1", "-1", "+1", "007", "08", "0o17", "0x1F", "0X1f", "0xG", "0b101", "-0b101",
            "1_000", "1,000", "190:20:30", "-1:30", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "99999999999999999999",
            "1.5", "-1.5", "+1.5", ".5", "-.5", "1.", "1e3", "1.0e3", "1.0e+3", "1.0E-3", "6.8523015e+5",
            "685.230_15e+03", "190:20:30.15", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
            ".", "..", "-", "+", "-.", "1.2.3", "1e", "e1",
            "2024-01-31", "0000-00-00", "9999-99-99", "2024-01-3x", "2024/01/31", "12024-01-31", "2024-01-31x", "2024-1-1",
            "00", "01", "10", "123456789012345678", "1234567890123456789", "-123456789012345678", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2024-13-45",
            "<<", "<", "<a", "!", "!!", "&", "*", "~~", "~x",
            "acme", "Acme Corp", "critical", "high", "EU", "eu-west-1", "many 2", "99.9%", "24x7", "P1",
            "über", "Ünited", "日本", "a b", "a: b", "_x", "@x", "`x", "%x", "?x", "=", "$5", "#x", "'x", "\"x");

    @Test
    void classifiesTrickyScalarsLikeJackson() throws IOException {
        for (String s : TRICKY) {
            assertSameTokens("plain " + s, "v: " + s + "\n");
            assertSameTokens("list " + s, "- " + s + "\n");
            assertSameTokens("key " + s, s + ": 1\n");
            assertSameTokens("single " + s, "v: '" + s.replace("'", "''") + "'\n");
            assertSameTokens("double " + s, "v: \"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
            assertSameTokens("flow " + s, "v: [" + s + ", x]\n");
            assertSameTokens("tagged " + s, "v: !!str " + s + "\n");
            assertSameTokens("bang " + s, "v: ! " + s + "\n");
        }
    }

    @Test
    void classifiesRandomScalarsLikeJackson() throws IOException {
        String alphabet = "aeNnoOyYtTfF0123456789-+._:xXbB~<eE ,!*&\u00fc";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = s.toString().strip();
            assertSameTokens("random " + value, "v: " + value + "\n");
        }
    }

    @Test
    void readsEveryFixtureLikeJackson() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            assertSameTokens(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    private static void assertSameTokens(String what, String yaml) throws IOException {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        assertThat(tokens(FAST, bytes)).as(what).isEqualTo(tokens(JACKSON, bytes));
    }

    /** Every token with its text, number type and position; a failure ends the list with its message. */
    private static List<String> tokens(YAMLFactory factory, byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser parser = factory.createParser(bytes)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                String number = t.isNumeric() ? parser.getNumberType() + " " + parser.getNumberValue() : "";
                out.add(t + " " + parser.getText() + " " + number + " " + parser.currentTokenLocation().getLineNr()
                        + ":" + parser.currentTokenLocation().getColumnNr());
            }
        } catch (IOException | RuntimeException e) {
            out.add("failed: " + e.getClass().getName() + ": " + e.getMessage());
        }
        return out;
    }
}
