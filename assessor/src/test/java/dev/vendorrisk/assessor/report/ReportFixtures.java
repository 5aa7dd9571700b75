package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Results of the real assessor on the project's samples, as the CLI would feed them to a report:
 * every {@code samples/**}{@code /*.yaml}, then every {@code examples/invalid/*.yaml},
 * each sorted by path. fresh-spinoff
 * has a waived finding (SEC-002), well-run-msp none at all, many-unknowns findings without a line.
 */
final class ReportFixtures {
    static final Path SAMPLES = TestRules.ROOT.resolve("samples");
    static final Path EXAMPLES = TestRules.ROOT.resolve("examples/invalid");
    private static List<FileResult> samples;
    private static Batch batch;

    /** A batch run's results, in report order, and the portfolio it ended with. */
    record Batch(List<FileResult> results, PortfolioResult portfolio) {
    }

    private ReportFixtures() {
    }

    /** Every sample, in report order. */
    static synchronized List<FileResult> samples() {
        if (samples == null) {
            samples = profiles().stream().map(ReportFixtures::assess).toList();
        }
        return samples;
    }

    /** The samples, then the examples, each sorted by path. */
    static List<Path> profiles() {
        List<Path> all = new ArrayList<>();
        for (Path root : List.of(SAMPLES, EXAMPLES)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The deliberately broken {@code examples/invalid/typos-and-types.yaml}: six diagnostics. */
    static FileResult invalidExample() {
        String shown = "examples/invalid/typos-and-types.yaml";
        return samples().stream().filter(r -> r.file().equals(shown)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example " + shown));
    }

    /** One sample by its path under {@code samples/}, e.g. {@code fresh-spinoff.yaml}. */
    static FileResult sample(String name) {
        String shown = "samples/" + name;
        return samples().stream().filter(r -> r.file().equals(shown)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + shown));
    }

    static Assessment assessment(String name) {
        return sample(name).assessment();
    }

    private static FileResult assess(Path sample) {
        String shown = TestRules.ROOT.relativize(sample).toString().replace('\\', '/');
        try {
            return FileResult.of(TestRules.assessor().assess(
                    TestRules.assessor().reader().read(shown, Files.readAllBytes(sample)), List.of()));
        } catch (InvalidProfileException e) {
            return FileResult.failed(shown, e.diagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * fresh-spinoff with user text that tries to break every format: separators, quotes, line
     * breaks, markup of Markdown, HTML and XML, a control character XML cannot carry, non-ASCII.
     */
    static FileResult hostile() {
        Assessment a = assessment("fresh-spinoff.yaml");
        String nasty = "Evil | *Corp*, \"Ltd\" <script>&amp;</script> ]]> [x](y) #1\nnext\u0001line é";
        List<Finding> findings = new ArrayList<>();
        for (Finding f : a.findings()) {
            findings.add(new Finding(f.id(), f.title(), f.area(), f.severity(), f.weight(), f.contribution(), f.share(),
                    f.message() + " " + nasty, f.recommendation(), f.evidence(), f.waived(),
                    f.waived() ? nasty : f.waiver()));
        }
        Assessment evil = new Assessment("samples/odd dir/évil, \"name\".yaml", "evil|id", nasty, nasty, a.tier(),
                a.assessedOn(), a.score(), a.rating(), a.completeness(), findings, a.areas(), a.exposure(),
                a.recommendations(), List.of(nasty));
        return FileResult.of(evil);
    }

    /**
     * A real batch run over every sample (alone they give two PORT-002 findings and two notes) and two
     * generated profiles: a second critical telephony service of the one-person PBX vendor (PORT-001)
     * and a telephony carrier without findings, a ready alternative to that vendor (PORT-003). The
     * waivers file {@code waivers.yaml} has one waiver that never applies (a warning at line 1).
     */
    static synchronized Batch portfolioBatch() {
        if (batch == null) {
            try {
                String pbx = Files.readString(SAMPLES.resolve("pbx-incident.yaml"));
                String msp = Files.readString(SAMPLES.resolve("well-run-msp.yaml"));
                List<BatchInput> inputs = new ArrayList<>();
                inputs.add(BatchInput.bytes("generated/pbx-backup-line.yaml", utf8(pbx.replace(
                        "  name: Hosted virtual PBX (Asterisk)", "  name: Backup PBX line"))));
                inputs.add(BatchInput.bytes("generated/telephony-carrier.yaml", utf8(msp
                        .replace("  id: nordic-managed-it", "  id: nordic-carrier").replace("  kind: msp", "  kind: telephony"))));
                for (Path p : profiles()) {
                    inputs.add(BatchInput.bytes(TestRules.ROOT.relativize(p).toString().replace('\\', '/'),
                            Files.readAllBytes(p)));
                }
                VendorRiskAssessor assessor = TestRules.assessor();
                PortfolioWaivers waivers = PortfolioWaivers.of(assessor.reader().readWaivers("waivers.yaml", utf8("""
                        - vendor: pbx-hosting-example
                          rule: SEC-003
                          justification: no personal data any more
                          owner: dpo
                          expires: 2099-12-31
                        """)));
                List<FileResult> results = new ArrayList<>();
                PortfolioResult portfolio = BatchAssessor.builder(assessor).jobs(2).waivers(waivers).build()
                        .assess(inputs, results::add).portfolio();
                batch = new Batch(List.copyOf(results), portfolio);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return batch;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What a report writes for a batch run, its portfolio included, fed as the CLI feeds it. */
    static String render(Report report, Batch batch) {
        return render(report, batch.results(), batch.portfolio());
    }

    /** What a report writes for these results, fed as the CLI feeds it. */
    static String render(Report report, List<FileResult> results) {
        return render(report, results, null);
    }

    /** What a report writes for these results and this portfolio (null: no batch ran). */
    static String render(Report report, List<FileResult> results, PortfolioResult portfolio) {
        return report.render(results, portfolio);
    }

    static String render(Report report, FileResult... results) {
        return render(report, List.of(results));
    }
}
