package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vra assess --baseline}, {@code vra diff} and {@code vra due}, run as a user would. */
class HistoryCommandsTest {
    private static final String RULES = path("rules");
    private static final String TODAY = "2026-11-30";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path before;
    private Path after;
    private Path baseline;

    /** Last quarter's portfolio and its report; this quarter the files moved and one vendor lost its staff. */
    @BeforeEach
    void portfolios() throws IOException {
        before = Files.createDirectories(dir.resolve("before"));
        after = Files.createDirectories(dir.resolve("after/vendors"));
        for (String s : List.of("pbx-incident", "well-run-msp", "many-unknowns", "large-saas-with-sla")) {
            Files.copy(Path.of(path("samples/" + s + ".yaml")), before.resolve(s + ".yaml"));
        }
        Files.copy(before.resolve("pbx-incident.yaml"), after.resolve("pbx.yaml"));             // moved and renamed
        Files.writeString(after.resolve("nordic.yaml"), Files.readString(before.resolve("well-run-msp.yaml"))
                .replace("  staffCount: 85", "  staffCount: 1").replace("  technicalStaffCount: 60", "  technicalStaffCount: 1"));
        Files.copy(before.resolve("large-saas-with-sla.yaml"), after.resolve("cloudcrm.yaml"));
        Files.copy(Path.of(path("samples/fresh-spinoff.yaml")), after.resolve("datahall.yaml")); // added
        baseline = dir.resolve("baseline.json");                                                 // many-unknowns: removed
        CliRunner.Result r = run("assess", "--rules", RULES, "--today", TODAY, "-o", "json=" + baseline, before.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void findingsAreNewOrUnchangedWhateverTheFilesAreCalled() throws IOException {
        Path report = dir.resolve("now.json");
        CliRunner.Result r = run("assess", "--rules", RULES, "--today", TODAY, "--baseline", baseline.toString(),
                "-o", "json=" + report, "-o", "text", after.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Since the baseline (" + baseline + ", run 2026-11-30): 14 new, 40 unchanged, ")
                .contains("; 1 service rated higher, 0 lower; 1 added, 1 removed")
                .contains("  added: datahall-services / Colocated ERP database servers")
                .contains("  removed: quickprint-cloud / Cloud print management (was MEDIUM, ")
                .contains("since the baseline: CRITICAL, +0.0; 0 new; 0 resolved; was " + before.resolve("pbx-incident.yaml"))
                .contains("since the baseline: LOW -> HIGH, +50.8; 2 new (STAFF-001, STAFF-003); 0 resolved");
        JsonNode json = JSON.readTree(report.toFile());
        JsonNode pbx = assessment(json, "pbx-hosting-example");
        assertThat(pbx.get("findings")).allSatisfy(f -> assertThat(f.get("change").asText()).isEqualTo("unchanged"));
        assertThat(pbx.at("/baseline/move").asText()).isEqualTo("CRITICAL, +0.0");
        JsonNode nordic = assessment(json, "nordic-managed-it");
        assertThat(nordic.at("/baseline/rating").asText()).isEqualTo("LOW");
        assertThat(nordic.get("findings")).extracting(f -> f.get("id").asText() + " " + f.get("change").asText())
                .contains("STAFF-001 new", "STAFF-003 new");
        assertThat(assessment(json, "datahall-services").at("/baseline/added").asBoolean()).isTrue();
        assertThat(json.at("/baseline/services/removed/0/vendor").asText()).isEqualTo("quickprint-cloud");
        assertThat(json.at("/baseline/findings/new").asInt()).isEqualTo(2 + assessment(json, "datahall-services")
                .get("findings").size());
    }

    @Test
    void failOnNewFailsOnlyOnNewFindingsAtOrAboveTheLevel() {
        CliRunner.Result high = run("assess", "--rules", RULES, "--today", TODAY, "--baseline", baseline.toString(),
                "--fail-on-new", "CRITICAL", "-o", "json", after.resolve("nordic.yaml").toString(),
                after.resolve("pbx.yaml").toString());
        assertThat(high.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(high.err()).isEqualTo("vra: fail: nordic-managed-it has a new finding STAFF-001 (CRITICAL) since the"
                + " baseline (--fail-on-new CRITICAL)" + System.lineSeparator());
        // pbx's CRITICAL STAFF-001 is known from the baseline: no failure on what the team already knows
        CliRunner.Result known = run("assess", "--rules", RULES, "--today", TODAY, "--baseline", baseline.toString(),
                "--fail-on-new", "HIGH", after.resolve("pbx.yaml").toString());
        assertThat(known.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aBaselineFindingWhoseRuleIsGoneIsResolvedWithANote() throws IOException {
        Path report = dir.resolve("now.json");
        CliRunner.Result r = run("assess", "--rules", RULES, "--today", TODAY, "--disable", "STAFF-001",
                "--baseline", baseline.toString(), "-o", "json=" + report, after.resolve("pbx.yaml").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode resolved = assessment(JSON.readTree(report.toFile()), "pbx-hosting-example").at("/baseline/resolved");
        assertThat(resolved).singleElement().satisfies(f -> {
            assertThat(f.get("id").asText()).isEqualTo("STAFF-001");
            assertThat(f.get("note").asText()).isEqualTo("rule 'STAFF-001' is no longer in the rule base");
        });
    }

    @Test
    void aBadBaselineIsExit2NamingTheFileAndNothingIsWritten() throws IOException {
        String good = Files.readString(baseline);
        Path truncated = write("truncated.json", good.substring(0, good.length() / 2));
        Path other = write("other.json", good.replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\":2"));
        Path sarif = write("not-ours.json", "{\"version\":\"2.1.0\",\"runs\":[]}");
        Path notJson = write("not-json.json", "schemaVersion: 1\n");
        for (Path bad : List.of(truncated, other, sarif, notJson, dir.resolve("missing.json"))) {
            Path out = dir.resolve("out-" + bad.getFileName());
            CliRunner.Result r = run("assess", "--rules", RULES, "--today", TODAY, "--baseline", bad.toString(),
                    "-o", "json=" + out, "-o", "text", after.toString());
            assertThat(r.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE_OR_RULES);
            assertThat(r.err()).as(bad.toString()).startsWith(bad.toString() + ":");
            assertThat(r.out()).as(bad.toString()).isEmpty();
            assertThat(out).as(bad.toString()).doesNotExist();
        }
        assertThat(run("assess", "--rules", RULES, "--baseline", truncated.toString(), after.toString()).err())
                .contains("the report ends early (truncated?)");
        assertThat(run("assess", "--rules", RULES, "--baseline", other.toString(), after.toString()).err())
                .contains("the report has schemaVersion 2; this vra reads schemaVersion 1");
        assertThat(run("assess", "--rules", RULES, "--baseline", sarif.toString(), after.toString()).err())
                .contains("not a JSON report of vra assess");
    }

    @Test
    void diffComparesTwoSavedReportsWithoutRules() throws IOException {
        Path now = dir.resolve("now.json");
        run("assess", "--rules", RULES, "--today", TODAY, "-o", "json=" + now, after.toString());
        CliRunner.Result text = run("diff", baseline.toString(), now.toString());
        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).startsWith("Since the baseline (" + baseline + ", run 2026-11-30): ")
                .contains("nordic-managed-it / Managed Microsoft 365 and endpoint management (" + after.resolve("nordic.yaml")
                        + ", was " + before.resolve("well-run-msp.yaml") + "): LOW -> HIGH, +50.8")
                .contains("  new       CRITICAL STAFF-001 The provider is one person")
                .doesNotContain("pbx-hosting-example / ");                                  // unchanged services are only counted
        JsonNode json = JSON.readTree(run("diff", "-f", "json", baseline.toString(), now.toString()).out());
        assertThat(json.at("/baseline/services/added/0").asText()).isEqualTo("datahall-services / Colocated ERP database servers");
        assertThat(json.get("changed")).anySatisfy(s -> assertThat(s.get("move").asText()).isEqualTo("LOW -> HIGH, +50.8"));
        assertThat(run("diff", "-f", "markdown", baseline.toString(), now.toString()).out())
                .startsWith("## Since the baseline").contains("| new | CRITICAL | STAFF-001 |");
        Path page = dir.resolve("out/diff.html");
        CliRunner.Result html = run("diff", "-o", "html=" + page, "-o", "markdown=" + dir.resolve("out/diff.md"),
                baseline.toString(), now.toString());
        assertThat(html.exitCode()).as(html.err()).isEqualTo(ExitCodes.OK);
        assertThat(html.out()).isEmpty();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>")
                .contains("<td class=\"move-text\">LOW -&gt; HIGH, +50.8</td>")
                .contains("<tr class=\"added-service\"><td>datahall-services / Colocated ERP database servers</td>")
                .contains("<tr class=\"removed-service\"><td>quickprint-cloud / Cloud print management</td>")
                .endsWith("</html>\n");
        assertThat(run("diff", "-f", "html", baseline.toString(), now.toString()).out()).isEqualTo(Files.readString(page));
        assertThat(Files.readString(dir.resolve("out/diff.md"))).startsWith("## Since the baseline");
        CliRunner.Result bad = run("diff", "-o", "html=" + page, baseline.toString(), write("x.json", "[]").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(bad.err()).startsWith(dir.resolve("x.json") + ":1:1: not a JSON report of vra assess");
        assertThat(Files.readString(page)).as("a bad report writes nothing").contains("LOW -&gt; HIGH, +50.8");
        CliRunner.Result pdf = run("diff", "-f", "pdf", baseline.toString(), now.toString());
        assertThat(pdf.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(pdf.err()).contains("unknown format 'pdf'; use one of text, markdown, json, html");
    }

    @Test
    void dueListsOverdueAndSoonDueReviewsByDate() throws IOException {
        CliRunner.Result r = run("due", "--rules", RULES, "--today", TODAY, "--within", "200", before.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines().toList()).containsSubsequence(
                "2018-08-19  overdue by 3025 days critical pbx-hosting-example / Hosted virtual PBX (Asterisk)  (owner it-operations)",
                "2027-05-01  due in 152 days    critical cloudcrm-global / CRM and customer service desk  (owner it-risk)",
                "Reviews: 1 review overdue, 1 due within 200 days of 2026-11-30");
        assertThat(run("due", "--rules", RULES, "--today", TODAY, before.toString()).out())
                .doesNotContain("cloudcrm-global").contains("Reviews: 1 review overdue, 0 due within 30 days");
        CliRunner.Result fail = run("due", "--rules", RULES, "--today", TODAY, "--fail-on-overdue", before.toString());
        assertThat(fail.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(fail.err()).isEqualTo("vra: fail: pbx-hosting-example review was due on 2018-08-19, overdue on"
                + " 2026-11-30 (--fail-on-overdue)" + System.lineSeparator());
        String csv = run("due", "--rules", RULES, "--today", TODAY, "--within", "200", "-f", "csv", before.toString()).out();
        assertThat(csv.lines().toList()).containsExactly(
                "due,status,days_left,vendor_id,vendor_name,service,tier,assessed_on,owner,file",
                "2018-08-19,overdue,-3025,pbx-hosting-example,Example PBX Hosting s.r.o.,Hosted virtual PBX (Asterisk),"
                        + "critical,2018-02-19,it-operations," + before.resolve("pbx-incident.yaml"),
                "2027-05-01,due,152,cloudcrm-global,CloudCRM Global Inc.,CRM and customer service desk,critical,2026-11-01,"
                        + "it-risk," + before.resolve("large-saas-with-sla.yaml"));
        JsonNode json = JSON.readTree(run("due", "--rules", RULES, "--today", TODAY, "-f", "json", before.toString()).out());
        assertThat(json.at("/reviews/0/status").asText()).isEqualTo("overdue");
        assertThat(json.at("/summary/overdue").asInt()).isEqualTo(1);
        assertThat(run("due", "--rules", RULES, "--today", TODAY, "-f", "markdown", before.toString()).out())
                .contains("| 2018-08-19 | **overdue by 3025 days** | Example PBX Hosting s.r.o. (pbx-hosting-example) |");
    }

    @Test
    void dueWritesAnICalendarFileThatFollowsRfc5545() throws IOException {
        Path ics = dir.resolve("reviews.ics");
        Files.writeString(before.resolve("long.yaml"), Files.readString(before.resolve("well-run-msp.yaml"))
                .replace("  id: nordic-managed-it", "  id: nordic-long")
                .replace("  name: Managed Microsoft 365 and endpoint management",
                        "  name: \"Správa sítí, serverů; a záloh\\\\ – velmi dlouhý název služby, který se nevejde na jeden řádek\"")
                .replace("  assessedOn: 2026-11-01", "  assessedOn: 2025-06-01"));
        CliRunner.Result r = run("due", "--rules", RULES, "--today", TODAY, "-f", "ical", "-o", ics.toString(),
                before.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        byte[] bytes = Files.readAllBytes(ics);
        List<String> events = IcalendarCheck.check(bytes);
        assertThat(events).hasSize(2);
        String unfolded = IcalendarCheck.unfold(new String(bytes, StandardCharsets.UTF_8));
        assertThat(unfolded).contains("SUMMARY:OVERDUE: Review Nordic Managed IT AB - Správa sítí\\, serverů\\; a záloh\\\\"
                + " – velmi dlouhý název služby\\, který se nevejde na jeden řádek\r\n");
        assertThat(unfolded).contains("DTSTART;VALUE=DATE:20180819\r\n").contains("DTSTAMP:20261130T000000Z\r\n");
        // the same run gives the same file, and an event keeps its UID when its date moves
        Path again = dir.resolve("again.ics");
        run("due", "--rules", RULES, "--today", "2026-12-01", "-f", "ical", "-o", again.toString(), before.toString());
        List<String> uids = new ArrayList<>();
        for (String line : unfolded.split("\r\n")) {
            if (line.startsWith("UID:")) {
                uids.add(line);
            }
        }
        assertThat(IcalendarCheck.unfold(Files.readString(again))).contains(uids);
    }

    private static JsonNode assessment(JsonNode report, String vendor) {
        for (JsonNode a : report.get("assessments")) {
            if (a.at("/vendor/id").asText().equals(vendor)) {
                return a;
            }
        }
        throw new AssertionError("no assessment of " + vendor);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
