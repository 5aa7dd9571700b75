package dev.vendorrisk.service;

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

    static String json(List<FileResult> results) {
        StringWriter out = new StringWriter();
        JsonReport report = new JsonReport();
        Summary summary = new Summary();
        try {
            report.start(out);
            for (FileResult result : results) {
                summary.add(result);
                report.file(out, result);
            }
            report.finish(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
