package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vendorrisk.assessor.history.Change;
import dev.vendorrisk.assessor.history.FindingRef;
import dev.vendorrisk.assessor.history.ReportDiff;
import dev.vendorrisk.assessor.history.Resolved;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.history.Snapshot;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vra diff -f html}, parsed as a browser would: every item of the diff is on the page, and nothing loads. */
class HtmlDiffReportTest {
    private static final String NASTY = "Evil | *Corp*, \"Ltd\" <script>&amp;</script> ]]> [x](y) #1\nnext\u0001line é";

    @TempDir
    Path dir;
    private ReportDiff diff;

    /**
     * Last quarter: acme's PBX (HIGH), beta's mail (LOW), a print service, and a vendor whose every text is
     * hostile. Now: acme's file moved and it is CRITICAL with a new variant of CORP-005 and a new SLA-001;
     * beta is unchanged; print is gone; the hostile vendor improved; delta is added.
     */
    @BeforeEach
    void reports() throws IOException {
        String evil = new ObjectMapper().writeValueAsString(NASTY);
        Path older = Files.writeString(dir.resolve("old.json"), """
                {"schemaVersion": 1, "assessments": [
                  {"file": "old/a.yaml", "vendor": {"id": "acme", "name": "Acme"}, "service": "PBX",
                   "score": 60.0, "rating": "HIGH", "findings": [
                     %s, %s, %s, %s]},
                  {"file": "b.yaml", "vendor": {"id": "beta", "name": "Beta"}, "service": "Mail", "score": 10,
                   "rating": "LOW", "findings": [%s]},
                  {"file": "print.yaml", "vendor": {"id": "gone", "name": "Gone"}, "service": "Print", "score": 30,
                   "rating": "MEDIUM", "findings": [%s]},
                  {"file": %s, "vendor": {"id": "evil|id", "name": %s}, "service": %s, "score": 48.5,
                   "rating": "HIGH", "findings": [%s, %s]}],
                 "errors": [], "summary": {"runDate": "2026-08-31"}}
                """.formatted(f("STAFF-001", "CRITICAL", "One person", null, false),
                f("CORP-005", "MEDIUM", "Weak finances", null, false),
                f("GAP-001", "INFO", "Unknown", "company.staffCount", false),
                f("SUP-007", "LOW", "No status page", null, true),
                f("SUP-007", "LOW", "No status page", null, true),
                f("SEC-002", "MEDIUM", "No subcontractor list", null, false),
                evil, evil, evil,
                f("SEC-001", "HIGH", NASTY, null, false),
                f("SLA-002", "MEDIUM", "Credits", null, false)));
        Path newer = Files.writeString(dir.resolve("new.json"), """
                {"schemaVersion": 1, "assessments": [
                  {"file": "new/renamed.yaml", "vendor": {"id": "acme", "name": "Acme"}, "service": "PBX",
                   "score": 72.4, "rating": "CRITICAL", "findings": [
                     %s, %s, %s, %s, %s]},
                  {"file": "b.yaml", "vendor": {"id": "beta", "name": "Beta"}, "service": "Mail", "score": 10,
                   "rating": "LOW", "findings": [%s]},
                  {"file": %s, "vendor": {"id": "evil|id", "name": %s}, "service": %s, "score": 12.3,
                   "rating": "LOW", "findings": [%s, %s]},
                  {"file": "delta.yaml", "vendor": {"id": "delta", "name": "Delta"}, "service": "Backup", "score": 50,
                   "rating": "HIGH", "findings": [%s]}],
                 "errors": [], "summary": {"runDate": "2026-11-30"}}
                """.formatted(f("STAFF-001", "CRITICAL", "One person", null, false),
                f("CORP-005", "CRITICAL", "Distressed finances", null, false),
                f("GAP-001", "INFO", "Unknown", "company.staffCount", false),
                f("SUP-007", "LOW", "No status page", null, true),
                f("SLA-001", "HIGH", "No SLA", null, false),
                f("SUP-007", "LOW", "No status page", null, true),
                evil, evil, evil,
                f("SLA-002", "MEDIUM", "Credits", null, false),
                f("SUP-003", "LOW", NASTY, null, true),
                f("STAFF-003", "MEDIUM", "Too many services", null, false)));
        diff = ReportDiff.of(older, newer);
    }

