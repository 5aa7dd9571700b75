package dev.vendorrisk.assessor.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.io.IOException;
import java.io.Writer;

/**
 * The comparison for machines ({@code docs/compare.md} documents the shape): {@code schemaVersion},
 * {@code candidates} in rank order, {@code findings} and {@code facts} whose per-candidate arrays follow
 * that order, and {@code errors}. Keys may be added; the documented ones are never renamed.
 */
final class JsonComparison implements ComparisonFormat {
    /** Version of the JSON shape. */
    static final int SCHEMA_VERSION = 1;

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        JsonGenerator json = JsonReport.generator(out, true);
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeArrayFieldStart("candidates");
        for (Comparison.Candidate k : c.candidates()) {
            Assessment a = k.assessment();
            json.writeStartObject();
            json.writeNumberField("rank", k.rank());
            JsonReport.writeIdentity(json, a);
            json.writeStringField("rating", a.rating().name());
            json.writeNumberField("score", Scorer.round(a.score()));
            json.writeNumberField("completeness", a.completeness());
            JsonReport.writeExposure(json, a.exposure());
            json.writeNumberField("activeFindings", a.activeFindings().size());
            json.writeNumberField("waivedFindings", a.findings().size() - a.activeFindings().size());
            json.writeStringField("reason", k.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("findings");
        for (Comparison.FindingRow f : c.findings()) {
            json.writeStartObject();
            json.writeStringField("id", f.id());
            if (f.fact() != null) {
                json.writeStringField("fact", f.fact());
            }
            json.writeStringField("title", f.title());
            json.writeStringField("severity", f.severity().name());
            json.writeStringField("area", f.area());
            json.writeArrayFieldStart("candidates");
            for (Comparison.Presence p : f.presence()) {
                json.writeString(p.wire());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("facts");
        for (Comparison.FactRow f : c.facts()) {
            json.writeStartObject();
            json.writeStringField("path", f.path());
            json.writeArrayFieldStart("values");
            for (String v : f.values()) {
                json.writeString(v);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("errors");
        for (Diagnostic d : c.errors()) {
            JsonReport.writeError(json, d);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write("\n");
    }
}
