package dev.vendorrisk.assessor.report;

import java.io.IOException;
import java.io.Writer;

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
}