    private static String f(String id, String severity, String title, String gap, boolean waived) {
        try {
            String evidence = gap == null ? "[]" : "[{\"path\": \"" + gap + "\", \"value\": null, \"line\": 0}]";
            return "{\"id\": \"" + id + "\", \"title\": " + new ObjectMapper().writeValueAsString(title)
                    + ", \"severity\": \"" + severity + "\", \"evidence\": " + evidence + ", \"waived\": " + waived + "}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String html() throws IOException {
        StringWriter out = new StringWriter();
        DiffReport.write(diff, "html", out);
        return out.toString();
    }

    @Test
    void theSummarySinceTheBaselineComesFirstWithItsNumbersChartedAndTabled() throws IOException {
        Document doc = Jsoup.parse(html());
        String line = diff.summary().line();
        assertThat(doc.selectFirst("header p.summary").text())
                .isEqualTo(Character.toUpperCase(line.charAt(0)) + line.substring(1).replace('\n', ' '));
        assertThat(doc.selectFirst("main > section").id()).isEqualTo("summary");
        assertThat(doc.select("table.finding-counts tbody tr").eachText()).containsExactly(
                "new " + diff.summary().newFindings(), "unchanged " + diff.summary().unchanged(),
                "resolved " + diff.summary().resolved());
        assertThat(doc.select("svg.findings-changes rect.bar")).extracting(e -> e.attr("data-value")).containsExactly(
                "" + diff.summary().newFindings(), "" + diff.summary().unchanged(), "" + diff.summary().resolved());
        assertThat(doc.select("table.service-counts tbody tr").eachText()).containsExactly("rated higher 1",
                "rated lower 1", "same rating, changed 0", "unchanged 1", "added 1", "removed 1");
        assertThat(doc.select("svg.service-changes rect.bar")).hasSize(6);
        assertThat(doc.selectFirst("#summary dl").text()).contains(dir.resolve("old.json").toString())
                .contains("2026-08-31");
    }

    @Test
    void everyChangedServiceShowsItsMoveAndEveryNewResolvedAndUnchangedFinding() throws IOException {
        Document doc = Jsoup.parse(html());
        List<ReportDiff.ServiceDiff> changed = diff.changed();
        assertThat(changed).hasSize(3);
        assertThat(doc.select("section.service-diff")).hasSize(changed.size());
        int rows = 0;
        for (int i = 0; i < changed.size(); i++) {
            Snapshot now = changed.get(i).now();
            ServiceChange c = changed.get(i).change();
            Element s = doc.selectFirst("section#service-" + (i + 1));
            assertThat(s.selectFirst("h3").wholeText()).isEqualTo(now.label().replace("\u0001", "\uFFFD"));
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < now.findings().size(); k++) {
                if (c.change(k) == Change.NEW) {
                    expected.add(row(Change.NEW, now.findings().get(k)));
                }
            }
            for (Resolved r : c.resolved()) {
                expected.add(row(Change.RESOLVED, r.finding()));
            }
            for (int k = 0; k < now.findings().size(); k++) {
                if (c.change(k) == Change.UNCHANGED) {
                    expected.add(row(Change.UNCHANGED, now.findings().get(k)));
                }
            }
            assertThat(s.select("tr.finding")).extracting(r -> r.attr("data-change") + " " + r.child(1).text() + " "
                    + r.child(2).text()).containsExactlyElementsOf(expected);
            rows += expected.size();
            if (!c.added()) {
                assertThat(s.selectFirst(".move-text").text()).isEqualTo(c.move(now.rating(), now.score()));
            }
        }
        assertThat(rows).isEqualTo(10);
        Element acme = doc.selectFirst("section#service-1");
        assertThat(acme.selectFirst(".move-text").text()).isEqualTo("HIGH -> CRITICAL, +12.4");
        assertThat(acme.selectFirst("p.file").text()).isEqualTo("new/renamed.yaml, was old/a.yaml");
        assertThat(acme.selectFirst("tr[data-change=unchanged][data-id=SUP-007]").text()).contains("waived");
        assertThat(acme.select("tr[data-change=new] strong").eachText()).containsExactly("new", "new");
        assertThat(doc.text()).doesNotContain("beta / Mail");                     // unchanged: only counted
    }

    private static String row(Change change, FindingRef f) {
        return change.wire() + " " + f.severity() + " " + f.label();
    }

    @Test
    void theMovesTableHasEveryComparedServiceThatChangedAndTheAddedAndRemovedServicesAreListed() throws IOException {
        Document doc = Jsoup.parse(html());
        assertThat(doc.select("table.moves tr.move")).extracting(r -> r.child(0).text() + " | " + r.child(6).text())
                .containsExactly("acme / PBX | HIGH -> CRITICAL, +12.4",
                        "evil|id / " + NASTY.replace("\n", " ").replace("\u0001", "\uFFFD") + " | HIGH -> LOW, -36.2");
        assertThat(doc.select("table.moves tr.move").first().text()).contains("60 72.4 +12.4")
                .contains("new/renamed.yaml, was old/a.yaml");
        assertThat(doc.select("table.added tr.added-service").eachText())
                .containsExactly("delta / Backup HIGH 50 1 delta.yaml");
        assertThat(doc.select("table.removed tr.removed-service").eachText())
                .containsExactly("gone / Print MEDIUM 30 SEC-002 print.yaml");
    }

    @Test
    void userTextStaysTextAndNothingLoads() throws Exception {
        String html = html();
        HtmlReportTest.assertLoadsNothing(html);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("section.service-diff h3").get(1).text())
                .contains("Evil | *Corp*, \"Ltd\" <script>&amp;</script>");
        assertThat(doc.select("section.service-diff").get(1).select("tr.finding").text())
                .contains("<script>&amp;</script>");
        assertThat(html.lines()).noneMatch(l -> l.startsWith("next"));
        assertThat(html).doesNotContain("\u0001");
    }

    @Test
    void theSameDiffGivesTheSameBytes() throws IOException {
        String first = html();
        assertThat(html()).isEqualTo(first);
        assertThat(first).doesNotContain("\r").startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
    }

    @Test
    void twoEqualReportsSayNothingChanged() throws IOException {
        Path same = dir.resolve("new.json");
        StringWriter out = new StringWriter();
        DiffReport.write(ReportDiff.of(same, same), "html", out);
        Document doc = Jsoup.parse(out.toString());
        assertThat(doc.select("section.service-diff")).isEmpty();
        assertThat(doc.selectFirst("#changed").text()).contains("No service changed.");
        assertThat(doc.selectFirst("#moves").text()).contains("No service that both reports have changed.");
        assertThat(doc.selectFirst("#added").text()).contains("None");
        assertThat(doc.selectFirst("#removed").text()).contains("None");
    }
}
