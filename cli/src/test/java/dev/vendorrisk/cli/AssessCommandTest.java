package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance tests: the real CLI on the project's samples, asserting exit codes and output. */
class AssessCommandTest {
    private static final String RULES = path("rules");

    @Test
    void theIncidentIsCriticalAndTheWellRunProviderLow() {
        CliRunner.Result r = run("assess", "--rules", RULES, path("samples/pbx-incident.yaml"),
                path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("CRITICAL Example PBX Hosting s.r.o.")
                .contains("outage exposure 360,000 CZK per incident (32 h x 11,250 CZK/h) = 1,800 months of fees")
                .contains("LOW Nordic Managed IT AB")
                .contains("Summary: 2 files, 2 vendors (1 CRITICAL, 1 LOW)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonOutputHasTheDocumentedShape() throws IOException {
        CliRunner.Result r = run("assess", "--rules", RULES, "--format", "json", path("samples/pbx-incident.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode a = root.get("assessments").get(0);
        for (String key : new String[] {"file", "vendor", "service", "tier", "score", "rating", "completeness",
                "findings", "areas", "exposure", "recommendations", "warnings"}) {
            assertThat(a.has(key)).as(key).isTrue();
        }
        JsonNode finding = a.get("findings").get(0);
        for (String key : new String[] {"id", "title", "area", "severity", "weight", "contribution", "message",
                "recommendation", "evidence", "waived"}) {
            assertThat(finding.has(key)).as(key).isTrue();
        }
        assertThat(finding.get("evidence").get(0).get("line").asInt()).isPositive();
        assertThat(a.get("exposure").get("perIncident").asDouble()).isEqualTo(360000.0);
        JsonNode top = a.get("recommendations").get(0);
        for (String key : new String[] {"key", "text", "textKind", "resolves", "scoreReduction", "resolvesPercent"}) {
            assertThat(top.has(key)).as(key).isTrue();
        }
        JsonNode wayDown = a.get("wayDown");
        assertThat(wayDown.get("from").asText()).isEqualTo("CRITICAL");
        assertThat(wayDown.get("steps").size()).isPositive();
        JsonNode last = wayDown.get("milestones").get(wayDown.get("milestones").size() - 1);
        assertThat(last.get("rating").asText()).isEqualTo("LOW");
        assertThat(root.get("errors").isArray()).isTrue();
    }

    @Test
    void theQuickStartOnTheSamplesSucceeds() {
        CliRunner.Result r = run("assess", "--rules", RULES, path("samples"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("CRITICAL Example PBX Hosting").contains("5 vendors").doesNotContain("INVALID");
    }

    @Test
    void invalidFilesAreReportedWithLineAndColumnAndTheRestIsAssessed() {
        CliRunner.Result r = run("assess", "--rules", RULES, path("samples"), path("examples/invalid"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("examples/invalid/typos-and-types.yaml:10:1: unknown key 'suport'; did you mean 'support'?");
        assertThat(r.out()).contains("CRITICAL Example PBX Hosting").contains("INVALID ")
                .contains("5 vendors");
    }

    @Test
    void failOnRatingAndSeverity() {
        assertThat(run("assess", "--rules", RULES, "--fail-on", "HIGH", path("samples/pbx-incident.yaml")).exitCode())
                .isEqualTo(ExitCodes.THRESHOLD);
        assertThat(run("assess", "--rules", RULES, "--fail-on", "HIGH", path("samples/well-run-msp.yaml")).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(run("assess", "--rules", RULES, "--fail-on", "severity:INFO", path("samples/many-unknowns.yaml"))
                .exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        CliRunner.Result bad = run("assess", "--rules", RULES, "--fail-on", "SEVERE", path("samples/well-run-msp.yaml"));
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(bad.err()).contains("unknown level 'SEVERE'");
    }

    @Test
    void noInputIsAUsageErrorNotASilentSuccess(@TempDir Path empty) {
        CliRunner.Result r = run("assess", "--rules", RULES, empty.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("no profile files to assess");
        assertThat(run("assess", "--rules", RULES, "does-not-exist.yaml").exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
    }

    @Test
    void brokenRulesGiveFileAndLineAndExit2(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), """
                package mine;
                import dev.vendorrisk.assessor.profile.*;
                rule "broken"
                    @id("MINE-001")
                when
                    Company(staffCount === 1)
                then
                end
                """);
        CliRunner.Result r = run("assess", "--rules", dir.toString(), path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("broken.drl:6");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAtTheCapAndNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("loop.drl"), """
                package loop;
                import dev.vendorrisk.assessor.profile.*;
                import dev.vendorrisk.assessor.rules.*;
                import static dev.vendorrisk.assessor.rules.Emit.*;

                rule "touches its own fact"
                    @id("LOOP-001") @title("t") @severity("LOW") @weight(1) @recommendation("scope") @backing("test")
                when
                    $c : Company()
                then
                    update($c);
                end
                """);
        Files.writeString(dir.resolve("scoring.yaml"), "maxFirings: 500\n");
        // update is beyond the safe rule language: refused by default, and capped when trusted
        CliRunner.Result refused = run("assess", "--rules", RULES, "--rules", dir.toString(), path("samples/well-run-msp.yaml"));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(refused.err()).contains(dir + "/loop.drl:11: rule 'touches its own fact': 'update(...)' is not allowed in a rule");
        CliRunner.Result r = run("assess", "--trust-rules", "--rules", RULES, "--rules", dir.toString(),
                path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains(dir + "/loop.drl:6: rule 'touches its own fact' fired ")
                .contains("stopped at the cap of 500 firings").doesNotContain("\tat ");
    }

    @Test
    void aRuleThatRunsPastTheTimeLimitIsStoppedAndNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("spin.drl"), """
                package spin;
                import dev.vendorrisk.assessor.profile.*;

                rule "spins"
                when
                    Company()
                then
                    while (true) { }
                end
                """);
        CliRunner.Result r = run("assess", "--trust-rules", "--time-limit", "3", "--rules", dir.toString(),
                path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains(dir + "/spin.drl:4: rule 'spins' was still running after the time limit of 3 s")
                .doesNotContain("\tat ");

        CliRunner.Result zero = run("assess", "--time-limit", "0", path("samples/well-run-msp.yaml"));
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(zero.err()).contains("--time-limit must be a number of seconds above 0");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRunner.Result r = run("assess", "--help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Exit codes:").contains("3  at least one input file was invalid");
    }
}
