package dev.vendorrisk.assessor.compare;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import java.io.IOException;
import java.io.Writer;

/** The comparison in GitHub-flavoured Markdown: for a pull request or a wiki page. User text is escaped. */
final class MarkdownComparison implements ComparisonFormat {
    @Override
    public void write(Comparison c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        int n = c.candidates().size();
        b.append("# Comparison of ").append(n).append(n == 1 ? " candidate" : " candidates").append("\n\n");
        b.append("Lowest risk first: by rating, then score, then outage exposure per incident.\n\n");
        b.append("| # | Candidate | Rating | Score | Exposure per incident | Active findings | File |\n");
        b.append("| ---: | --- | --- | ---: | ---: | ---: | --- |\n");
        for (Comparison.Candidate k : c.candidates()) {
            Assessment a = k.assessment();
            b.append("| ").append(k.rank()).append(" | ").append(esc(TextComparison.label(a))).append(" | **")
                    .append(a.rating()).append("** | ").append(Ranking.number(a.score())).append(" | ")
                    .append(esc(TextComparison.exposure(a))).append(" | ").append(a.activeFindings().size()).append(" | ")
                    .append(esc(a.file())).append(" |\n");
        }
        b.append("\n## Why this order\n\n");
        for (Comparison.Candidate k : c.candidates()) {
            b.append(k.rank()).append(". **").append(esc(TextComparison.label(k.assessment()))).append("**: ")
                    .append(esc(k.reason())).append('\n');
        }
        b.append("\n## Findings\n\n");
        if (c.findings().isEmpty()) {
            b.append("None of the candidates has a finding.\n");
        } else {
            b.append("✔ active, w waived, blank absent; columns in rank order.\n\n| ID | Severity | Finding |");
            for (int i = 1; i <= n; i++) {
                b.append(" #").append(i).append(" |");
            }
            b.append("\n| --- | --- | --- |").append(" :---: |".repeat(n)).append('\n');
            for (Comparison.FindingRow f : c.findings()) {
                b.append("| ").append(esc(f.id())).append(" | ").append(f.severity()).append(" | ").append(esc(f.title()));
                if (f.fact() != null) {
                    b.append(": `").append(f.fact().replace("`", "'")).append('`');
                }
                b.append(" |");
                for (Comparison.Presence p : f.presence()) {
                    b.append(switch (p) {
                        case ACTIVE -> " ✔ |";
                        case WAIVED -> " w |";
                        case ABSENT -> "  |";
                    });
                }
                b.append('\n');
            }
        }
        b.append("\n## Facts that differ\n\n");
        if (c.facts().isEmpty()) {
            b.append("The profiles state the same facts.\n");
        } else {
            b.append("| Fact |");
            for (int i = 1; i <= n; i++) {
                b.append(" #").append(i).append(" |");
            }
            b.append("\n| --- |").append(" --- |".repeat(n)).append('\n');
            for (Comparison.FactRow f : c.facts()) {
                b.append("| `").append(f.path().replace("`", "'")).append("` |");
                for (String v : f.values()) {
                    b.append(' ').append(esc(v)).append(" |");
                }
                b.append('\n');
            }
        }
        if (!c.errors().isEmpty()) {
            b.append("\n## Errors\n\nThese files are not compared:\n\n");
            for (Diagnostic d : c.errors()) {
                b.append("- ").append(esc(d.render())).append('\n');
            }
        }
        out.write(b.toString());
    }

    /** Line breaks become spaces, and Markdown or HTML punctuation gets a backslash. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\n' -> b.append(' ');
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
