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
    /** The run date the samples' expected results are for: no review of msp or saas is due yet. */
    private static final String TODAY = "2026-11-30";

    @Test
    void comparesAndRanksLowestRiskFirstInText() {
        CliRunner.Result r = CliRunner.run("compare", "--today", TODAY, PBX, MSP, SAAS);
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
        assertThat(CliRunner.run("compare", "--today", TODAY, "--fail-on", "CRITICAL", PBX, MSP).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void reviewDatesAreJudgedOnTheTodayGiven() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode now = mapper.readTree(CliRunner.run("compare", "-f", "json", "--today", TODAY, MSP, SAAS).out());
        assertThat(now.get("findings")).noneSatisfy(f -> assertThat(f.get("id").asText()).isEqualTo("REVIEW-001"));
        assertThat(now.at("/candidates/0/score").asDouble()).isZero();
        CliRunner.Result later = CliRunner.run("compare", "-f", "json", "--today", "2027-12-01", MSP, SAAS);
        assertThat(later.exitCode()).as(later.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = mapper.readTree(later.out());
        assertThat(json.get("findings")).filteredOn(f -> f.get("id").asText().equals("REVIEW-001")).singleElement()
                .satisfies(f -> assertThat(f.get("candidates").toString()).isEqualTo("[\"active\",\"active\"]"));
        assertThat(json.at("/candidates/0/score").asDouble()).as("the overdue review adds to the score").isPositive();
        assertThat(CliRunner.run("compare", "--today", "2027-12-01", MSP, SAAS).out()).contains("REVIEW-001");
        CliRunner.Result early = CliRunner.run("compare", "--today", "2026-10-31", PBX, MSP);
        assertThat(early.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(early.err()).contains("well-run-msp.yaml:80:3: assessment.assessedOn '2026-11-01' is after the run date"
                + " 2026-10-31");
        CliRunner.Result bad = CliRunner.run("compare", "--today", "next week", PBX, MSP);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(bad.err()).contains("--today: 'next week' is not a date; write it as YYYY-MM-DD");
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
