package dev.vendorrisk.service;

import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.report.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders results with the library's {@link JsonReport}: the very document {@code vra assess --format json} prints. */
final class Reports {
    private Reports() {
    }

    /** The report of results that no portfolio evaluation covers: a request refused before any profile was read. */
    static String json(List<FileResult> results) {
        return json(results, null);
    }

    /**
     * The report of assessed results; {@code portfolio}, when not null, is rendered as the report's
     * {@code "portfolio"} section, set on the summary after the last result as {@code vra assess} does.
     */
    static String json(List<FileResult> results, PortfolioResult portfolio) {
        StringWriter out = new StringWriter();
        JsonReport report = new JsonReport();
        Summary summary = new Summary();
        try {
            report.start(out);
            for (FileResult result : results) {
                summary.add(result);
                report.file(out, result);
            }
            summary.portfolio(portfolio);
            report.finish(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
