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

/**
 * The exit code, the stderr lines, the JUnit report and the SARIF levels agree on what fails a run, for each
 * cause: a rating, a score, a finding's severity, a portfolio finding, a new finding, an overdue review.
 */
class GatingCommandTest {
    private static final String RULES = path("rules");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner.Result assess(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "assess";
        all[1] = "--rules";
        all[2] = RULES;
        all[3] = "--today";
        all[4] = "2026-11-30";
        System.arraycopy(args, 0, all, 5, args.length);
        return run(all);
    }

    @Test
    void aCriticalRatingWithoutCriticalFindingsFailsTheJobAndTheJunitReportAlike() throws IOException {
        Path junit = dir.resolve("junit.xml");
        Path sarif = dir.resolve("vra.sarif");
        CliRunner.Result r = assess("--fail-on", "CRITICAL", "-o", "text", "-o", "junit=" + junit, "-o", "sarif=" + sarif,
                path("samples/large-saas-with-sla.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(r.err()).isEqualTo("vra: fail: cloudcrm-global rated CRITICAL (--fail-on CRITICAL)" + System.lineSeparator());
        assertThat(r.out()).contains("; FAILS: 1 cause (1 service)");
        assertThat(Files.readString(junit)).contains("failures=\"1\"")
                .contains("<failure message=\"cloudcrm-global rated CRITICAL (--fail-on CRITICAL)\" type=\"rating\">");
        JsonNode results = JSON.readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results).filteredOn(x -> x.get("level").asText().equals("error")).singleElement()
                .satisfies(x -> assertThat(x.get("ruleId").asText()).isEqualTo("vra/fail-rating"));
    }

    @Test
    void aScoreThresholdSaysWhichVendorScoredWhat() {
        CliRunner.Result r = assess("--fail-on-score", "90", path("samples/pbx-incident.yaml"),
                path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(r.err()).isEqualTo("vra: fail: pbx-hosting-example scored 99.8 (--fail-on-score 90)" + System.lineSeparator());
    }

    @Test
    void aSeverityThresholdNamesEachFinding() throws IOException {
        Path junit = dir.resolve("junit.xml");
        CliRunner.Result r = assess("--fail-on", "severity:CRITICAL", "-o", "junit=" + junit,
                path("samples/pbx-incident.yaml"), path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(r.err()).isEqualTo("vra: fail: pbx-hosting-example has STAFF-001 (CRITICAL) (--fail-on severity:CRITICAL)"
                + System.lineSeparator());
        assertThat(Files.readString(junit)).containsOnlyOnce("<failure ").contains("type=\"severity\"");
    }

    @Test
    void aHighPortfolioFindingFailsTheRunUnderASeverityThreshold() throws IOException {
        String msp = Files.readString(Path.of(path("samples/well-run-msp.yaml")));
        Files.writeString(dir.resolve("a.yaml"), msp);
        Files.writeString(dir.resolve("b.yaml"), msp.replace("  name: Managed Microsoft 365 and endpoint management",
                "  name: Managed network"));
        Path junit = dir.resolve("out.xml");
        Path sarif = dir.resolve("out.sarif");
        CliRunner.Result r = assess("--fail-on", "severity:HIGH", "-o", "junit=" + junit, "-o", "sarif=" + sarif,
                dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(r.err()).startsWith("vra: fail: portfolio has PORT-001 (HIGH): ")
                .endsWith("(--fail-on severity:HIGH)" + System.lineSeparator());
        String xml = Files.readString(junit);
        assertThat(xml).containsOnlyOnce("<failure ").contains("type=\"portfolio\"");
        JsonNode results = JSON.readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results).filteredOn(x -> x.get("level").asText().equals("error")).singleElement()
                .satisfies(x -> assertThat(x.get("ruleId").asText()).isEqualTo("PORT-001"));
    }

    @Test
    void anOverdueReviewFailsWithFailOnOverdueOnly() {
        assertThat(assess(path("samples/pbx-incident.yaml")).exitCode()).isEqualTo(ExitCodes.OK);
        CliRunner.Result r = assess("--fail-on-overdue", path("samples/pbx-incident.yaml"), path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(r.err()).isEqualTo("vra: fail: pbx-hosting-example review was due on 2018-08-19, overdue on 2026-11-30"
                + " (--fail-on-overdue)" + System.lineSeparator());
    }

    @Test
    void withoutThresholdsNothingFailsAndTheJunitReportHasNoFailure() throws IOException {
        Path junit = dir.resolve("junit.xml");
        CliRunner.Result r = assess("-o", "text", "-o", "junit=" + junit, path("samples/pbx-incident.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("; passes").doesNotContain("FAILS");
        assertThat(Files.readString(junit)).doesNotContain("<failure ");
    }

    @Test
    void invalidInputOutranksAThreshold() {
        CliRunner.Result r = assess("--fail-on", "LOW", path("samples"), path("examples/invalid"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("vra: fail: pbx-hosting-example rated CRITICAL (--fail-on LOW)");
    }

    @Test
    void failOnNewNeedsABaseline() {
        CliRunner.Result r = assess("--fail-on-new", "HIGH", path("samples/pbx-incident.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("--fail-on-new needs a baseline");
    }

    @Test
    void aBadTodayIsAUsageError() {
        CliRunner.Result r = run("assess", "--rules", RULES, "--today", "30.11.2026", path("samples/pbx-incident.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("--today: '30.11.2026' is not a date; write it as YYYY-MM-DD");
    }

    @Test
    void todayBeforeAssessedOnIsAnErrorForThatProfileOnly() {
        CliRunner.Result r = run("assess", "--rules", RULES, "--today", "2026-10-31", path("samples/pbx-incident.yaml"),
                path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("samples/well-run-msp.yaml:80:3: assessment.assessedOn '2026-11-01' is after the run"
                + " date 2026-10-31");
        assertThat(r.out()).contains("CRITICAL Example PBX Hosting");
    }
}
