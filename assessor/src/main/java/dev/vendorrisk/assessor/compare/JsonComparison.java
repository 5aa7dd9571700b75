package dev.vendorrisk.assessor.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.scoring.Exposure;
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
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(new DefaultPrettyPrinter());
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeArrayFieldStart("candidates");
        for (Comparison.Candidate k : c.candidates()) {
            Assessment a = k.assessment();
            json.writeStartObject();
            json.writeNumberField("rank", k.rank());
            json.writeStringField("file", a.file());
            json.writeObjectFieldStart("vendor");
            json.writeStringField("id", a.vendorId());
            json.writeStringField("name", a.vendorName());
            json.writeEndObject();
            json.writeStringField("service", a.service());
            json.writeStringField("tier", a.tier().wire());
            json.writeStringField("rating", a.rating().name());
            json.writeNumberField("score", Scorer.round(a.score()));
            json.writeNumberField("completeness", a.completeness());
            Exposure x = a.exposure();
            json.writeObjectFieldStart("exposure");
            json.writeStringField("currency", x.currency());
            amount(json, "hourlyCost", x.hourlyCost());
            amount(json, "outageHours", x.outageHours());
            amount(json, "perIncident", x.perIncident());
            amount(json, "monthsOfFees", x.monthsOfFees());
            json.writeArrayFieldStart("missing");
            for (String m : x.missing()) {
                json.writeString(m);
            }
            json.writeEndArray();
            json.writeEndObject();
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
            json.writeStartObject();
            json.writeStringField("file", d.file());
            json.writeNumberField("line", d.line());
            json.writeNumberField("column", d.column());
            json.writeStringField("message", d.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write("\n");
    }

    private static void amount(JsonGenerator json, String name, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            double v = Scorer.round(value);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                json.writeNumberField(name, (long) v);
            } else {
                json.writeNumberField(name, v);
            }
        }
    }
}
