package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vra rules check}, {@code vra rules list}, {@code vra explain} and overlays, on the real CLI. */
class RulesCommandsTest {
    private static final String RULES = path("rules");
    private static final String MINE = CliRunner.ROOT.resolve("examples/mine").toAbsolutePath().toString();

    @TempDir
    static Path cache;

    private static CliRunner.Result vra(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--cache-dir");
        all.add(cache.toString());
        return run(all.toArray(String[]::new));
    }

    @Test
    void checkOfTheProjectRulesIsOk() {
        CliRunner.Result r = vra("rules", "check", "--rules", RULES);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("OK: 52 finding rules in 12 files (" + RULES + ")" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void checkReportsEveryProblemOnceAndExits2(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), """
                package mine;
                import dev.vendorrisk.assessor.profile.*;
                import static dev.vendorrisk.assessor.rules.Emit.*;
                rule "one person"
                    @id("MINE-001") @title("t") @severity("HIGH") @recommendation("sla") @backing("b")
                when
                    Company(staffCont == 1)
                then
                    insert(hit(kcontext, ev("company.staffCount", 1)));
                end
                """);
        Files.writeString(dir.resolve("b.drl"), """
                package mine;
                import dev.vendorrisk.assessor.profile.*;
                import static dev.vendorrisk.assessor.rules.Emit.*;
                rule "broken"
                    @id("MINE-002") @title("t") @severity("HIGH") @weight(5) @recommendation("sla") @backing("b")
                when
                    Company(staffCount === 1)
                then
                    insert(hit(kcontext, ev("company.staffCount", 1)));
                end
                """);
        Files.writeString(dir.resolve("scoring.yaml"), "gapcap: 20\n");
        CliRunner.Result r = vra("rules", "check", "--rules", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                dir + "/a.drl:4: rule 'MINE-001' has no @weight; add @weight(1..100) after the rule name",
                dir + "/a.drl:7:13: unknown property 'staffCont' of Company; did you mean 'staffCount'?",
                dir + "/b.drl:7:24: invalid operator '===' in rule 'broken'; compare with '=='",
                dir + "/scoring.yaml:1:1: unknown key 'gapcap'; did you mean 'gapCap'?");
    }

