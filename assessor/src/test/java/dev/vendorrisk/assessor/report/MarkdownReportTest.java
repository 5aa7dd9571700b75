package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Assessment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    @Test
    void theOverviewTableComesFirstThenVendorsThenErrorsThenTheSummary() {
        String md = ReportFixtures.render(new MarkdownReport(), ReportFixtures.samples());
        assertThat(md).startsWith("# Vendor risk report\n\n| File | Vendor |").doesNotContain("\r");
        List<String> tableRows = Arrays.stream(md.split("\n")).takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("| samples/")).toList();
        assertThat(tableRows).hasSize(ReportFixtures.samples().size());
        assertThat(tableRows).allSatisfy(row -> assertThat(cellCount(row)).isEqualTo(8));

        int pbx = md.indexOf("## Example PBX Hosting s.r.o. (pbx-hosting-example)");
        int errors = md.indexOf("## Errors");
        int summary = md.indexOf("**Summary:** ");
        assertThat(pbx).isPositive();
        assertThat(errors).isGreaterThan(pbx);
        assertThat(summary).isGreaterThan(errors);
        assertThat(md.substring(errors)).contains("### samples/invalid/typos-and-types.yaml")
                .contains("- line 10, column 1: unknown key 'suport'; did you mean 'support'?");
    }

    @Test
    void aVendorSectionHasRatingExposureFindingsAndRecommendations() {
        Assessment a = ReportFixtures.assessment("fresh-spinoff.yaml");
        String md = ReportFixtures.render(new MarkdownReport(), ReportFixtures.sample("fresh-spinoff.yaml"));
        assertThat(md).contains("**Rating " + a.rating() + "** · score " + Cells.number(a.score()) + "/100")
                .contains("Outage exposure 540,000 CZK per incident")
                .contains("| Severity | ID | Title | Evidence |")
                .contains("| HIGH | SUP-001 | Support cannot be reached by phone or chat | support.channels: \\[email, ticket\\] (line 32) |")
                .contains("| ~~MEDIUM~~ | SEC-002 |").contains("*(waived: subcontractor list received")
                .contains("### Recommendations\n\n1. **" + a.recommendations().get(0).key() + "**")
                .doesNotContain("## Errors");
    }

    @Test
    void aVendorWithoutFindingsSaysSo() {
        String md = ReportFixtures.render(new MarkdownReport(), ReportFixtures.sample("well-run-msp.yaml"));
        assertThat(md).contains("| none |").contains("No findings.");
    }

    @Test
    void userTextCannotBreakATableOrInjectMarkup() {
        String md = ReportFixtures.render(new MarkdownReport(), ReportFixtures.hostile());
        String row = Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| samples/odd")).findFirst().orElseThrow();
        assertThat(cellCount(row)).isEqualTo(8);
        assertThat(md).doesNotContain("<script>").contains("\\<script\\>").contains("Evil \\| \\*Corp\\*")
                .contains("\\[x\\](y) \\#1 next");
        Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| ")).forEach(l -> assertThat(l).endsWith(" |"));
    }

    @Test
    void escapingCoversMarkdownAndHtml() {
        assertThat(MarkdownReport.escape("a|b*c_d`e[f]g<h>i~j&k#l!m\\n\r\no\np")).isEqualTo(
                "a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>i\\~j\\&k\\#l\\!m\\\\n o p");
        assertThat(MarkdownReport.escape(null)).isEmpty();
    }

    /** Cells of a table row: pipes not preceded by a backslash, minus the outer two. */
    private static int cellCount(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
