package dev.vendorrisk.assessor.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vendorrisk.assessor.Diagnostic;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines ({@code -o jsonl}): one compact object per line, each written as its file's result
 * arrives, so nothing is held between files. Every line has a {@code type}:
 * <ul>
 *   <li>{@code "assessment"}: an assessed file, in the shape of the {@code json} report's assessments;</li>
 *   <li>{@code "error"}: one diagnostic of an invalid file: {@code file, line, column, message};</li>
 *   <li>{@code "portfolio"}: after a batch run, the last line but one: the portfolio rules' findings, notes
 *       and the waivers file's warnings, as the {@code json} report's {@code portfolio} object;</li>
 *   <li>{@code "summary"}: the last line, the run's counts as in the {@code json} report's summary.</li>
 * </ul>
 * Lines end with {@code \n} on every platform, as JSON Lines asks.
 */
public final class JsonLinesReport implements Report {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonGenerator json;

    @Override
    public void start(Writer out) throws IOException {
        json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (result.ok()) {
            JsonReport.writeAssessment(json, result.assessment(), "assessment", result.change());
            endLine(out);
            return;
        }
        for (Diagnostic d : result.errors()) {
            JsonReport.writeError(json, d, true);
            endLine(out);
        }
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        if (summary.portfolio() != null) {
            JsonReport.writePortfolio(json, summary.portfolio(), "portfolio");
            endLine(out);
        }
        json.writeStartObject();
        json.writeStringField("type", "summary");
        JsonReport.writeSummaryFields(json, summary);
        json.writeEndObject();
        endLine(out);
    }

    private void endLine(Writer out) throws IOException {
        json.flush();
        out.write('\n');
    }
}
