package dev.vendorrisk.assessor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vendorrisk.assessor.history.Change;
import dev.vendorrisk.assessor.history.FindingRef;
import dev.vendorrisk.assessor.history.ReportDiff;
import dev.vendorrisk.assessor.history.Resolved;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.history.Snapshot;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * {@code vra diff} output: what changed between two saved reports, as text, markdown, JSON or an html page
 * ({@link HtmlDiffReport}). First the "since the baseline" summary (the same as {@code vra assess --baseline}
 * shows), then each changed service with its rating and score move, its new findings and its resolved ones.
 */
public final class DiffReport {
    /** The formats {@code vra diff} writes. */
    public static final List<String> FORMATS = List.of("text", "markdown", "json", "html");
    private static final String NL = System.lineSeparator();

    private DiffReport() {
    }

    /**
     * Writes {@code diff} in {@code format}.
     *
     * @throws IllegalArgumentException for a format not in {@link #FORMATS}
     */
    public static void write(ReportDiff diff, String format, Writer out) throws IOException {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> text(diff, out, false);
            case "markdown" -> text(diff, out, true);
            case "json" -> json(diff, out);
            case "html" -> HtmlDiffReport.write(diff, out);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; use one of "
                    + String.join(", ", FORMATS));
        }
        out.flush();
    }

    private static void text(ReportDiff diff, Writer out, boolean markdown) throws IOException {
        out.write(BaselineFirst.render(diff.summary(), markdown));
        for (ReportDiff.ServiceDiff d : diff.changed()) {
            Snapshot s = d.now();
            ServiceChange c = d.change();
            String head = s.label() + " (" + s.file() + (c.added() || s.file() == null || s.file().equals(c.baselineFile())
                    ? "" : ", was " + c.baselineFile()) + "): " + c.move(s.rating(), s.score());
            StringBuilder b = new StringBuilder();
            if (markdown) {
                b.append("### ").append(MarkdownReport.escape(head)).append(NL).append(NL);
                if (c.newCount() > 0 || !c.resolved().isEmpty()) {
                    b.append("| Change | Severity | Finding | Title |").append(NL);
                    b.append("| --- | --- | --- | --- |").append(NL);
                }
            } else {
                b.append(head).append(NL);
            }
            for (int i = 0; i < s.findings().size(); i++) {
                if (c.change(i) == Change.NEW) {
                    line(b, markdown, "new", s.findings().get(i), null);
                }
            }
            for (Resolved r : c.resolved()) {
                line(b, markdown, "resolved", r.finding(), r.note());
            }
            out.write(b.append(NL).toString());
        }
        if (diff.changed().isEmpty() && diff.summary().removedServices().isEmpty()) {
            out.write((markdown ? "No service changed." : "No service changed.") + NL);
        }
    }

    private static void line(StringBuilder b, boolean markdown, String change, FindingRef f, String note) {
        String title = (f.title() == null ? "" : f.title()) + (f.waived() ? " (waived)" : "")
                + (note == null ? "" : " (" + note + ")");
        if (markdown) {
            b.append("| ").append(change).append(" | ").append(f.severity()).append(" | ")
                    .append(MarkdownReport.escape(f.label())).append(" | ").append(MarkdownReport.escape(title))
                    .append(" |").append(NL);
        } else {
            b.append(String.format(Locale.ROOT, "  %-9s %-8s %s %s%n", change, f.severity(), f.label(), title));
        }
    }

    private static void json(ReportDiff diff, Writer out) throws IOException {
        JsonGenerator json = JsonReport.generator(out, true);
        json.writeStartObject();
        json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
        JsonReport.writeBaseline(json, diff.summary());
        json.writeArrayFieldStart("changed");
        for (ReportDiff.ServiceDiff d : diff.changed()) {
            Snapshot s = d.now();
            ServiceChange c = d.change();
            json.writeStartObject();
            json.writeStringField("file", s.file());
            json.writeStringField("vendor", s.vendorId());
            json.writeStringField("service", s.service());
            json.writeStringField("rating", s.rating().name());
            json.writeNumberField("score", Scorer.round(s.score()));
            json.writeBooleanField("added", c.added());
            if (!c.added()) {
                json.writeStringField("baselineFile", c.baselineFile());
                json.writeStringField("baselineRating", c.oldRating().name());
                json.writeNumberField("baselineScore", Scorer.round(c.oldScore()));
                json.writeNumberField("scoreChange", Scorer.round(s.score() - c.oldScore()));
            }
            json.writeStringField("move", c.move(s.rating(), s.score()));
            json.writeArrayFieldStart("findings");
            for (int i = 0; i < s.findings().size(); i++) {
                finding(json, s.findings().get(i), c.change(i).wire(), null);
            }
            for (Resolved r : c.resolved()) {
                finding(json, r.finding(), Change.RESOLVED.wire(), r.note());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write(NL);
    }

    private static void finding(JsonGenerator json, FindingRef f, String change, String note) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", f.id());
        json.writeStringField("severity", f.severity().name());
        json.writeStringField("title", f.title());
        if (f.gapPath() != null) {
            json.writeStringField("path", f.gapPath());
        }
        json.writeBooleanField("waived", f.waived());
        json.writeStringField("change", change);
        if (note != null) {
            json.writeStringField("note", note);
        }
        json.writeEndObject();
    }
}
