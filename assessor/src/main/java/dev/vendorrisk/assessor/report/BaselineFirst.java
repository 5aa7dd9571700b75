package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.history.BaselineIndex;
import dev.vendorrisk.assessor.history.BaselineSummary;
import dev.vendorrisk.assessor.history.FindingRef;
import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

/**
 * Puts a "since the baseline" summary first in a text or markdown report: the wrapped report writes
 * into a {@link Spool} (a temporary file, so memory stays flat), and at the end the summary, which is
 * only known then, is written before the spooled report.
 */
public final class BaselineFirst implements Report {
    private final Report inner;
    private final boolean markdown;
    private final Spool spool = new Spool("baseline");

    /**
     * @param inner    the report to follow the summary
     * @param markdown write the summary as markdown (a heading and a list) instead of plain text
     */
    public BaselineFirst(Report inner, boolean markdown) {
        this.inner = inner;
        this.markdown = markdown;
    }

    @Override
    public void start(Writer out) throws IOException {
        inner.start(spool.writer());
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        inner.file(spool.writer(), result);
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        inner.finish(spool.writer(), summary);
        if (summary.baseline() != null) {
            out.write(render(summary.baseline(), markdown));
        }
        spool.copyTo(out);
    }

    /**
     * One service's change, e.g. {@code since the baseline: HIGH -> CRITICAL, +12.4; 2 new (SUP-001, GAP-001
     * company.staffCount); 1 resolved (SLA-001)}, or {@code since the baseline: added}.
     */
    static String vendorLine(dev.vendorrisk.assessor.Assessment a, dev.vendorrisk.assessor.history.ServiceChange c) {
        StringBuilder b = new StringBuilder("since the baseline: ").append(c.move(a.rating(), a.score()));
        java.util.List<String> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < a.findings().size(); i++) {
            if (c.change(i) == dev.vendorrisk.assessor.history.Change.NEW) {
                fresh.add(FindingRef.of(a.findings().get(i)).label());
            }
        }
        if (!c.added()) {
            b.append("; ").append(fresh.size()).append(" new");
            if (!fresh.isEmpty()) {
                b.append(" (").append(String.join(", ", fresh)).append(')');
            }
            b.append("; ").append(c.resolved().size()).append(" resolved");
            if (!c.resolved().isEmpty()) {
                b.append(" (").append(c.resolved().stream().map(r -> r.finding().label()
                        + (r.note() == null ? "" : ": " + r.note())).collect(Collectors.joining(", "))).append(')');
            }
            if (!a.file().equals(c.baselineFile())) {
                b.append("; was ").append(c.baselineFile());
            }
        }
        return b.toString();
    }

    /** The summary: one line, then the services added and removed. */
    static String render(BaselineSummary b, boolean markdown) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        String line = b.line();
        if (markdown) {
            out.append("## Since the baseline").append(nl).append(nl)
                    .append(MarkdownReport.escape(Character.toUpperCase(line.charAt(0)) + line.substring(1)))
                    .append(nl).append(nl);
        } else {
            out.append(Character.toUpperCase(line.charAt(0))).append(line.substring(1)).append(nl);
        }
        String bullet = markdown ? "- " : "  ";
        for (String added : b.added()) {
            out.append(bullet).append("added: ").append(markdown ? MarkdownReport.escape(added) : added).append(nl);
        }
        for (BaselineIndex.Removed r : b.removedServices()) {
            String text = "removed: " + r.label() + " (was " + r.rating() + ", " + r.file() + ")"
                    + (r.findings().isEmpty() ? "" : "; resolved " + r.findings().stream().map(FindingRef::label)
                    .collect(Collectors.joining(", ")));
            out.append(bullet).append(markdown ? MarkdownReport.escape(text) : text).append(nl);
        }
        return out.append(nl).toString();
    }
}
