package dev.vendorrisk.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import dev.vendorrisk.assessor.batch.BatchResult;
import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.report.Report;
import dev.vendorrisk.assessor.report.Summary;
import dev.vendorrisk.assessor.report.TextReport;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of README.md and docs/library.md are the code between the {@code EXAMPLE}
 * markers below: this test compiles and runs them, and fails when a page's copy differs from them,
 * so the docs and the code cannot drift apart.
 */
class LibraryExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/vendorrisk/assessor/LibraryExampleTest.java");
    private static final Path README = TestRules.ROOT.resolve("README.md");
    private static final Path LIBRARY = TestRules.ROOT.resolve("docs/library.md");

    // EXAMPLE-BEGIN risk-printer
    /** Prints a vendor's rating, findings and outage exposure. Build it once, use it for every file. */
    static final class RiskPrinter {
        // build once (it compiles the rules), then share it: it is immutable and thread-safe
        private final VendorRiskAssessor assessor = VendorRiskAssessor.builder().build(); // the bundled rules

        void print(Path profile, PrintStream out) {
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
    }
    // EXAMPLE-END risk-printer

    /** The per-file loop of docs/library.md: one printer, many files. */
    static void printAll(List<Path> profiles, PrintStream out) {
        // EXAMPLE-BEGIN risk-printer-use
        RiskPrinter printer = new RiskPrinter();
        for (Path profile : profiles) {
            printer.print(profile, out);
        }
        // EXAMPLE-END risk-printer-use
    }

    // EXAMPLE-BEGIN batch
    /** Assesses many files in parallel, in order, with a portfolio's waivers, as 'vra assess' does. */
    static void assessPortfolio(List<Path> files, Path waiversFile, Writer out) throws IOException {
        VendorRiskAssessor assessor = VendorRiskAssessor.builder().build();
        BatchAssessor batch = BatchAssessor.builder(assessor).jobs(4)
                .waivers(PortfolioWaivers.of(assessor.reader().readWaivers(waiversFile))).build();
        List<BatchInput> inputs = files.stream().map(Path::toString).sorted().map(BatchInput::file).toList();
        Report report = new TextReport(false);
        Summary summary = new Summary();
        report.start(out);
        BatchResult result = batch.assess(inputs, fileResult -> { // called in input order, one at a time
            summary.add(fileResult);
            try {
                report.file(out, fileResult);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        summary.portfolio(result.portfolio()); // PORT findings, notes and waiver warnings
        report.finish(out, summary);
    }
    // EXAMPLE-END batch

    @Test
    void theReadmeExampleAssessesAFile() {
        // run from the repository root, as the README's reader would
        Path root = TestRules.ROOT;
        // EXAMPLE-BEGIN readme
        VendorRiskAssessor assessor = VendorRiskAssessor.builder().build(); // once: compiles the bundled rules
        Assessment a = assessor.assess(root.resolve("samples/pbx-incident.yaml"));
        System.out.printf("%s: %s, score %.1f%n", a.vendorId(), a.rating(), a.score());
        // EXAMPLE-END readme
        assertThat(a.rating()).isEqualTo(Rating.CRITICAL);
        assertThat(a.vendorId()).isEqualTo("pbx-hosting-example");
    }

    @Test
    void theExampleReportsRatingFindingsAndExposure() {
        String out = run(List.of(TestRules.ROOT.resolve("samples/pbx-incident.yaml")));

        assertThat(out).startsWith("pbx-hosting-example: CRITICAL, score 99.8")
                .contains("  CRITICAL STAFF-001 The provider is one person")
                .contains("one outage costs 360000 CZK");
    }

    @Test
    void theExamplePrintsTheDiagnosticsOfAnInvalidProfile() {
        Path invalid = TestRules.ROOT.resolve("examples/invalid/typos-and-types.yaml");

        assertThat(run(List.of(invalid))).contains(invalid + ":10:1: unknown key 'suport'; did you mean 'support'?");
    }

    @Test
    void theBatchExampleReportsEveryFileAndThePortfolio() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.list(TestRules.ROOT.resolve("samples"))) {
            walk.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
        StringWriter out = new StringWriter();
        assessPortfolio(files, TestRules.ROOT.resolve("examples/waivers.yaml"), out);

        assertThat(out.toString()).contains("CRITICAL Example PBX Hosting s.r.o.").contains("Portfolio (5 services")
                .contains("Summary: 5 files, 5 vendors");
    }

    @Test
    void theDocsShowExactlyTheTestedExamples() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String library = Files.readString(LIBRARY, StandardCharsets.UTF_8);

        assertThat(readme).as("README.md must show the 'readme' example of %s verbatim in a ```java block", SOURCE)
                .contains("```java\n" + example("readme").replace("root.resolve(\"samples/pbx-incident.yaml\")",
                        "Path.of(\"samples/pbx-incident.yaml\")") + "```\n");
        for (String name : List.of("risk-printer", "risk-printer-use", "batch")) {
            assertThat(library).as("docs/library.md must show the '%s' example of %s verbatim in a ```java block",
                    name, SOURCE).contains("```java\n" + example(name) + "```\n");
        }
    }

    /** The lines between a named example's markers, without their common indentation. */
    static String example(String name) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// EXAMPLE-BEGIN " + name)) {
                begin = i;
            } else if (lines.get(i).strip().equals("// EXAMPLE-END " + name)) {
                end = i;
            }
        }
        assertThat(begin).as("markers of '%s' in %s", name, SOURCE).isNotNegative().isLessThan(end);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : body) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static String run(List<Path> profiles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        printAll(profiles, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
