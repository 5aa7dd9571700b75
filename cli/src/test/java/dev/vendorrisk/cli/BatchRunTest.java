package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch runs of the real CLI: inputs, parallel and deterministic output, several reports, waivers, portfolio. */
class BatchRunTest {
    private static final String RULES = path("rules");
    private static final List<String> VALID = List.of("pbx-incident", "well-run-msp", "fresh-spinoff",
            "large-saas-with-sla", "many-unknowns");

    @TempDir
    static Path portfolio;

    /** 60 profiles in nested folders (the samples under varied vendor ids) and 4 invalid ones. */
    @BeforeAll
    static void generate() throws IOException {
        for (int i = 0; i < 60; i++) {
            String sample = VALID.get(i % VALID.size());
            String yaml = Files.readString(Path.of(path("samples/" + sample + ".yaml")));
            String id = yaml.lines().filter(l -> l.startsWith("  id: ")).findFirst().orElseThrow().substring(6);
            // every third vendor supplies two services, so the portfolio sees concentration
            String vendor = id + "-" + (i / 3);
            if (sample.equals("well-run-msp") && i % 2 == 0) {
                yaml = yaml.replace("  kind: msp", "  kind: telephony"); // a clean alternative for the PBX
            }
            // one file per service (a portfolio has no duplicates): the service name carries the file's number
            yaml = yaml.replaceFirst("(?m)^(service:\\R  name: [^#\\r\\n]*?)\\s*$", "$1 " + i);
            Path dir = portfolio.resolve("team-" + (i % 4)).resolve(i % 2 == 0 ? "a" : "b");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(String.format("%03d-%s.yaml", i, sample)), yaml.replace("  id: " + id,
                    "  id: " + vendor));
        }
        Path bad = portfolio.resolve("team-1").resolve("broken");
        Files.createDirectories(bad);
        Files.copy(Path.of(path("examples/invalid/typos-and-types.yaml")), bad.resolve("typos.yaml"));
        Files.copy(Path.of(path("examples/invalid/not-yaml.yaml")), bad.resolve("not-yaml.yaml"));
        Files.writeString(bad.resolve("empty.yml"), "");
        Files.writeString(portfolio.resolve("team-0").resolve("tab.yaml"), "schemaVersion: 1\nvendor:\n\tid: x\n");
        Files.writeString(portfolio.resolve("team-0").resolve("notes.txt"), "not a profile: not read from a folder");
    }

    private static String dir() {
        return portfolio.toString();
    }

    @Test
    void reportsAreByteIdenticalWhateverTheJobs(@TempDir Path out) throws IOException {
        String[] text = new String[3];
        byte[][] json = new byte[3][];
        int[] jobs = {1, 2, 4};
        for (int i = 0; i < jobs.length; i++) {
            Path file = out.resolve("report-" + jobs[i] + ".json");
            CliRunner.Result r = run("assess", "--rules", RULES, "--jobs", String.valueOf(jobs[i]), "-o", "text",
                    "-o", "json=" + file, dir());
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            text[i] = r.out();
            json[i] = Files.readAllBytes(file);
        }
        assertThat(text[1]).isEqualTo(text[0]);
        assertThat(text[2]).isEqualTo(text[0]);
        assertThat(json[1]).isEqualTo(json[0]);
        assertThat(json[2]).isEqualTo(json[0]);
        JsonNode root = new ObjectMapper().readTree(json[0]);
        assertThat(root.get("assessments")).hasSize(60);
        assertThat(root.get("summary").get("invalidFiles").asInt()).isEqualTo(4);
        List<String> files = root.get("assessments").findValuesAsText("file").stream()
                .filter(f -> f.endsWith(".yaml")).toList();
        assertThat(files).isSorted();
        assertThat(text[0]).contains("Summary: 64 files, 60 services of ").doesNotContain("notes.txt");
    }

    @Test
    void severalReportsInOneRunAndTheFilesAreComplete(@TempDir Path out) throws IOException {
        Path json = out.resolve("r.json");
        Path text = out.resolve("r.txt");
        CliRunner.Result r = run("assess", "--rules", RULES, "-o", "json=" + json, "-o", "text=" + text,
                path("samples/pbx-incident.yaml"), path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("assessments")).hasSize(2);
        assertThat(Files.readString(json).lines()).as("compact JSON in a file: one line").hasSize(1);
        assertThat(Files.readString(text)).contains("CRITICAL Example PBX Hosting").contains("Summary: 2 files");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", "r.txt");
        }
        if (json.getFileSystem().supportedFileAttributeViews().contains("posix")) { // like any new file, not owner-only
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(json)))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aFailedRunLeavesTheOldReportAndNoTemporaryFile(@TempDir Path out) throws IOException {
        Path json = out.resolve("r.json");
        Files.writeString(json, "the previous report");
        Path broken = out.resolve("rules");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("bad.drl"), "package x;\nrule \"r\" when\n  Nope()\nthen\nend\n");
        CliRunner.Result r = run("assess", "--rules", broken.toString(), "-o", "json=" + json,
                path("samples/pbx-incident.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(Files.readString(json)).isEqualTo("the previous report");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", "rules");
        }
    }

    @Test
    void outputOptionsAreChecked(@TempDir Path out) {
        CliRunner.Result two = run("assess", "--rules", RULES, "-o", "text", "-o", "json", path("samples/pbx-incident.yaml"));
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(two.err()).contains("only one report can go to stdout");
        CliRunner.Result unknown = run("assess", "--rules", RULES, "-o", "yaml=" + out.resolve("x"),
                path("samples/pbx-incident.yaml"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(unknown.err()).contains("unknown format 'yaml'; use one of text, json");
        CliRunner.Result same = run("assess", "--rules", RULES, "-o", "json=" + out.resolve("x"), "-o",
                "text=" + out.resolve("x"), path("samples/pbx-incident.yaml"));
        assertThat(same.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(same.err()).contains("two reports would write");
        CliRunner.Result alias = run("assess", "--rules", RULES, "--format", "json", path("samples/pbx-incident.yaml"));
        assertThat(alias.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(alias.out()).startsWith("{");
        assertThat(run("assess", "--rules", RULES, "--jobs", "0", path("samples/pbx-incident.yaml")).exitCode())
                .isEqualTo(ExitCodes.USAGE_OR_RULES);
    }

    @Test
    void globsExcludesAndZeroMatches() {
        CliRunner.Result glob = run("assess", "--rules", RULES, "--exclude", "broken", "--exclude", "tab.yaml",
                dir() + "/team-1/**/*.yaml");
        assertThat(glob.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(glob.out()).contains("Summary: 15 files, 15 services of ");
        CliRunner.Result bySubPath = run("assess", "--rules", RULES, "--exclude", "team-1/broken/*", "--exclude", "b/**",
                "--exclude", "*tab.yaml", dir());
        assertThat(bySubPath.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(bySubPath.out()).contains("Summary: 30 files");
        CliRunner.Result none = run("assess", "--rules", RULES, "--exclude", "*.yaml", "--exclude", "*.yml", dir());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(none.err()).contains("no profile files to assess").contains("--exclude left none");
        CliRunner.Result noMatch = run("assess", "--rules", RULES, dir() + "/nowhere/*.yaml");
        assertThat(noMatch.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(noMatch.err()).contains("no file matches this pattern");
        CliRunner.Result missing = run("assess", "--rules", RULES, dir(), "no-such-file.yaml");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(missing.err()).contains("no-such-file.yaml: no such file or folder");
    }

    @Test
    void standardInputIsAssessedFirst() throws IOException {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(path("samples/pbx-incident.yaml")))));
            CliRunner.Result r = run("assess", "--rules", RULES, "-o", "json", path("samples/well-run-msp.yaml"), "-");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertThat(root.get("assessments").get(0).get("file").asText()).isEqualTo("<stdin>");
            assertThat(root.get("assessments").get(1).get("file").asText()).endsWith("well-run-msp.yaml");
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void failOnScoreAndPrecedenceOfExitCodes() {
        assertThat(run("assess", "--rules", RULES, "--fail-on-score", "70", path("samples/pbx-incident.yaml")).exitCode())
                .isEqualTo(ExitCodes.THRESHOLD);
        assertThat(run("assess", "--rules", RULES, "--fail-on-score", "70", path("samples/well-run-msp.yaml")).exitCode())
                .isEqualTo(ExitCodes.OK);
        CliRunner.Result bad = run("assess", "--rules", RULES, "--fail-on-score", "101", path("samples/well-run-msp.yaml"));
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(bad.err()).contains("give 0 to 100");
        // an invalid file (3) outranks a reached threshold (1)
        assertThat(run("assess", "--rules", RULES, "--fail-on-score", "0", dir()).exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void thePortfolioSectionIsInTheTextAndJsonReports(@TempDir Path out) throws IOException {
        Path json = out.resolve("p.json");
        CliRunner.Result r = run("assess", "--rules", RULES, "-o", "text", "-o", "json=" + json, dir());
        assertThat(r.out()).contains("Portfolio (60 services").contains("PORT-001").contains("PORT-003")
                .contains("[concentration]");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("schemaVersion", "assessments", "errors", "portfolio", "summary");
        JsonNode findings = root.get("portfolio").get("findings");
        assertThat(findings.findValuesAsText("id")).contains("PORT-001", "PORT-003");
        assertThat(root.get("portfolio").get("services").asInt()).isEqualTo(60);
    }

    @Test
    void aWaiversFileWaivesAndReportsTheUnusedOnesOnce(@TempDir Path out) throws IOException {
        Path waivers = out.resolve("waivers.yaml");
        Files.writeString(waivers, """
                - vendor: pbx-hosting-example
                  rule: STAFF-001
                  justification: a deputy from a partner firm has access since March
                  owner: it-operations
                  expires: 2099-12-31
                - vendor: pbx-hosting-example
                  rule: SEC-003
                  justification: no personal data any more
                  owner: dpo
                  expires: 2099-12-31
                - vendor: somebody-else
                  rule: SUP-001
                  justification: left the portfolio
                  owner: it-operations
                  expires: 2099-12-31
                """);
        CliRunner.Result r = run("assess", "--rules", RULES, "--waivers", waivers.toString(), "-o", "json",
                path("samples/pbx-incident.yaml"), path("samples/well-run-msp.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("summary").get("waived").asInt()).isEqualTo(1);
        JsonNode warnings = root.get("portfolio").get("warnings");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).get("line").asInt()).isEqualTo(6);
        assertThat(warnings.get(0).get("message").asText()).contains("SEC-003 did not fire");
        assertThat(warnings.get(1).get("message").asText()).contains("no profile of vendor 'somebody-else'");
        assertThat(r.err()).contains("vra: warning: " + waivers + ":11:3: waiver for SUP-001");
    }

    @Test
    void aMissingOrInvalidWaiversFileIsAUsageError(@TempDir Path out) throws IOException {
        CliRunner.Result missing = run("assess", "--rules", RULES, "--waivers", out.resolve("nope.yaml").toString(),
                path("samples/pbx-incident.yaml"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(missing.err()).contains("nope.yaml: cannot read: no such file");
        Path bad = out.resolve("bad.yaml");
        Files.writeString(bad, "- vendor: x\n  rule: CORP-001\n  owner: me\n  expires: 2030-01-01\n  reason: typo\n",
                StandardCharsets.UTF_8);
        CliRunner.Result invalid = run("assess", "--rules", RULES, "--waivers", bad.toString(),
                path("samples/pbx-incident.yaml"));
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(invalid.err()).contains("bad.yaml:1:3: waiver is missing 'justification'")
                .contains("bad.yaml:5:3: unknown key 'reason'");
    }

    @Test
    void parseOnlyReadsAndValidatesWithoutRules() {
        CliRunner.Result r = run("assess", "--rules", RULES, "--parse-only", "--timings", dir());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.out()).isEqualTo("64 files, 60 valid, 4 invalid" + System.lineSeparator());
        assertThat(r.err()).contains("unknown key 'suport'").contains("timings: 64 profiles: latency p50");
    }

    @Test
    void noProgressBarWhenNotOnATerminal() {
        CliRunner.Result r = run("assess", "--rules", RULES, dir());
        assertThat(r.err()).doesNotContain("assess ").doesNotContain("%");
        assertThat(Progress.interactive()).isFalse();
    }
}
