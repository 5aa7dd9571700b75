package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.AreaScore;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The terminal report: per vendor its rating, exposure, findings with evidence and ranked recommendations. */
public final class TextReport implements Report {
    private static final String NL = System.lineSeparator();
    private final boolean color;

    /** @param color use ANSI colours (only on a terminal) */
    public TextReport(boolean color) {
        this.color = color;
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        StringBuilder b = new StringBuilder();
        if (!result.ok()) {
            b.append(paint("1;31", "INVALID")).append(' ').append(result.file()).append(NL);
            for (Diagnostic d : result.errors()) {
                b.append("  ").append(d.render()).append(NL);
            }
            out.write(b.append(NL).toString());
            return;
        }
        Assessment a = result.assessment();
        b.append(paint(ratingColor(a.rating()), a.rating().name())).append(' ')
                .append(paint("1", nvl(a.vendorName(), a.vendorId()))).append(" (").append(a.vendorId()).append(')');
        if (a.service() != null) {
            b.append(" - ").append(a.service());
        }
        b.append(NL);
        b.append("  ").append(a.file()).append(NL);
        b.append(String.format(Locale.ROOT, "  score %.1f/100, tier %s, completeness %.0f%%, assessed on %s%n",
                a.score(), a.tier().wire(), a.completeness() * 100, a.assessedOn()));
        b.append("  ").append(exposure(a.exposure())).append(NL);
        long active = a.findings().stream().filter(f -> !f.waived()).count();
        b.append(NL).append("  Findings (").append(active).append(active == a.findings().size() ? "" : ", "
                + (a.findings().size() - active) + " waived").append(active == 0 ? ")" : "; share = points of the score each accounts for)")
                .append(NL);
        List<Finding> findings = a.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            // findings of one rule that differ only in their evidence (the information gaps) share a heading
            int same = 1;
            while (i + same < findings.size() && findings.get(i + same).id().equals(f.id())
                    && findings.get(i + same).waived() == f.waived()) {
                same++;
            }
            double share = 0;
            for (int j = i; j < i + same; j++) {
                share += findings.get(j).share();
            }
            b.append(String.format(Locale.ROOT, "    %s %-9s %s%s%s%n", paint(severityColor(f.severity()),
                            String.format(Locale.ROOT, "%-8s", f.severity())), f.id(), f.title(),
                    same > 1 ? " (x" + same + ")" : "",
                    f.waived() ? " [waived]" : String.format(Locale.ROOT, "  (share %.1f)", share)));
            for (int j = i; j < i + same; j++) {
                for (Evidence e : findings.get(j).evidence()) {
                    b.append("                       ").append(e.path()).append(": ").append(e.text());
                    if (e.line() > 0) {
                        b.append(paint("2", "  (line " + e.line() + ")"));
                    }
                    b.append(NL);
                }
            }
            if (f.waived()) {
                b.append("                       waived: ").append(f.waiver()).append(NL);
            }
            i += same - 1;
        }
        if (!a.areas().isEmpty()) {
            b.append(NL).append("  Areas:");
            for (AreaScore area : a.areas()) {
                b.append(String.format(Locale.ROOT, " %s %.0f", area.area(), area.score()));
            }
            b.append(NL);
        }
        if (!a.recommendations().isEmpty()) {
            b.append(NL).append("  Recommendations (ranked by the score each removes alone)").append(NL);
            int i = 1;
            for (Recommendation r : a.recommendations()) {
                b.append(String.format(Locale.ROOT, "    %2d. [%s] %s%n", i++, r.key(), r.text()));
                b.append("        ").append(Cells.impact(r)).append(" (").append(String.join(", ", r.resolves()))
                        .append(')').append(NL);
            }
        }
        List<String> wayDown = Cells.wayDown(a.wayDown());
        if (!wayDown.isEmpty()) {
            b.append(NL).append("  Way down from ").append(a.rating()).append(" (acting on the recommendations in ranked order)")
                    .append(NL);
            wayDown.forEach(line -> b.append("    ").append(line).append(NL));
        }
        for (String w : a.warnings()) {
            b.append("  ").append(paint("33", "warning: ")).append(w).append(NL);
        }
        out.write(b.append(NL).toString());
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        PortfolioResult portfolio = summary.portfolio();
        if (Cells.hasContent(portfolio)) {
            out.write(portfolio(portfolio));
        }
        out.write("Summary: " + summary.line() + NL);
    }

    /** The portfolio section: findings across the batch, notes, and the waivers file's warnings. */
    private String portfolio(PortfolioResult p) {
        StringBuilder b = new StringBuilder();
        b.append(paint("1", "Portfolio")).append(" (").append(p.services()).append(p.services() == 1 ? " service" : " services")
                .append(", ").append(p.findings().size()).append(p.findings().size() == 1 ? " finding" : " findings")
                .append(')').append(NL);
        for (PortfolioFinding f : p.findings()) {
            b.append(String.format(Locale.ROOT, "    %s %-9s %s%n", paint(severityColor(f.severity()),
                    String.format(Locale.ROOT, "%-8s", f.severity())), f.id(), f.title()));
            for (Evidence e : f.evidence()) {
                b.append("                       ").append(e.path()).append(": ").append(e.text()).append(NL);
            }
        }
        java.util.Map<String, String> recommendations = new java.util.TreeMap<>();
        p.findings().forEach(f -> recommendations.put(f.recommendation(), f.recommendationText()));
        if (!recommendations.isEmpty()) {
            b.append(NL).append("  Recommendations").append(NL);
            recommendations.forEach((key, text) -> b.append("    [").append(key).append("] ").append(text).append(NL));
        }
        for (String note : p.notes()) {
            b.append("  note: ").append(note).append(NL);
        }
        for (Diagnostic w : p.warnings()) {
            b.append("  ").append(paint("33", "warning: ")).append(w.render()).append(NL);
        }
        return b.append(NL).toString();
    }

    /** One line about what an outage costs, or which facts are missing to say. */
    static String exposure(Exposure x) {
        if (x.perIncident() == null) {
            return "outage exposure unknown: missing " + String.join(", ", x.missing());
        }
        String cur = x.currency() == null ? "" : " " + x.currency();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "outage exposure %,.0f%s per incident (%s h x %,.0f%s/h)",
                x.perIncident(), cur, x.outageHours() == null ? "any" : trim(x.outageHours()), x.hourlyCost(), cur));
        if (x.monthsOfFees() != null) {
            b.append(String.format(Locale.ROOT, " = %,.0f months of fees", x.monthsOfFees()));
        }
        return b.toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String nvl(String a, String b) {
        return a != null ? a : b;
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static String ratingColor(Rating r) {
        return switch (r) {
            case CRITICAL -> "1;41;97";
            case HIGH -> "1;31";
            case MEDIUM -> "1;33";
            case LOW -> "1;32";
        };
    }

    private static String severityColor(Severity s) {
        return switch (s) {
            case CRITICAL -> "1;31";
            case HIGH -> "31";
            case MEDIUM -> "33";
            case LOW -> "36";
            case INFO -> "2";
        };
    }
}
