package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.TestRules;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format, through the registry: deterministic and streaming, with the portfolio of a batch run.
 * Each format's rendering of the samples, and of the batch with its portfolio, is also written to
 * {@code target/report-samples/} for a reviewer to read.
 */
class ReportFormatsTest {
    private static final Path OUT = Path.of("target", "report-samples");

    static List<String> names() {
        return ReportFormats.names();
    }

    private static ReportOptions options() {
        return new ReportOptions(TestRules.assessor().rules(), false, null, "0.1.0-test", "https://example.org/vra");
    }

    @Test
    void theRegistryKnowsEveryFormatOfIssue3() {
        assertThat(ReportFormats.names())
                .containsExactly("text", "json", "jsonl", "csv", "csv-summary", "markdown", "junit", "sarif", "html");
        assertThat(ReportFormats.create("text", options())).isInstanceOf(TextReport.class);
        assertThat(ReportFormats.create("json", options())).isInstanceOf(JsonReport.class);
        assertThat(ReportFormats.create("jsonl", options())).isInstanceOf(JsonLinesReport.class);
        assertThat(ReportFormats.create("csv", options())).isInstanceOf(CsvReport.class);
        assertThat(ReportFormats.create("csv-summary", options())).isInstanceOf(CsvSummaryReport.class);
        assertThat(ReportFormats.create("markdown", options())).isInstanceOf(MarkdownReport.class);
        assertThat(ReportFormats.create("junit", options())).isInstanceOf(JunitReport.class);
        assertThat(ReportFormats.create("sarif", options())).isInstanceOf(SarifReport.class);
        assertThat(ReportFormats.create("html", options())).isInstanceOf(HtmlReport.class);
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> ReportFormats.create("xml", options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'xml'; use one of: text, json, jsonl, csv, csv-summary, markdown,"
                        + " junit, sarif, html");
        assertThatThrownBy(() -> ReportFormats.create(null, options())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sarifWithoutTheRuleBaseSaysWhatIsMissing() {
        assertThatThrownBy(() -> ReportFormats.create("sarif", ReportOptions.of(null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("needs the rule base");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theSameInputGivesTheSameBytes(String name) throws IOException {
        String first = ReportFixtures.render(ReportFormats.create(name, options()), ReportFixtures.samples());
        String second = ReportFixtures.render(ReportFormats.create(name, options()), ReportFixtures.samples());
        assertThat(second).isEqualTo(first);
        assertThat(first).isNotBlank();
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("samples." + name), first, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eachFileIsWrittenBeforeTheNextArrives(String name) throws IOException {
        Report report = ReportFormats.create(name, options());
        StringWriter out = new StringWriter();
        report.start(out);
        int before = out.getBuffer().length();
        report.file(out, ReportFixtures.sample("pbx-incident.yaml"));
        int after = out.getBuffer().length();
        if (name.equals("json")) {
            // the pretty JSON document may hold back its last bytes in the generator until the next write
            assertThat(after).isGreaterThanOrEqualTo(before);
        } else if (name.equals("html")) {
            // the page opens with the overview of the whole run: every file is spooled to disk until the end
            assertThat(after).isEqualTo(before);
        } else {
            assertThat(after).as("bytes written for the first file by %s", name).isGreaterThan(before);
        }
        Summary summary = new Summary();
        summary.add(ReportFixtures.sample("pbx-incident.yaml"));
        report.finish(out, summary);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyFormatShowsThePortfolioOfABatchRunAndOnlyAtTheEnd(String name) throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        assertThat(batch.portfolio().findings()).extracting(f -> f.id())
                .contains("PORT-001", "PORT-002", "PORT-003");
        String with = ReportFixtures.render(ReportFormats.create(name, options()), batch);
        assertThat(ReportFixtures.render(ReportFormats.create(name, options()), batch)).isEqualTo(with);
        assertThat(with).contains("PORT-001", "PORT-002", "PORT-003");

        // what is streamed before the end is the same as without a portfolio: only finish() writes it
        Report report = ReportFormats.create(name, options());
        StringWriter out = new StringWriter();
        report.start(out);
        for (FileResult r : batch.results()) {
            report.file(out, r);
        }
        String streamed = out.toString();
        assertThat(with).startsWith(streamed);
        assertThat(ReportFixtures.render(ReportFormats.create(name, options()), batch.results())).startsWith(streamed)
                .isNotEqualTo(with);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("portfolio." + name), with, StandardCharsets.UTF_8);
    }
}
