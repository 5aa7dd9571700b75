package dev.vendorrisk.assessor.report;

import static dev.vendorrisk.assessor.report.HtmlReport.esc;

import dev.vendorrisk.assessor.history.BaselineIndex;
import dev.vendorrisk.assessor.history.BaselineSummary;
import dev.vendorrisk.assessor.history.Change;
import dev.vendorrisk.assessor.history.FindingRef;
import dev.vendorrisk.assessor.history.ReportDiff;
import dev.vendorrisk.assessor.history.Resolved;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.history.Snapshot;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vra diff -f html}: the comparison of two saved reports as a page in the html report's look
 * (the same style sheet, script and Content-Security-Policy, so nothing loads and the page is complete
 * with scripts off). First the summary since the baseline with its numbers charted and tabled, then the
 * rating and score move of every changed service, the services added and removed, and each changed
 * service's findings marked new, resolved or unchanged. Services that did not change at all are only
 * counted, as in the other formats. User text is escaped; the same diff gives the same bytes.
 */
final class HtmlDiffReport {
    private static final String NL = "\n";

    private HtmlDiffReport() {
    }

    static void write(ReportDiff diff, Writer out) throws IOException {
        BaselineSummary s = diff.summary();
        List<ReportDiff.ServiceDiff> moved = new ArrayList<>();
        List<ReportDiff.ServiceDiff> added = new ArrayList<>();
        for (ReportDiff.ServiceDiff d : diff.changed()) {
            (d.change().added() ? added : moved).add(d);
        }
        String line = s.line();
        out.write(HtmlReport.pageStart("Changes since the baseline " + s.file(), "vra diff -f html"));
        out.write("<header>" + NL + "<h1>Changes since the baseline</h1>" + NL + "<p class=\"summary\">"
                + esc(Character.toUpperCase(line.charAt(0)) + line.substring(1)) + "</p>" + NL
                + "<nav aria-label=\"Contents\">" + NL + "<ul>" + NL
                + "<li><a href=\"#summary\">Summary since the baseline</a></li>" + NL
                + "<li><a href=\"#moves\">Rating and score moves</a></li>" + NL
                + "<li><a href=\"#added\">New services</a></li>" + NL
                + "<li><a href=\"#removed\">Removed services</a></li>" + NL
                + "<li><a href=\"#changed\">Changed services in detail</a></li>" + NL
                + "</ul>" + NL + "</nav>" + NL + "</header>" + NL + "<main>" + NL);
        out.write(summary(s, moved.size()));
        out.write(moves(moved));
        out.write(added(added));
        out.write(removed(s.removedServices()));
        out.write("<section id=\"changed\">" + NL + "<h2>Changed services in detail</h2>" + NL);
        if (diff.changed().isEmpty()) {
            out.write("<p>No service changed.</p>" + NL);
        }
        int index = 0;
        for (ReportDiff.ServiceDiff d : diff.changed()) {
            out.write(service(++index, d.now(), d.change()));
        }
        out.write("</section>" + NL + "</main>" + NL + "<footer>" + NL + "<p class=\"muted\">" + esc(line) + "</p>" + NL
                + "</footer>" + NL);
        out.write(HtmlReport.pageEnd());
    }

