package dev.vendorrisk.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.WaiverFile;
import dev.vendorrisk.assessor.report.FileResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BatchAssessorTest {
    private static final Path SAMPLES = TestRules.ROOT.resolve("samples");
    private static final Path EXAMPLES = TestRules.ROOT.resolve("examples/invalid");

    /** The samples and the examples (two of them invalid on purpose). */
    static List<BatchInput> samples() throws IOException {
        try (Stream<Path> walk = Stream.concat(Files.walk(SAMPLES), Files.walk(EXAMPLES))) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).map(Path::toString).sorted()
                    .map(BatchInput::file).toList();
        }
    }

    @Test
    void theSameResultsInTheSameOrderWhateverTheJobs() throws IOException {
        List<BatchInput> inputs = samples();
        List<String> one = run(1, inputs);
        assertThat(one).hasSize(inputs.size());
        assertThat(run(2, inputs)).isEqualTo(one);
        assertThat(run(4, inputs)).isEqualTo(one);
    }

    private static List<String> run(int jobs, List<BatchInput> inputs) throws IOException {
        List<String> out = new ArrayList<>();
        BatchResult r = BatchAssessor.builder(TestRules.assessor()).jobs(jobs).window(3).build()
                .assess(inputs, result -> out.add(describe(result)));
        assertThat(r.files()).isEqualTo(inputs.size());
        assertThat(r.valid()).isEqualTo(inputs.size() - 2); // examples/invalid holds two
        assertThat(r.portfolio().services()).isEqualTo(r.valid());
        return out;
    }

    private static String describe(FileResult r) {
        return r.ok() ? r.file() + " " + r.assessment().rating() + " " + r.assessment().score()
                + " " + r.assessment().findings() : r.file() + " " + r.errors();
    }

    @Test
    void validateOnlyReadsAndCountsAndMeasures() throws IOException {
        List<String> invalid = new ArrayList<>();
        BatchResult r = BatchAssessor.builder(TestRules.assessor()).jobs(2).timings(true).build()
                .validate(samples(), result -> {
                    if (!result.errors().isEmpty()) {
                        invalid.add(result.file());
                    }
                });
        assertThat(invalid).hasSize(2).allMatch(f -> f.contains("invalid"));
        assertThat(r.valid()).isEqualTo(r.files() - 2);
        assertThat(r.portfolio()).isNull();
        assertThat(r.timings().profiles()).isEqualTo(r.files());
        assertThat(r.timings().p99Micros()).isGreaterThanOrEqualTo(r.timings().p50Micros());
    }

    @Test
    void bytesAreAssessedUnderTheirOwnName() throws IOException {
        byte[] yaml = Files.readAllBytes(SAMPLES.resolve("pbx-incident.yaml"));
        List<FileResult> out = new ArrayList<>();
        BatchAssessor.builder(TestRules.assessor()).build()
                .assess(List.of(BatchInput.bytes("<stdin>", yaml)), out::add);
        assertThat(out).singleElement().satisfies(r -> assertThat(r.assessment().file()).isEqualTo("<stdin>"));
    }

    @Test
    void portfolioWaiversApplyAndTheUnusedOnesAreReportedOnceForTheBatch() throws IOException {
        VendorRiskAssessor assessor = TestRules.assessor();
        WaiverFile file = assessor.reader().readWaivers("waivers.yaml", """
                - vendor: pbx-hosting-example
                  rule: STAFF-001
                  justification: deputy arranged with a partner firm
                  owner: it-operations
                  expires: 2030-12-31
                - vendor: pbx-hosting-example
                  rule: SEC-003
                  justification: no personal data any more
                  owner: dpo
                  expires: 2030-12-31
                - vendor: not-in-this-batch
                  rule: SUP-001
                  justification: gone
                  owner: it-operations
                  expires: 2030-12-31
                - vendor: pbx-hosting-example
                  rule: SLA-001
                  justification: accepted until the move
                  owner: cio
                  expires: 2010-01-01
                """.getBytes(StandardCharsets.UTF_8));
        PortfolioWaivers waivers = PortfolioWaivers.of(file);
        List<FileResult> out = new ArrayList<>();
        BatchResult r = BatchAssessor.builder(assessor).jobs(2).waivers(waivers).build()
                .assess(List.of(BatchInput.file(SAMPLES.resolve("pbx-incident.yaml").toString()),
                        BatchInput.file(SAMPLES.resolve("well-run-msp.yaml").toString())), out::add);
        var pbx = out.get(0).assessment();
        assertThat(pbx.findings()).filteredOn(f -> f.id().equals("STAFF-001")).singleElement()
                .satisfies(f -> assertThat(f.waived()).isTrue());
        assertThat(pbx.findings()).filteredOn(f -> f.id().equals("SLA-001")).singleElement()
                .satisfies(f -> assertThat(f.waived()).isFalse());
        assertThat(pbx.warnings()).anyMatch(w -> w.contains("SLA-001") && w.contains("expired"))
                .noneMatch(w -> w.contains("SEC-003"));
        assertThat(r.portfolio().warnings()).extracting(Diagnostic::render).containsExactly(
                "waivers.yaml:6:3: waiver for SEC-003 of vendor 'pbx-hosting-example' (owner dpo) is unused:"
                        + " SEC-003 did not fire for vendor 'pbx-hosting-example'; remove it",
                "waivers.yaml:11:3: waiver for SUP-001 of vendor 'not-in-this-batch' (owner it-operations) is unused:"
                        + " no profile of vendor 'not-in-this-batch' was assessed in this run; remove it or correct the vendor id",
                "waivers.yaml:16:3: waiver for SLA-001 of vendor 'pbx-hosting-example' (owner cio) expired on 2010-01-01;"
                        + " the finding counts again until the waiver is renewed");
        assertThat(out.get(1).assessment().warnings()).noneMatch(w -> w.contains("waiver"));
    }
}
