package dev.vendorrisk.assessor.compare;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The comparison as aligned plain-text tables, for a terminal. Lines end with {@code \n}. */
final class TextComparison implements ComparisonFormat {
    @Override
    public void write(Comparison c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        int n = c.candidates().size();
        b.append("Comparison of ").append(n).append(n == 1 ? " candidate" : " candidates").append(", lowest risk first\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "Candidate", "Rating", "Score", "Exposure per incident", "Active findings", "File"});
        for (Comparison.Candidate k : c.candidates()) {
            Assessment a = k.assessment();
            rows.add(new String[] {Integer.toString(k.rank()), label(a), a.rating().name(), Ranking.number(a.score()),
                exposure(a), Long.toString(a.activeFindings().size()), a.file()});
        }
        table(b, rows);
        b.append("\nWhy this order\n");
        for (Comparison.Candidate k : c.candidates()) {
            b.append("  ").append(k.rank()).append(". ").append(label(k.assessment())).append(": ").append(k.reason())
                    .append('\n');
        }
        b.append("\nFindings (x active, w waived, . absent; columns in rank order)\n");
        if (c.findings().isEmpty()) {
            b.append("  none\n");
        } else {
            rows = new ArrayList<>();
            String[] head = new String[n + 3];
            head[0] = "ID";
            for (int i = 0; i < n; i++) {
                head[i + 1] = "#" + (i + 1);
            }
            head[n + 1] = "Severity";
            head[n + 2] = "Finding";
            rows.add(head);
            for (Comparison.FindingRow f : c.findings()) {
                String[] r = new String[n + 3];
                r[0] = f.id();
                for (int i = 0; i < n; i++) {
                    r[i + 1] = switch (f.presence().get(i)) {
                        case ACTIVE -> "x";
                        case WAIVED -> "w";
                        case ABSENT -> ".";
                    };
                }
                r[n + 1] = f.severity().name();
                r[n + 2] = f.fact() == null ? f.title() : f.title() + ": " + f.fact();
                rows.add(r);
            }
            table(b, rows);
        }
        b.append("\nFacts that differ\n");
        if (c.facts().isEmpty()) {
            b.append("  none\n");
        } else {
            rows = new ArrayList<>();
            String[] head = new String[n + 1];
            head[0] = "Fact";
            for (int i = 0; i < n; i++) {
                head[i + 1] = "#" + (i + 1);
            }
            rows.add(head);
            for (Comparison.FactRow f : c.facts()) {
                String[] r = new String[n + 1];
                r[0] = f.path();
                for (int i = 0; i < n; i++) {
                    r[i + 1] = oneLine(f.values().get(i));
                }
                rows.add(r);
            }
            table(b, rows);
        }
        if (!c.errors().isEmpty()) {
            b.append("\nErrors (these files are not compared)\n");
            for (Diagnostic d : c.errors()) {
                b.append("  ").append(oneLine(d.render())).append('\n');
            }
        }
        out.write(b.toString());
    }

    static String label(Assessment a) {
        return a.vendorName() == null ? a.vendorId() : a.vendorName() + " (" + a.vendorId() + ")";
    }

    static String exposure(Assessment a) {
        Double e = a.exposure().perIncident();
        return e == null ? "unknown" : Ranking.money(e) + (a.exposure().currency() == null ? "" : " " + a.exposure().currency());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], oneLine(r[i]).length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) {
                String cell = oneLine(r[i]);
                line.append(cell);
                if (i < cols - 1) {
                    line.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