    /** The counts: findings new, unchanged and resolved, and what happened to the services, each charted and tabled. */
    private static String summary(BaselineSummary s, int moved) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"summary\" class=\"overview-part\">").append(NL).append("<h2>Summary since the baseline</h2>")
                .append(NL).append("<dl class=\"facts\">").append(NL);
        fact(b, "Baseline", "<span class=\"mono\">" + esc(s.file()) + "</span>");
        if (s.baselineRunDate() != null) {
            fact(b, "Baseline run on", s.baselineRunDate().toString());
        }
        b.append("</dl>").append(NL);
        List<String> labels = List.of("new", "unchanged", "resolved");
        List<Double> values = List.of((double) s.newFindings(), (double) s.unchanged(), (double) s.resolved());
        b.append(HtmlReport.barChart("findings-changes", "Findings since the baseline", labels, values,
                texts(values), max(values)));
        b.append("<table class=\"numbers finding-counts\"><caption>Findings since the baseline</caption>").append(NL)
                .append("<thead><tr><th>Findings</th><th class=\"num\">Count</th></tr></thead>").append(NL)
                .append("<tbody>").append(NL);
        for (int i = 0; i < labels.size(); i++) {
            b.append("<tr data-change=\"").append(labels.get(i)).append("\"><td>").append(labels.get(i))
                    .append("</td><td class=\"num\">").append(values.get(i).intValue()).append("</td></tr>").append(NL);
        }
        b.append("</tbody>").append(NL).append("</table>").append(NL);
        if (s.ruleGone() > 0) {
            b.append("<p class=\"note\">").append(s.ruleGone()).append(s.ruleGone() == 1 ? " resolved finding's rule is"
                    : " resolved findings' rules are").append(" no longer in the rule base: a finding can be gone"
                    + " because its rule is, not because the vendor fixed it.</p>").append(NL);
        }
        int moves = s.worse() + s.better();
        List<String> serviceLabels = List.of("rated higher", "rated lower", "same rating, changed", "unchanged",
                "added", "removed");
        List<Double> services = List.of((double) s.worse(), (double) s.better(), (double) (moved - moves),
                (double) (s.compared() - moved), (double) s.added().size(), (double) s.removedServices().size());
        b.append(HtmlReport.barChart("service-changes", "Services since the baseline", serviceLabels, services,
                texts(services), max(services)));
        b.append("<table class=\"numbers service-counts\"><caption>Services since the baseline (").append(s.compared())
                .append(" in both reports)</caption>").append(NL)
                .append("<thead><tr><th>Services</th><th class=\"num\">Count</th></tr></thead>").append(NL)
                .append("<tbody>").append(NL);
        for (int i = 0; i < serviceLabels.size(); i++) {
            b.append("<tr><td>").append(serviceLabels.get(i)).append("</td><td class=\"num\">")
                    .append(services.get(i).intValue()).append("</td></tr>").append(NL);
        }
        b.append("</tbody>").append(NL).append("</table>").append(NL).append("<p class=\"muted\">Services that did not"
                + " change at all (same rating and score, no new and no resolved finding) are only counted.</p>")
                .append(NL).append("</section>").append(NL);
        return b.toString();
    }

    /** The rating and score move of every service both reports have that changed. */
    private static String moves(List<ReportDiff.ServiceDiff> moved) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"moves\" class=\"overview-part\">").append(NL).append("<h2>Rating and score moves</h2>")
                .append(NL);
        if (moved.isEmpty()) {
            return b.append("<p>No service that both reports have changed.</p>").append(NL).append("</section>")
                    .append(NL).toString();
        }
        b.append("<div class=\"wide\">").append(NL).append("<table class=\"moves sortable\" data-filter=\"Filter services\">")
                .append(NL).append("<thead><tr><th>Service</th><th>Baseline</th><th>Now</th>"
                        + "<th class=\"num\">Baseline score</th><th class=\"num\">Score</th><th class=\"num\">Change</th>"
                        + "<th>Move</th><th class=\"num\">New</th><th class=\"num\">Resolved</th><th>File</th></tr></thead>")
                .append(NL).append("<tbody>").append(NL);
        for (ReportDiff.ServiceDiff d : moved) {
            Snapshot now = d.now();
            ServiceChange c = d.change();
            b.append("<tr class=\"move\" data-rating=\"").append(now.rating().name()).append("\"><td>")
                    .append(esc(now.label())).append("</td><td data-v=\"").append(c.oldRating().ordinal()).append("\">")
                    .append(HtmlReport.badgeOf(c.oldRating().name())).append("</td><td data-v=\"")
                    .append(now.rating().ordinal()).append("\">").append(HtmlReport.badgeOf(now.rating().name()))
                    .append("</td><td class=\"num\">").append(Cells.number(c.oldScore())).append("</td><td class=\"num\">")
                    .append(Cells.number(now.score())).append("</td><td class=\"num\">").append(c.delta(now.score()))
                    .append("</td><td class=\"move-text\">").append(esc(c.move(now.rating(), now.score())))
                    .append("</td><td class=\"num\">").append(c.newCount()).append("</td><td class=\"num\">")
                    .append(c.resolved().size()).append("</td><td class=\"mono\">").append(files(now, c))
                    .append("</td></tr>").append(NL);
        }
        return b.append("</tbody>").append(NL).append("</table>").append(NL).append("</div>").append(NL)
                .append("</section>").append(NL).toString();
    }

    private static String added(List<ReportDiff.ServiceDiff> added) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"added\" class=\"overview-part\">").append(NL).append("<h2>New services</h2>").append(NL);
        if (added.isEmpty()) {
            return b.append("<p>None: the baseline has every service of the later report.</p>").append(NL)
                    .append("</section>").append(NL).toString();
        }
        b.append("<p>Services the baseline does not have (by vendor id and service name); all their findings are new.</p>")
                .append(NL).append("<table class=\"added sortable\">").append(NL).append("<thead><tr><th>Service</th>"
                        + "<th>Rating</th><th class=\"num\">Score</th><th class=\"num\">Findings</th><th>File</th></tr></thead>")
                .append(NL).append("<tbody>").append(NL);
        for (ReportDiff.ServiceDiff d : added) {
            Snapshot now = d.now();
            b.append("<tr class=\"added-service\"><td>").append(esc(now.label())).append("</td><td data-v=\"")
                    .append(now.rating().ordinal()).append("\">").append(HtmlReport.badgeOf(now.rating().name()))
                    .append("</td><td class=\"num\">").append(Cells.number(now.score())).append("</td><td class=\"num\">")
                    .append(now.findings().size()).append("</td><td class=\"mono\">").append(esc(now.file()))
                    .append("</td></tr>").append(NL);
        }
        return b.append("</tbody>").append(NL).append("</table>").append(NL).append("</section>").append(NL).toString();
    }

    private static String removed(List<BaselineIndex.Removed> removed) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"removed\" class=\"overview-part\">").append(NL).append("<h2>Removed services</h2>")
                .append(NL);
        if (removed.isEmpty()) {
            return b.append("<p>None: the later report has every service of the baseline.</p>").append(NL)
                    .append("</section>").append(NL).toString();
        }
        b.append("<p>Services only the baseline has (a file that was invalid in the later run counts as removed); all"
                        + " their findings count as resolved.</p>").append(NL)
                .append("<table class=\"removed sortable\">").append(NL).append("<thead><tr><th>Service</th>"
                        + "<th>Rating</th><th class=\"num\">Score</th><th>Resolved findings</th><th>File</th></tr></thead>")
                .append(NL).append("<tbody>").append(NL);
        for (BaselineIndex.Removed r : removed) {
            List<String> labels = new ArrayList<>();
            for (FindingRef f : r.findings()) {
                labels.add(f.label());
            }
            b.append("<tr class=\"removed-service\"><td>").append(esc(r.label())).append("</td><td data-v=\"")
                    .append(r.rating().ordinal()).append("\">").append(HtmlReport.badgeOf(r.rating().name()))
                    .append("</td><td class=\"num\">").append(Cells.number(r.score())).append("</td><td>")
                    .append(esc(String.join(", ", labels))).append("</td><td class=\"mono\">").append(esc(r.file()))
                    .append("</td></tr>").append(NL);
        }
        return b.append("</tbody>").append(NL).append("</table>").append(NL).append("</section>").append(NL).toString();
    }

    /** One changed service: its move, then its findings, new first, then resolved, then unchanged. */
    private static String service(int index, Snapshot now, ServiceChange c) {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"service-diff\" id=\"service-").append(index).append("\" data-rating=\"")
                .append(now.rating().name()).append("\">").append(NL).append("<h3>").append(esc(now.label()))
                .append("</h3>").append(NL).append("<p class=\"file\"><span class=\"mono\">").append(files(now, c))
                .append("</span></p>").append(NL).append("<p class=\"move\">");
        if (c.added()) {
            b.append("New since the baseline: ").append(HtmlReport.badgeOf(now.rating().name())).append(", score ")
                    .append(Cells.number(now.score()));
        } else {
            b.append(HtmlReport.badgeOf(c.oldRating().name())).append(" → ").append(HtmlReport.badgeOf(now.rating().name()))
                    .append(" <span class=\"move-text\">").append(esc(c.move(now.rating(), now.score())))
                    .append("</span> (score ").append(Cells.number(c.oldScore())).append(" → ")
                    .append(Cells.number(now.score())).append(')');
        }
        b.append("</p>").append(NL);
        if (now.findings().isEmpty() && c.resolved().isEmpty()) {
            return b.append("<p>No findings, then or now.</p>").append(NL).append("</section>").append(NL).toString();
        }
        b.append("<table class=\"findings sortable\">").append(NL).append("<thead><tr><th>Change</th><th>Severity</th>"
                + "<th>Finding</th><th>Title</th></tr></thead>").append(NL).append("<tbody>").append(NL);
        for (int i = 0; i < now.findings().size(); i++) {
            if (c.change(i) == Change.NEW) {
                finding(b, Change.NEW, now.findings().get(i), null);
            }
        }
        for (Resolved r : c.resolved()) {
            finding(b, Change.RESOLVED, r.finding(), r.note());
        }
        for (int i = 0; i < now.findings().size(); i++) {
            if (c.change(i) == Change.UNCHANGED) {
                finding(b, Change.UNCHANGED, now.findings().get(i), null);
            }
        }
        return b.append("</tbody>").append(NL).append("</table>").append(NL).append("</section>").append(NL).toString();
    }

    private static void finding(StringBuilder b, Change change, FindingRef f, String note) {
        String word = change.wire();
        b.append("<tr class=\"finding").append(f.waived() ? " waived" : "").append("\" data-change=\"").append(word)
                .append("\" data-id=\"").append(esc(f.id())).append("\"><td>")
                .append(change == Change.NEW ? "<strong>" + word + "</strong>" : word).append("</td><td data-v=\"")
                .append(f.severity().ordinal()).append("\">").append(HtmlReport.badgeOf(f.severity().name()))
                .append("</td><td class=\"mono\">").append(esc(f.label())).append("</td><td>").append(esc(f.title()));
        if (f.waived()) {
            b.append(" <span class=\"badge b-waived\">waived</span>");
        }
        if (note != null) {
            b.append(" <span class=\"muted\">(").append(esc(note)).append(")</span>");
        }
        b.append("</td></tr>").append(NL);
    }

    /** The service's file, and where it was when the baseline assessed it from another file. */
    private static String files(Snapshot now, ServiceChange c) {
        boolean moved = !c.added() && c.baselineFile() != null && !c.baselineFile().equals(now.file());
        return esc(now.file()) + (moved ? ", was " + esc(c.baselineFile()) : "");
    }

    private static void fact(StringBuilder b, String term, String html) {
        b.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>").append(NL);
    }

    private static List<String> texts(List<Double> values) {
        List<String> texts = new ArrayList<>();
        for (Double v : values) {
            texts.add(Integer.toString(v.intValue()));
        }
        return texts;
    }

    private static double max(List<Double> values) {
        double max = 0;
        for (Double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
