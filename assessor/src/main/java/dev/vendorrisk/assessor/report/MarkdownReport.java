package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A readable report for pull requests and wikis ({@code -o markdown}, GitHub-flavoured): an overview
 * table with one row per file, then per vendor a heading, its rating, score and exposure, a findings
 * table and the ranked recommendations, then an "Errors" section for invalid files, after a batch run
 * a "Portfolio" section (the portfolio rules' findings with their evidence, what to do, the notes on
 * what could not be compared and the waivers file's warnings; left out when there is none of these),
 * and the run's summary line. Every user-supplied text is escaped, so a vendor name cannot break a table or inject HTML.
 *
 * <p>Streaming: overview rows go straight to the output as files arrive; the vendor sections and the
 * errors, which must come after the whole table, are spooled to temporary files (see {@link Spool})
 * and appended at the end, so memory does not grow with the number of files. Lines end with
 * {@code \n} on every platform.
 */
public final class MarkdownReport implements Report {
    private static final String NL = "\n";

    private Spool vendors;
    private Spool errors;
    private boolean anyErrors;

    @Override
    public void start(Writer out) throws IOException {
        vendors = new Spool("markdown");
        errors = new Spool("markdown");
        out.write("# Vendor risk report" + NL + NL);
        out.write("| File | Vendor | Service | Tier | Rating | Score | Active findings | Exposure per incident |" + NL);
        out.write("| --- | --- | --- | --- | --- | ---: | --- | ---: |" + NL);
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (!result.ok()) {
            int n = result.errors().size();
            out.write(row(escape(result.file()), "*invalid: " + n + (n == 1 ? " error*" : " errors*"), "", "", "",
                    "", "", ""));
            writeErrors(errors.writer(), result);
            anyErrors = true;
            return;
        }
        Assessment a = result.assessment();
        out.write(row(escape(a.file()), vendor(a), escape(nvl(a.service())), a.tier().wire(),
                "**" + a.rating() + "**", Cells.number(a.score()), counts(a), exposureCell(a)));
        writeVendor(vendors.writer(), a);
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        out.write(NL);
        vendors.copyTo(out);
        if (anyErrors) {
            out.write("## Errors" + NL + NL);
        }
        errors.copyTo(out);
        if (Cells.hasContent(summary.portfolio())) {
            out.write(portfolio(summary.portfolio()));
        }
        out.write("**Summary:** " + escape(summary.line()) + NL);
    }

    private static void writeVendor(Writer w, Assessment a) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(vendor(a)).append(NL).append(NL);
        b.append("File: ").append(escape(a.file()));
        if (a.service() != null) {
            b.append(" · service: ").append(escape(a.service()));
        }
        b.append(NL).append(NL);
        b.append("**Rating ").append(a.rating()).append("** · score ").append(Cells.number(a.score()))
                .append("/100 · tier ").append(a.tier().wire()).append(" · completeness ")
                .append(String.format(Locale.ROOT, "%.0f%%", a.completeness() * 100)).append(" · assessed on ")
                .append(a.assessedOn()).append(NL).append(NL);
        b.append(capitalize(escape(TextReport.exposure(a.exposure())))).append(NL).append(NL);
        b.append("### Findings").append(NL).append(NL);
        if (a.findings().isEmpty()) {
            b.append("No findings.").append(NL).append(NL);
        } else {
            b.append("| Severity | ID | Title | Evidence |").append(NL);
            b.append("| --- | --- | --- | --- |").append(NL);
            for (Finding f : a.findings()) {
                String title = escape(f.title());
                if (f.waived()) {
                    title += " *(waived: " + escape(nvl(f.waiver())) + ")*";
                }
                String evidence = f.evidence().stream().map(MarkdownReport::evidence).collect(Collectors.joining("<br>"));
                b.append(row(f.waived() ? "~~" + f.severity() + "~~" : f.severity().name(), escape(f.id()), title,
                        evidence));
            }
            b.append(NL);
        }
        if (!a.recommendations().isEmpty()) {
            b.append("### Recommendations").append(NL).append(NL);
            int i = 1;
            for (Recommendation r : a.recommendations()) {
                b.append(i++).append(". **").append(escape(r.key())).append("** (").append(escape(Cells.impact(r)))
                        .append("): ").append(escape(r.text())).append(" Resolves ")
                        .append(escape(String.join(", ", r.resolves()))).append('.').append(NL);
            }
            b.append(NL);
        }
        List<String> wayDown = Cells.wayDown(a.wayDown());
        if (!wayDown.isEmpty()) {
            b.append("### Way down from ").append(a.rating()).append(NL).append(NL)
                    .append("Acting on the recommendations in ranked order:").append(NL).append(NL);
            wayDown.forEach(line -> b.append("- ").append(escape(line)).append(NL));
            b.append(NL);
        }
        for (String warning : a.warnings()) {
            b.append("> **Warning:** ").append(escape(warning)).append(NL).append(NL);
        }
        w.write(b.toString());
    }

    private static String portfolio(PortfolioResult p) {
        StringBuilder b = new StringBuilder();
        b.append("## Portfolio").append(NL).append(NL);
        b.append(p.findings().size()).append(p.findings().size() == 1 ? " finding" : " findings").append(" across ")
                .append(p.services()).append(p.services() == 1 ? " service" : " services")
                .append("; portfolio findings are part of no vendor's score.").append(NL).append(NL);
        if (!p.findings().isEmpty()) {
            b.append("| Severity | ID | Title | Evidence |").append(NL);
            b.append("| --- | --- | --- | --- |").append(NL);
            Map<String, String> recommendations = new TreeMap<>();
            for (PortfolioFinding f : p.findings()) {
                b.append(row(f.severity().name(), escape(f.id()), escape(f.title()),
                        f.evidence().stream().map(MarkdownReport::evidence).collect(Collectors.joining("<br>"))));
                recommendations.put(f.recommendation(), f.recommendationText());
            }
            b.append(NL).append("### Recommendations").append(NL).append(NL);
            recommendations.forEach((key, text) -> b.append("- **").append(escape(key)).append("**: ")
                    .append(escape(text)).append(NL));
            b.append(NL);
        }
        for (String note : p.notes()) {
            b.append("> **Note:** ").append(escape(note)).append(NL).append(NL);
        }
        for (Diagnostic w : p.warnings()) {
            b.append("> **Warning:** ").append(escape(w.render())).append(NL).append(NL);
        }
        return b.toString();
    }

    private static void writeErrors(Writer w, FileResult result) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(escape(result.file())).append(NL).append(NL);
        for (Diagnostic d : result.errors()) {
            b.append("- ");
            if (d.line() > 0) {
                b.append("line ").append(d.line());
                if (d.column() > 0) {
                    b.append(", column ").append(d.column());
                }
                b.append(": ");
            }
            b.append(escape(d.message())).append(NL);
        }
        w.write(b.append(NL).toString());
    }

    private static String vendor(Assessment a) {
        String id = escape(a.vendorId());
        return a.vendorName() == null ? id : escape(a.vendorName()) + " (" + id + ")";
    }

    private static String counts(Assessment a) {
        List<String> parts = new ArrayList<>();
        Map<Severity, Integer> active = Cells.activeBySeverity(a);
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO}) {
            if (active.get(s) > 0) {
                parts.add(active.get(s) + " " + s.name().toLowerCase(Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String exposureCell(Assessment a) {
        Double perIncident = a.exposure().perIncident();
        if (perIncident == null) {
            return "unknown";
        }
        String currency = a.exposure().currency() == null ? "" : " " + escape(a.exposure().currency());
        return String.format(Locale.ROOT, "%,.0f", perIncident) + currency;
    }

    private static String evidence(Evidence e) {
        return escape(e.path()) + ": " + escape(e.text()) + (e.line() > 0 ? " (line " + e.line() + ")" : "");
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |" + NL;
    }

    /**
     * User text made inert: line breaks become spaces (a table row or list item is one line), and every
     * character with a meaning in Markdown or HTML gets a backslash, which CommonMark allows before any
     * ASCII punctuation.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    b.append(' ');
                }
                case '\n' -> b.append(' ');
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }
}
