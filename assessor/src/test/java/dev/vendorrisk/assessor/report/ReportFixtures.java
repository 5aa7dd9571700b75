package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.TestRules;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Results of the real assessor on the project's samples, as the CLI would feed them to a report:
 * every {@code samples/**}{@code /*.yaml} sorted by path, the invalid ones included. fresh-spinoff
 * has a waived finding (SEC-002), well-run-msp none at all, many-unknowns findings without a line.
 */
final class ReportFixtures {
    static final Path SAMPLES = TestRules.ROOT.resolve("samples");
    private static List<FileResult> samples;

    private ReportFixtures() {
    }

    /** Every sample, in report order. */
    static synchronized List<FileResult> samples() {
        if (samples == null) {
            try (Stream<Path> walk = Files.walk(SAMPLES)) {
                samples = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().map(ReportFixtures::assess).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return samples;
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

    /** What a report writes for these results, fed as the CLI feeds it. */
    static String render(Report report, List<FileResult> results) {
        StringWriter out = new StringWriter();
        Summary summary = new Summary();
        try {
            report.start(out);
            for (FileResult r : results) {
                summary.add(r);
                report.file(out, r);
            }
            report.finish(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String render(Report report, FileResult... results) {
        return render(report, List.of(results));
    }
}
