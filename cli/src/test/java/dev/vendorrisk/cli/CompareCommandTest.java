package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final String PBX = CliRunner.path("samples/pbx-incident.yaml");
    private static final String MSP = CliRunner.path("samples/well-run-msp.yaml");
    private static final String SAAS = CliRunner.path("samples/large-saas-with-sla.yaml");

    @Test
    void comparesAndRanksLowestRiskFirstInText() {
        CliRunner.Result r = CliRunner.run("compare", PBX, MSP, SAAS);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Comparison of 3 candidates, lowest risk first\n")
                .contains("  1. Nordic Managed IT AB (nordic-managed-it): rated LOW, score 0; a lower rating than #2"
                        + " (CRITICAL); no active findings")
                .contains("  3. Example PBX Hosting s.r.o. (pbx-hosting-example): rated CRITICAL, score 99.8; the highest"
                        + " risk of the 3 candidates");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void writesEveryFormatToFiles(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("compare", "-o", "json=" + dir.resolve("c.json"), "-o",
                "html=" + dir.resolve("c.html"), "-o", "markdown=" + dir.resolve("c.md"), "-o", "text", PBX, MSP);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("c.json").toFile());
        assertThat(json.get("candidates").get(0).get("vendor").get("id").asText()).isEqualTo("nordic-managed-it");
        assertThat(Files.readString(dir.resolve("c.html"))).startsWith("<!DOCTYPE html>").contains("Why this order");
        assertThat(Files.readString(dir.resolve("c.md"))).startsWith("# Comparison of 2 candidates");
        assertThat(r.out()).startsWith("Comparison of 2 candidates");
    }

    @Test
    void anInvalidFileIsReportedWithExit3AndTheOthersAreStillCompared() {
        CliRunner.Result r = CliRunner.run("compare", "-f", "json", PBX, MSP,
                CliRunner.path("examples/invalid/typos-and-types.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("typos-and-types.yaml:10:1: unknown key 'suport'; did you mean 'support'?");
        assertThat(r.out()).contains("\"rank\" : 2").contains("did you mean 'support'?");
    }

    @Test
    void fewerThanTwoOrMoreThanTenFilesAreAUsageError() {
        CliRunner.Result one = CliRunner.run("compare", PBX);
        assertThat(one.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(one.err()).contains("compare takes 2 to 10 profiles, got 1");
        String[] eleven = new String[12];
        eleven[0] = "compare";
        for (int i = 1; i < 12; i++) {
            eleven[i] = CliRunner.path("samples/" + (i % 2 == 0 ? "pbx-incident.yaml" : "well-run-msp.yaml"));
        }
        assertThat(CliRunner.run(eleven).exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        CliRunner.Result twice = CliRunner.run("compare", PBX, PBX);
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(twice.err()).contains("is given twice");
        assertThat(CliRunner.run("compare", "-o", "xml", PBX, MSP).err()).contains("unknown format 'xml'; use one of text,"
                + " markdown, json, html");
    }

    @Test
    void failOnExits1WhenEvenTheBestCandidateReachesTheLevel() {
        assertThat(CliRunner.run("compare", "--fail-on", "CRITICAL", PBX, SAAS).exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(CliRunner.run("compare", "--fail-on", "CRITICAL", PBX, MSP).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void assessWritesAnHtmlReport(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        CliRunner.Result r = CliRunner.run("assess", "--no-progress", "-o", "html=" + html, "--html-detail", "CRITICAL",
                CliRunner.path("samples"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("id=\"overview\"")
                .contains("3 of 5 services: those rated CRITICAL or higher.");
        assertThat(CliRunner.run("assess", "--html-detail", "severe", "-o", "html", PBX).err())
                .contains("--html-detail: unknown detail level 'severe'");
    }
}
