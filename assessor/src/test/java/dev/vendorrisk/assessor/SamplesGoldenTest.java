package dev.vendorrisk.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import dev.vendorrisk.assessor.batch.BatchResult;
import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.report.Report;
import dev.vendorrisk.assessor.report.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden samples: every {@code samples/**}{@code /*.yaml} and {@code examples/invalid/*.yaml} has a {@code *.expected.json} beside it holding
 * exactly what {@code vra assess --format json <sample>} prints. Regenerate after an intended change
 * with {@code mvn test -Dvra.golden.update=true} and review the diff.
 */
class SamplesGoldenTest {
    private static final Path SAMPLES = TestRules.ROOT.resolve("samples");
    /** Deliberately broken profiles live apart from the samples, so that {@code vra assess samples/} exits 0. */
    private static final Path EXAMPLES = TestRules.ROOT.resolve("examples/invalid");
    private static final boolean UPDATE = Boolean.getBoolean("vra.golden.update");

    /** Every golden profile: the samples, then the examples (the invalid ones among them). */
    static Stream<Path> samples() throws IOException {
        return Stream.concat(yamls(SAMPLES), yamls(EXAMPLES));
    }

    private static Stream<Path> yamls(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /**
     * Renders one file exactly as {@code vra assess --format json <sample>} does: a batch of one
     * streamed into the JSON report, with the batch's portfolio section.
     */
    static String render(Path sample) throws IOException {
        return render(TestRules.assessor(), sample);
    }

    /** The same with another assessor. */
    static String render(VendorRiskAssessor assessor, Path sample) throws IOException {
        String shown = TestRules.ROOT.relativize(sample).toString().replace('\\', '/');
        StringWriter out = new StringWriter();
        Report report = new JsonReport();
        Summary summary = new Summary();
        report.start(out);
        BatchResult result = BatchAssessor.builder(assessor).jobs(1).build()
                .assess(List.of(BatchInput.bytes(shown, Files.readAllBytes(sample))), r -> {
                    summary.add(r);
                    try {
                        report.file(out, r);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        summary.portfolio(result.portfolio());
        report.finish(out, summary);
        return out.toString();
    }

    static Path expectedOf(Path sample) {
        String name = sample.getFileName().toString();
        return sample.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + ".expected.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesItsExpectedResult(Path sample) throws IOException {
        String actual = render(sample);
        Path expected = expectedOf(sample);
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(expected).as("expected result of %s (create it with -Dvra.golden.update=true)", sample).exists();
        assertThat(actual).as("result of %s differs from %s; if the change is intended, regenerate with"
                + " -Dvra.golden.update=true and review the diff", sample, expected)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void everyExpectedResultHasItsSample() throws IOException {
        try (Stream<Path> walk = Stream.concat(Files.walk(SAMPLES), Files.walk(EXAMPLES))) {
            List<Path> orphans = walk.filter(p -> p.toString().endsWith(".expected.json"))
                    .filter(p -> !Files.exists(p.resolveSibling(p.getFileName().toString()
                            .replace(".expected.json", ".yaml"))))
                    .toList();
            assertThat(orphans).as("expected results without a sample").isEmpty();
        }
    }

    @Test
    void theSamplesCoverTheStoriesTheProjectPromises() throws IOException {
        assertThat(render(SAMPLES.resolve("pbx-incident.yaml"))).contains("\"rating\" : \"CRITICAL\"")
                .contains("\"id\" : \"STAFF-001\"").contains("\"id\" : \"CHG-003\"").contains("\"id\" : \"SLA-001\"")
                .contains("\"perIncident\" : 360000");
        assertThat(render(SAMPLES.resolve("well-run-msp.yaml"))).contains("\"rating\" : \"LOW\"");
        assertThat(render(SAMPLES.resolve("many-unknowns.yaml"))).contains("\"rating\" : \"MEDIUM\"")
                .contains("\"id\" : \"GAP-001\"");
        assertThat(render(EXAMPLES.resolve("typos-and-types.yaml")))
                .contains("unknown key 'suport'; did you mean 'support'?");
    }
}
