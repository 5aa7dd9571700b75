package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * One output format. A report is fed the results in a deterministic order (sorted by path) and
 * may write as it goes, so memory does not grow with the number of files.
 */
public interface Report {
    /** Called once before any result. */
    default void start(Writer out) throws IOException {
    }

    /** Called once per input file, in report order. */
    void file(Writer out, FileResult result) throws IOException;

    /** Called once at the end with the run's counts. */
    void finish(Writer out, Summary summary) throws IOException;

    /**
     * The whole report of {@code results} as one string, fed as {@code vra assess} feeds a report:
     * each result in order, then {@code portfolio} (null: no batch ran) on the summary, then the end.
     * For a new report: a report is written once.
     */
    default String render(List<FileResult> results, PortfolioResult portfolio) {
        StringWriter out = new StringWriter();
        Summary summary = new Summary();
        try {
            start(out);
            for (FileResult result : results) {
                summary.add(result);
                file(out, result);
            }
            summary.portfolio(portfolio);
            finish(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