    @Test
    void assessReportsBrokenRulesWithTheSameMessages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), """
                package mine;
                import dev.vendorrisk.assessor.profile.*;
                rule "typo"
                when
                    Compny(staffCount == 1)
                then
                end
                """);
        CliRunner.Result r = vra("assess", "--rules", dir.toString(), path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).isEqualTo(dir + "/a.drl:5:5: unknown fact type 'Compny'; did you mean 'Company'?"
                + System.lineSeparator());
    }

    @Test
    void listIsAnAlignedTableWithTheSourceOfEachRule() {
        CliRunner.Result r = vra("rules", "list", "--rules", RULES);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID         VARIANT     SEVERITY  WEIGHT  AREA        RECOMMENDATION     SOURCE");
        assertThat(lines).hasSize(53);
        String sla4 = lines.stream().filter(l -> l.startsWith("SLA-004 ")).findFirst().orElseThrow();
        assertThat(sla4).contains("MEDIUM    10      sla         sla                " + RULES + "/sla.drl:41")
                .contains("The SLA promises less availability than the service's tier needs");
        int column = lines.get(0).indexOf("SOURCE");
        assertThat(sla4.substring(column)).startsWith(RULES + "/sla.drl:41");
    }

    @Test
    void listAsJson() throws IOException {
        CliRunner.Result r = vra("rules", "list", "--rules", RULES, "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode rules = new ObjectMapper().readTree(r.out());
        assertThat(rules.size()).isEqualTo(52);
        JsonNode corp5 = rules.findParents("id").stream().filter(n -> n.get("id").asText().equals("CORP-005"))
                .findFirst().orElseThrow();
        for (String key : new String[] {"id", "variant", "title", "area", "severity", "weight", "recommendation",
                "backing", "description", "folder", "file", "line"}) {
            assertThat(corp5.has(key)).as(key).isTrue();
        }
        assertThat(corp5.get("folder").asText()).isEqualTo(RULES);
    }

    @Test
    void explainShowsEveryVariantWithItsSourceAndRecommendation() {
        CliRunner.Result r = vra("explain", "--rules", RULES, "corp-005");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("CORP-005/distressed: The provider is in financial distress")
                .contains("CORP-005/weak: The provider's finances are weak")
                .contains("  Fires when company.financialHealth is weak.")
                .contains("  severity        CRITICAL")
                .contains("  recommendation  exit-plan: Write an exit plan")
                .contains("  source          " + RULES + "/corporate.drl:57")
                .contains("    rule \"weak finances\"")
                .contains("        Company(financialHealth == FinancialHealth.WEAK)");
        assertThat(r.out().lines().filter(l -> l.strip().equals("end")).count()).isEqualTo(2);
    }

    @Test
    void explainShowsTheRecommendationTextsByKindOfService() {
        CliRunner.Result r = vra("explain", "--rules", RULES, "BCP-004");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("  recommendation  fallback: Document a manual fallback")
                .contains("    for telephony: Document a manual fallback that works within the maximum tolerable"
                        + " downtime (e.g. divert key numbers at the carrier")
                .contains("    for hosting: ");
    }

    @Test
    void explainOfAnUnknownIdSuggestsTheClosest() {
        CliRunner.Result r = vra("explain", "--rules", RULES, "SLA-04");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).isEqualTo("vra: unknown rule id 'SLA-04'; did you mean 'SLA-004'?" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void explainOfAnUnknownIdWithoutRulesPointsAtOverlays() {
        CliRunner.Result r = run("explain", "MINE-010", "--no-cache");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).isEqualTo("vra: unknown rule id 'MINE-010'; if it lives in a rule overlay, name its folder:"
                + " vra explain --rules <folder> MINE-010" + System.lineSeparator());
        CliRunner.Result near = run("explain", "SUP-07", "--no-cache");
        assertThat(near.err()).isEqualTo("vra: unknown rule id 'SUP-07'; did you mean 'SUP-007'? If it lives in a rule"
                + " overlay, name its folder: vra explain --rules <folder> SUP-07" + System.lineSeparator());
    }

    @Test
    void checkWarnsAboutAPatternOnATypeNeverInserted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vendor.drl"), """
                package mine;
                import dev.vendorrisk.assessor.profile.*;
                import static dev.vendorrisk.assessor.rules.Emit.*;
                rule "vendor abroad"
                    @id("MINE-010") @title("t") @severity("LOW") @weight(5) @recommendation("sla") @backing("b")
                when
                    Vendor(country != null)
                then
                    insert(hit(kcontext, ev("vendor.country", 1)));
                end
                """);
        CliRunner.Result r = vra("rules", "check", "--rules", RULES, "--rules", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEqualTo(dir + "/vendor.drl:7:5: warning: rule 'MINE-010' matches Vendor, which is never"
                + " inserted into the session, so the rule can never fire; reach it through VendorProfile.vendor, e.g."
                + " VendorProfile(vendor.country != null)" + System.lineSeparator());
        assertThat(r.out()).endsWith(", 1 warning" + System.lineSeparator());
    }

    @Test
    void overlayAddsAndReplacesRulesAndOverridesScoring() throws IOException {
        CliRunner.Result check = vra("rules", "check", "--rules", RULES, "--rules", MINE);
        assertThat(check.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).startsWith("OK: 53 finding rules in 13 files (" + RULES + ", " + MINE + ")");

        CliRunner.Result list = vra("rules", "list", "--rules", RULES, "--rules", MINE);
        assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(line(list.out(), "MINE-001 ")).contains(MINE + "/mine.drl:8");
        assertThat(line(list.out(), "STAFF-003 ")).contains(MINE + "/mine.drl:21")
                .contains("The provider offers too many services per technician");
        assertThat(line(list.out(), "STAFF-001 ")).contains(RULES + "/staffing.drl:");
        assertThat(line(list.out(), "SUP-007 ")).contains("LOW       9 ");

        CliRunner.Result assess = vra("assess", "--rules", RULES, "--rules", MINE, "--format", "json",
                path("samples/pbx-incident.yaml"));
        assertThat(assess.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode findings = new ObjectMapper().readTree(assess.out()).get("assessments").get(0).get("findings");
        assertThat(finding(findings, "MINE-001").get("evidence").get(0).get("path").asText())
                .isEqualTo("continuity.alternativeProviders");
        assertThat(finding(findings, "STAFF-003").get("evidence").toString()).contains("company.technicalStaffCount");
        assertThat(finding(findings, "SUP-007").get("weight").asInt()).isEqualTo(9);

        CliRunner.Result disabled = vra("assess", "--rules", RULES, "--rules", MINE, "--disable", "MINE-001,SUP-007",
                "--format", "json", path("samples/pbx-incident.yaml"));
        String ids = new ObjectMapper().readTree(disabled.out()).get("assessments").get(0).get("findings").findValuesAsText("id").toString();
        assertThat(ids).doesNotContain("MINE-001").doesNotContain("SUP-007").contains("STAFF-003");
    }

    @Test
    void theCacheIsFilledAndReused(@TempDir Path own) {
        CliRunner.Result first = run("assess", "--rules", RULES, "--cache-dir", own.toString(), path("samples/pbx-incident.yaml"));
        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(own.toFile().list()).hasSize(1).allMatch(n -> n.endsWith(".rules"));
        CliRunner.Result second = run("assess", "--rules", RULES, "--cache-dir", own.toString(), path("samples/pbx-incident.yaml"));
        assertThat(second.out()).isEqualTo(first.out());
        CliRunner.Result none = run("assess", "--rules", RULES, "--no-cache", path("samples/pbx-incident.yaml"));
        assertThat(none.out()).isEqualTo(first.out());
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix));
    }

    private static JsonNode finding(JsonNode findings, String id) {
        for (JsonNode f : findings) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + findings.findValuesAsText("id"));
    }
}
