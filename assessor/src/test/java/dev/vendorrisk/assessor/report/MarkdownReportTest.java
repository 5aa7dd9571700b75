package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    @Test
    void theOverviewTableComesFirstThenVendorsThenErrorsThenTheSummary() {
        String md = ReportFixtures.render(new MarkdownReport(), ReportFixtures.samples());
        assertThat(md).startsWith("# Vendor risk report\n\n| File | Vendor |").doesNotContain("\r");
        List<String> tableRows = Arrays.stream(md.split("\n")).takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("| samples/") || l.startsWith("| examples/")).toList();
        assertThat(tableRows).hasSize(ReportFixtures.samples().size());
        assertThat(tableRows).allSatisfy(row -> assertThat(cellCount(row)).isEqualTo(8));

        int pbx = md.indexOf("## Example PBX Hosting s.r.o. (pbx-hosting-example)");
        int errors = md.indexOf("## Errors");
        int summary = md.indexOf("**Summary:** ");
        assertThat(pbx).isPositive();
        assertThat(errors).isGreaterThan(pbx);
        assertThat(summary).isGreaterThan(errors);
        assertThat(md.substring(errors)).contains("### examples/invalid/typos-and-types.yaml")
                .contains("- line 10, column 1: unknown key 'suport'; did you mean 'support'?");
        assertThat(md).doesNotContain("## Portfolio");
    }

    @Test
    void aBatchRunHasAPortfolioSectionWithFindingsWhatToDoNotesAndWarningsBeforeTheSummary() {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        String md = ReportFixtures.render(new MarkdownReport(), batch);
        int errors = md.indexOf("## Errors");
        int portfolio = md.indexOf("## Portfolio\n\n5 findings across 7 services; portfolio findings are part of no"
                + " vendor's score.\n\n| Severity | ID | Title | Evidence |\n");
        int summary = md.indexOf("**Summary:** ");
        assertThat(errors).isPositive();
        assertThat(portfolio).isGreaterThan(errors);
        assertThat(summary).isGreaterThan(portfolio);

        String section = md.substring(portfolio, summary);
        List<String> rows = Arrays.stream(section.split("\n")).filter(l -> l.startsWith("| ") && !l.startsWith("| ---")
                && !l.startsWith("| Severity")).toList();
        assertThat(rows).hasSize(batch.portfolio().findings().size())
                .allSatisfy(row -> assertThat(cellCount(row)).isEqualTo(4));
        assertThat(section).contains("| HIGH | PORT-001 | Several high or critical services depend on the same vendor |"
                        + " vendor.id: pbx-hosting-example<br>services: \\[generated/pbx-backup-line.yaml,"
                        + " samples/pbx-incident.yaml\\] |")
                .contains("| MEDIUM | PORT-002 |").contains("| HIGH | PORT-003 |")
                .contains("### Recommendations\n\n- **concentration**: Reduce the concentration on this vendor")
                .contains("- **ready-alternative**: Prepare the move")
                .contains("> **Note:** the outage exposure of 1 of 7 services is unknown")
                .contains("> **Note:** exposures are in 2 currencies")
                .contains("> **Warning:** waivers.yaml:1:3: waiver for SEC-003 of vendor 'pbx-hosting-example'"
                        + " (owner dpo) is unused");
    }

    @Test
    void aPortfolioWithNothingToSayHasNoSection() {
        List<FileResult> results = List.of(ReportFixtures.sample("well-run-msp.yaml"));
        String md = ReportFixtures.render(new MarkdownReport(), results, new PortfolioResult(1, List.of(), List.of(),
                List.of()));
        assertThat(md).isEqualTo(ReportFixtures.render(new MarkdownReport(), results));
        assertThat(ReportFixtures.render(new MarkdownReport(), results, new PortfolioResult(1, List.of(),
                List.of("a note"), List.of()))).contains("## Portfolio\n\n0 findings across 1 service;")
                .contains("> **Note:** a note").doesNotContain("| Severity | ID | Title | Evidence |");
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
