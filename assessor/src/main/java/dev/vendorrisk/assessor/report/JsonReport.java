package dev.vendorrisk.assessor.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.vendorrisk.assessor.AreaScore;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.WayDown;
import dev.vendorrisk.assessor.history.BaselineIndex;
import dev.vendorrisk.assessor.history.BaselineSummary;
import dev.vendorrisk.assessor.history.FindingRef;
import dev.vendorrisk.assessor.history.Resolved;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.scoring.Exposure;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report ({@code --format json}): a stable shape, written as a stream.
 * Keys may be added over time; the documented ones are never renamed.
 */
public final class JsonReport implements Report {
    /** Version of the JSON shape. */
    public static final int SCHEMA_VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final boolean indented;
    private JsonGenerator json;
    private final List<Diagnostic> errors = new ArrayList<>();

    /** The indented report, as {@code vra assess --format json} prints it. */
    public JsonReport() {
        this(true);
    }

    /** @param indented false for one compact line (the same document, about a quarter smaller) */
    public JsonReport(boolean indented) {
        this.indented = indented;
    }

    /**
     * A generator in this report's style for other JSON documents of the tool (the comparison, the diff, the
     * review calendar): it leaves {@code out} open, and indents unless {@code indented} is false.
     */
    public static JsonGenerator generator(Writer out, boolean indented) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (indented) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
        }
        return json;
    }

    @Override
    public void start(Writer out) throws IOException {
        json = generator(out, indented);
        json.writeStartObject();
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeArrayFieldStart("assessments");
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (!result.ok()) {
            errors.addAll(result.errors());
            return;
        }
        writeAssessment(json, result.assessment(), null, result.change());
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        json.writeEndArray();
        json.writeArrayFieldStart("errors");
        for (Diagnostic d : errors) {
            writeError(json, d, false);
        }
        json.writeEndArray();
        if (summary.portfolio() != null) {
            json.writeFieldName("portfolio");
            writePortfolio(json, summary.portfolio(), null);
        }
        if (summary.baseline() != null) {
            writeBaseline(json, summary.baseline());
        }
        json.writeObjectFieldStart("summary");
        writeSummaryFields(json, summary);
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        out.write(System.lineSeparator());
    }

    /** The counts of a run, as fields of the object being written. */
    static void writeSummaryFields(JsonGenerator json, Summary summary) throws IOException {
        if (summary.runDate() != null) {
            json.writeStringField("runDate", summary.runDate().toString());
        }
        json.writeNumberField("files", summary.files());
        json.writeNumberField("vendors", summary.vendors());
        json.writeNumberField("services", summary.services());
        json.writeNumberField("invalidFiles", summary.invalidFiles());
        json.writeNumberField("errors", summary.errors());
        json.writeNumberField("waived", summary.waived());
        json.writeNumberField("reviewsOverdue", summary.reviewsOverdue());
        if (summary.judged()) {
            json.writeBooleanField("fails", summary.failures() > 0);
            json.writeNumberField("failures", summary.failures());
        }
        json.writeObjectFieldStart("findings");
        for (var e : summary.findings().entrySet()) {
            json.writeNumberField(e.getKey().name(), e.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("ratings");
        for (var e : summary.ratings().entrySet()) {
            json.writeNumberField(e.getKey().name(), e.getValue());
        }
        json.writeEndObject();
    }

    /**
     * The portfolio object: the portfolio rules' findings over the batch, notes, and the waivers file's
     * warnings; a non-null {@code type} comes first, as {@code "type":"portfolio"} in JSON Lines.
     */
    static void writePortfolio(JsonGenerator json, PortfolioResult p, String type) throws IOException {
        json.writeStartObject();
        if (type != null) {
            json.writeStringField("type", type);
        }
        json.writeNumberField("services", p.services());
        json.writeArrayFieldStart("findings");
        for (PortfolioFinding f : p.findings()) {
            json.writeStartObject();
            json.writeStringField("id", f.id());
            json.writeStringField("title", f.title());
            json.writeStringField("severity", f.severity().name());
            json.writeNumberField("weight", f.weight());
            json.writeStringField("message", f.message());
            json.writeStringField("recommendation", f.recommendation());
            json.writeStringField("recommendationText", f.recommendationText());
            writeEvidence(json, f.evidence(), false);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notes");
        for (String note : p.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("warnings");
        for (Diagnostic d : p.warnings()) {
            writeError(json, d, false);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One diagnostic of an invalid file: {@code {"file","line","column","message"}}. */
    public static void writeError(JsonGenerator json, Diagnostic d) throws IOException {
        writeError(json, d, false);
    }

    /** One diagnostic of an invalid file; {@code typed} adds {@code "type":"error"} for JSON Lines. */
    static void writeError(JsonGenerator json, Diagnostic d, boolean typed) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", d.file());
        json.writeNumberField("line", d.line());
        json.writeNumberField("column", d.column());
        json.writeStringField("message", d.message());
        if (typed) {
            json.writeStringField("type", "error");
        }
        json.writeEndObject();
    }

    /** Writes one assessment object in the documented shape. */
    public static void writeAssessment(JsonGenerator json, Assessment a) throws IOException {
        writeAssessment(json, a, null);
    }

    /** Writes one assessment object; a non-null {@code type} comes first, as {@code "type":"assessment"} in JSON Lines. */
    static void writeAssessment(JsonGenerator json, Assessment a, String type) throws IOException {
        writeAssessment(json, a, type, null);
    }

    /**
     * Writes one assessment object; with a comparison ({@code --baseline}) each finding has a {@code change}
     * ({@code new} or {@code unchanged}) and the assessment a {@code baseline} object: the baseline's file,
     * rating and score, the score difference, and the findings resolved since.
     */
    static void writeAssessment(JsonGenerator json, Assessment a, String type, ServiceChange change)
            throws IOException {
        json.writeStartObject();
        if (type != null) {
            json.writeStringField("type", type);
        }
        writeIdentity(json, a);
        json.writeStringField("assessedOn", a.assessedOn().toString());
        if (a.nextReviewDue() != null) {
            json.writeStringField("nextReviewDue", a.nextReviewDue().toString());
            json.writeBooleanField("reviewOverdue", a.reviewOverdue());
        }
        json.writeNumberField("score", a.score());
        json.writeStringField("rating", a.rating().name());
        json.writeNumberField("completeness", a.completeness());
        json.writeArrayFieldStart("findings");
        int findingIndex = 0;
        for (Finding f : a.findings()) {
            json.writeStartObject();
            json.writeStringField("id", f.id());
            json.writeStringField("title", f.title());
            json.writeStringField("area", f.area());
            json.writeStringField("severity", f.severity().name());
            json.writeNumberField("weight", f.weight());
            json.writeNumberField("contribution", Scorer.round(f.contribution()));
            json.writeNumberField("share", Scorer.round(f.share()));
            json.writeStringField("message", f.message());
            json.writeStringField("recommendation", f.recommendation());
            writeEvidence(json, f.evidence(), true);
            json.writeBooleanField("waived", f.waived());
            if (f.waiver() != null) {
                json.writeStringField("waiver", f.waiver());
            }
            if (change != null) {
                json.writeStringField("change", change.change(findingIndex).wire());
            }
            findingIndex++;
            json.writeEndObject();
        }
        json.writeEndArray();
        if (change != null) {
            writeChange(json, a, change);
        }
        json.writeArrayFieldStart("areas");
        for (AreaScore area : a.areas()) {
            json.writeStartObject();
            json.writeStringField("area", area.area());
            json.writeNumberField("score", area.score());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeExposure(json, a.exposure());
        json.writeArrayFieldStart("recommendations");
        for (Recommendation r : a.recommendations()) {
            json.writeStartObject();
            json.writeStringField("key", r.key());
            json.writeStringField("text", r.text());
            json.writeStringField("textKind", r.textKind());
            json.writeArrayFieldStart("resolves");
            for (String id : r.resolves()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeNumberField("scoreReduction", r.scoreReduction());
            json.writeNumberField("resolvesPercent", r.resolvesPercent());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeWayDown(json, a.wayDown());
        json.writeArrayFieldStart("warnings");
        for (String w : a.warnings()) {
            json.writeString(w);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** What the assessment is of, as fields of the object being written: {@code file}, {@code vendor {id, name}}, {@code service}, {@code tier}. */
    public static void writeIdentity(JsonGenerator json, Assessment a) throws IOException {
        json.writeStringField("file", a.file());
        json.writeObjectFieldStart("vendor");
        json.writeStringField("id", a.vendorId());
        json.writeStringField("name", a.vendorName());
        json.writeEndObject();
        json.writeStringField("service", a.service());
        json.writeStringField("tier", a.tier().wire());
    }

    /**
     * {@code "wayDown": {"from", "steps": [{"recommendation","score","rating"}],
     * "milestones": [{"recommendations":[keys],"score","rating"}]}}.
     */
    private static void writeWayDown(JsonGenerator json, WayDown w) throws IOException {
        json.writeObjectFieldStart("wayDown");
        json.writeStringField("from", w.from().name());
        json.writeArrayFieldStart("steps");
        for (WayDown.Step step : w.steps()) {
            json.writeStartObject();
            json.writeStringField("recommendation", step.recommendation());
            json.writeNumberField("score", step.score());
            json.writeStringField("rating", step.rating().name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("milestones");
        for (WayDown.Milestone m : w.milestones()) {
            json.writeStartObject();
            json.writeArrayFieldStart("recommendations");
            for (String key : m.recommendations()) {
                json.writeString(key);
            }
            json.writeEndArray();
            json.writeNumberField("score", m.score());
            json.writeStringField("rating", m.rating().name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The service's {@code baseline} object. */
    private static void writeChange(JsonGenerator json, Assessment a, ServiceChange change) throws IOException {
        json.writeObjectFieldStart("baseline");
        json.writeBooleanField("added", change.added());
        if (!change.added()) {
            json.writeStringField("file", change.baselineFile());
            json.writeStringField("rating", change.oldRating().name());
            json.writeNumberField("score", Scorer.round(change.oldScore()));
            json.writeNumberField("scoreChange", Scorer.round(a.score() - change.oldScore()));
            json.writeStringField("move", change.move(a.rating(), a.score()));
        }
        json.writeArrayFieldStart("resolved");
        for (Resolved r : change.resolved()) {
            writeFindingRef(json, r.finding(), r.note());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeFindingRef(JsonGenerator json, FindingRef f, String note) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", f.id());
        json.writeStringField("title", f.title());
        json.writeStringField("severity", f.severity().name());
        if (f.gapPath() != null) {
            json.writeStringField("path", f.gapPath());
        }
        json.writeBooleanField("waived", f.waived());
        if (note != null) {
            json.writeStringField("note", note);
        }
        json.writeEndObject();
    }

    /** The run's {@code baseline} section: counts, the services added and removed. */
    static void writeBaseline(JsonGenerator json, BaselineSummary b) throws IOException {
        json.writeObjectFieldStart("baseline");
        json.writeStringField("file", b.file());
        if (b.baselineRunDate() != null) {
            json.writeStringField("runDate", b.baselineRunDate().toString());
        }
        json.writeObjectFieldStart("findings");
        json.writeNumberField("new", b.newFindings());
        json.writeNumberField("unchanged", b.unchanged());
        json.writeNumberField("resolved", b.resolved());
        json.writeNumberField("ruleGone", b.ruleGone());
        json.writeEndObject();
        json.writeObjectFieldStart("services");
        json.writeNumberField("compared", b.compared());
        json.writeNumberField("ratedHigher", b.worse());
        json.writeNumberField("ratedLower", b.better());
        json.writeArrayFieldStart("added");
        for (String s : b.added()) {
            json.writeString(s);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("removed");
        for (BaselineIndex.Removed r : b.removedServices()) {
            json.writeStartObject();
            json.writeStringField("file", r.file());
            json.writeStringField("vendor", r.vendorId());
            json.writeStringField("service", r.service());
            json.writeStringField("rating", r.rating().name());
            json.writeNumberField("score", Scorer.round(r.score()));
            json.writeArrayFieldStart("resolved");
            for (FindingRef f : r.findings()) {
                writeFindingRef(json, f, null);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeStringField("line", b.line());
        json.writeEndObject();
    }

    /** {@code "exposure": {"currency", "hourlyCost", "outageHours", "perIncident", "monthsOfFees", "missing"}}. */
    public static void writeExposure(JsonGenerator json, Exposure x) throws IOException {
        json.writeObjectFieldStart("exposure");
        json.writeStringField("currency", x.currency());
        writeAmount(json, "hourlyCost", x.hourlyCost());
        writeAmount(json, "outageHours", x.outageHours());
        writeAmount(json, "perIncident", x.perIncident());
        writeAmount(json, "monthsOfFees", x.monthsOfFees());
        json.writeArrayFieldStart("missing");
        for (String m : x.missing()) {
            json.writeString(m);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAmount(JsonGenerator json, String name, Double value) throws IOException {
        json.writeFieldName(name);
        writeValue(json, value == null ? null : Scorer.round(value));
    }

    /** {@code "evidence": [{"path","value"[,"line"]}]}: portfolio evidence has no line in a profile. */
    private static void writeEvidence(JsonGenerator json, List<Evidence> evidence, boolean withLine) throws IOException {
        json.writeArrayFieldStart("evidence");
        for (Evidence e : evidence) {
            json.writeStartObject();
            json.writeStringField("path", e.path());
            json.writeFieldName("value");
            writeValue(json, e.value());
            if (withLine) {
                json.writeNumberField("line", e.line());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                json.writeNumber(d.longValue());
            } else {
                json.writeNumber(d);
            }
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?>) {
            json.writeString(value.toString());
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
