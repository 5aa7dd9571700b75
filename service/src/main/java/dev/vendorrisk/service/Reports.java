package dev.vendorrisk.service;

import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.JsonReport;
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
        return new JsonReport().render(results, portfolio);
    }
}
