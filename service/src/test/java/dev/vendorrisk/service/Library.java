package dev.vendorrisk.service;

import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import dev.vendorrisk.assessor.batch.BatchResult;
import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.report.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The library as the command line uses it: the project's rules folder compiled at run time. */
final class Library {
    /** The repository root, seen from the module folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** "Today" for profiles without assessment.assessedOn, in the tests that fix the clock. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private static VendorRiskAssessor assessor;

    private Library() {
    }

    static synchronized VendorRiskAssessor assessor() {
        if (assessor == null) {
            assessor = VendorRiskAssessor.builder().rules(ROOT.resolve("rules")).clock(CLOCK).build();
        }
        return assessor;
    }

    /** What {@code vra assess --format json} prints for one profile named {@code name}. */
    static String render(String name, byte[] content) {
        return render(List.of(BatchInput.bytes(name, content)));
    }

    /**
     * What {@code vra assess --format json} prints for these profiles, done the way {@code AssessCommand}
     * does it: a {@link BatchAssessor} streams the results into the report, and the batch's portfolio
     * goes into the summary before the report is finished.
     */
    static String render(List<BatchInput> inputs) {
        StringWriter out = new StringWriter();
        JsonReport report = new JsonReport();
        Summary summary = new Summary();
        try {
            report.start(out);
            BatchResult result = BatchAssessor.builder(assessor()).jobs(1).build().assess(inputs, r -> {
                summary.add(r);
                report.file(out, r);
            });
            summary.portfolio(result.portfolio());
            report.finish(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
