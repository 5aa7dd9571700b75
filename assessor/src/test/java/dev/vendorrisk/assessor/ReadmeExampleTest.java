package dev.vendorrisk.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.scoring.Exposure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using the library" example is the code between the markers below: this test runs it,
 * and fails when the README's copy differs from it, so the two cannot drift apart.
 */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/vendorrisk/assessor/ReadmeExampleTest.java");
    private static final Path README = TestRules.ROOT.resolve("README.md");

    // README-EXAMPLE-BEGIN
    static void printRisk(Path profile, PrintStream out) {
        // build once (it compiles the rules), then share it: it is immutable and thread-safe
        VendorRiskAssessor assessor = VendorRiskAssessor.builder().build(); // the rules bundled in the jar
        try {
            Assessment a = assessor.assess(profile);
            out.printf("%s: %s, score %.1f%n", a.vendorId(), a.rating(), a.score());
            for (Finding f : a.activeFindings()) {
                out.printf("  %-8s %-9s %s%n", f.severity(), f.id(), f.title());
            }
            Exposure x = a.exposure();
            if (x.perIncident() != null) {
                out.printf("one outage costs %.0f %s%n", x.perIncident(), x.currency());
            }
        } catch (InvalidProfileException e) {
            e.diagnostics().forEach(d -> out.println(d.render())); // file:line:column: message
        }
    }
    // README-EXAMPLE-END

    @Test
    void theExampleReportsRatingFindingsAndExposure() {
        String out = run(TestRules.ROOT.resolve("samples/pbx-incident.yaml"));

        assertThat(out).startsWith("pbx-hosting-example: CRITICAL, score 99.8")
                .contains("  CRITICAL STAFF-001 The provider is one person")
                .contains("one outage costs 360000 CZK");
    }

    @Test
    void theExamplePrintsTheDiagnosticsOfAnInvalidProfile() {
        Path invalid = TestRules.ROOT.resolve("samples/invalid/typos-and-types.yaml");

        assertThat(run(invalid)).contains(invalid + ":10:1: unknown key 'suport'; did you mean 'support'?");
    }

    @Test
    void theReadmeShowsExactlyTheTestedExample() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertThat(readme).as("README.md must show the code between the markers of %s, verbatim (indentation"
                + " removed), in a ```java block", SOURCE).contains("```java\n" + example() + "```\n");
    }

    /** The marked lines, without the class body's indentation. */
    static String example() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int begin = lines.indexOf("    // README-EXAMPLE-BEGIN");
        int end = lines.indexOf("    // README-EXAMPLE-END");
        assertThat(begin).as("markers in %s", SOURCE).isPositive().isLessThan(end);
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(begin + 1, end)) {
            out.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
        }
        return out.toString();
    }

    private static String run(Path profile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        printRisk(profile, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
