package dev.vendorrisk.assessor.compare;

import static dev.vendorrisk.assessor.report.HtmlReport.escape;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.report.HtmlReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as a self-contained page in the html report's look (same style sheet, script and
 * Content-Security-Policy): the ranking with a score chart and its table, why each candidate is where
 * it is, the findings matrix and the facts that differ.
 */
final class HtmlComparison implements ComparisonFormat {
    @Override
    public void write(Comparison c, Writer out) throws IOException {
        int n = c.candidates().size();
        StringBuilder b = new StringBuilder();
        b.append(HtmlReport.pageStart("Comparison of " + n + " candidates", "vra compare -o html"));
        b.append("<header>\n<h1>Comparison of ").append(n).append(n == 1 ? " candidate" : " candidates")
                .append("</h1>\n<p>Lowest risk first: by rating, then score, then outage exposure per incident."
                        + " Columns #1, #2, … follow this order.</p>\n</header>\n<main>\n");
        b.append("<section id=\"ranking\">\n<h2>Ranking</h2>\n");
        List<String> labels = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Comparison.Candidate k : c.candidates()) {
            labels.add("#" + k.rank() + " " + k.assessment().vendorId());
            scores.add(k.assessment().score());
            texts.add(Ranking.number(k.assessment().score()));
        }
        b.append(HtmlReport.barChart("scores", "Risk score of each candidate (0 to 100, higher is riskier)", labels, scores,
                texts, 100));
        b.append("<table class=\"candidates\">\n<thead><tr><th class=\"num\">#</th><th>Candidate</th><th>Service</th>"
                + "<th>Rating</th><th class=\"num\">Score</th><th class=\"num\">Exposure per incident</th>"
                + "<th class=\"num\">Active findings</th><th>File</th></tr></thead>\n<tbody>\n");
        for (Comparison.Candidate k : c.candidates()) {
            Assessment a = k.assessment();
            b.append("<tr class=\"candidate\"><td class=\"num\">").append(k.rank()).append("</td><td>")
                    .append(escape(TextComparison.label(a))).append("</td><td>").append(escape(a.service()))
                    .append("</td><td>").append(HtmlReport.badgeOf(a.rating().name())).append("</td><td class=\"num\">")
                    .append(Ranking.number(a.score())).append("</td><td class=\"num\">")
                    .append(escape(TextComparison.exposure(a))).append("</td><td class=\"num\">")
                    .append(a.activeFindings().size()).append("</td><td class=\"mono\">").append(escape(a.file()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<h3>Why this order</h3>\n<ol class=\"reasons\">\n");
        for (Comparison.Candidate k : c.candidates()) {
            b.append("<li><strong>").append(escape(TextComparison.label(k.assessment()))).append("</strong>: ")
                    .append(escape(k.reason())).append("</li>\n");
        }
        b.append("</ol>\n</section>\n");
        b.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (c.findings().isEmpty()) {
            b.append("<p>None of the candidates has a finding.</p>\n");
        } else {
            b.append("<p>✔ active, <em>waived</em> accepted by a waiver, blank: the candidate does not have it.</p>\n");
            b.append("<div class=\"wide\">\n<table class=\"matrix sortable\" data-filter=\"Filter findings\">\n<thead><tr>"
                    + "<th>ID</th><th>Severity</th><th>Finding</th>");
            for (int i = 1; i <= n; i++) {
                b.append("<th>#").append(i).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (Comparison.FindingRow f : c.findings()) {
                b.append("<tr class=\"finding\" data-id=\"").append(escape(f.id())).append("\"><td>").append(escape(f.id()))
                        .append("</td><td data-v=\"").append(f.severity().ordinal()).append("\">")
                        .append(HtmlReport.badgeOf(f.severity().name())).append("</td><td>").append(escape(f.title()));
                if (f.fact() != null) {
                    b.append(": <code>").append(escape(f.fact())).append("</code>");
                }
                b.append("</td>");
                for (Comparison.Presence p : f.presence()) {
                    b.append(switch (p) {
                        case ACTIVE -> "<td class=\"present\">✔</td>";
                        case WAIVED -> "<td class=\"waived\"><em>waived</em></td>";
                        case ABSENT -> "<td class=\"absent\"></td>";
                    });
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n</div>\n");
        }
        b.append("</section>\n<section id=\"facts\">\n<h2>Facts that differ</h2>\n");
        if (c.facts().isEmpty()) {
            b.append("<p>The profiles state the same facts.</p>\n");
        } else {
            b.append("<div class=\"wide\">\n<table class=\"facts-differ\" data-filter=\"Filter facts\">\n<thead><tr>"
                    + "<th>Fact</th>");
            for (int i = 1; i <= n; i++) {
                b.append("<th>#").append(i).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (Comparison.FactRow f : c.facts()) {
                b.append("<tr><td><code>").append(escape(f.path())).append("</code></td>");
                for (String v : f.values()) {
                    b.append("<td>").append(escape(v)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n</div>\n");
        }
        b.append("</section>\n");
        if (!c.errors().isEmpty()) {
            b.append("<section id=\"invalid\">\n<h2>Invalid files (not compared)</h2>\n<ul>\n");
            for (Diagnostic d : c.errors()) {
                b.append("<li class=\"diagnostic mono\">").append(escape(d.render())).append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        b.append("</main>\n");
        b.append(HtmlReport.pageEnd());
        out.write(b.toString());
    }
}
