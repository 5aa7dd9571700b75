package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a first-time user ran into with {@code vra assess}, each fixed. */
class AssessTrapsTest {
    private static final String RULES = path("rules");
    private static final String TYPOS_ERROR = "typos-and-types.yaml:10:1: unknown key 'suport'; did you mean 'support'?";

    @TempDir
    Path dir;

    @Test
    void theWaiversFileInsideTheScannedFolderIsNotReadAsAProfile() throws IOException {
        Path vendors = Files.createDirectories(dir.resolve("vendors"));
        Files.copy(Path.of(path("samples/pbx-incident.yaml")), vendors.resolve("pbx.yaml"));
        Files.copy(Path.of(path("examples/waivers.yaml")), vendors.resolve("waivers.yaml"));

        CliRunner.Result r = run("assess", "--rules", RULES, vendors.toString(), "--waivers",
                vendors.resolve("waivers.yaml").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Summary: 1 file, 1 vendor").doesNotContain("INVALID");
        assertThat(r.out()).contains("CORP-001").contains("waived: support quality re-verified");
    }

    @Test
    void theWaiversFileNamedWithAnotherPathIsStillNotAProfile() throws IOException {
        Path vendors = Files.createDirectories(dir.resolve("vendors"));
        Files.copy(Path.of(path("samples/pbx-incident.yaml")), vendors.resolve("pbx.yaml"));
        Files.copy(Path.of(path("examples/waivers.yaml")), vendors.resolve("waivers.yaml"));

        CliRunner.Result r = run("assess", "--rules", RULES, vendors.resolve("waivers.yaml").toString(),
                vendors.resolve("pbx.yaml").toString(), "--waivers", dir.resolve("vendors/../vendors/waivers.yaml").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Summary: 1 file, 1 vendor");
    }

    @Test
    void aReportPathInAFolderThatDoesNotExistYetIsCreated() throws IOException {
        Path report = dir.resolve("out/ci/r.json");

        CliRunner.Result r = run("assess", "--rules", RULES, "-o", "json=" + report, path("samples/well-run-msp.yaml"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(report)).startsWith("{").contains("nordic-managed-it");
        try (var left = Files.list(report.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("r.json");
        }
    }

    @Test
    void aReportPathThatCannotBeAFolderIsAClearError() throws IOException {
        Files.writeString(dir.resolve("out"), "a file, not a folder");

        CliRunner.Result r = run("assess", "--rules", RULES, "-o", "json=" + dir.resolve("out/r.json"),
                path("samples/well-run-msp.yaml"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("cannot create the folder " + dir.resolve("out")).contains("choose another path for -o");
    }

    @Test
    void onATerminalEachDiagnosticIsPrintedOnce() {
        BooleanSupplier before = AssessCommand.stdoutIsTerminal;
        AssessCommand.stdoutIsTerminal = () -> true;
        try {
            CliRunner.Result r = run("assess", "--rules", RULES, path("examples/invalid/typos-and-types.yaml"));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            String screen = r.out() + r.err();
            assertThat(screen.split(java.util.regex.Pattern.quote(TYPOS_ERROR), -1)).as(screen).hasSize(2);

            CliRunner.Result json = run("assess", "--rules", RULES, "--format", "json",
                    path("examples/invalid/typos-and-types.yaml"));
            assertThat(json.err()).as("a JSON report on the terminal: the diagnostics go to stderr").contains(TYPOS_ERROR);
        } finally {
            AssessCommand.stdoutIsTerminal = before;
        }
    }

    @Test
    void withStdoutPipedTheDiagnosticsGoToStderrAsWell() {
        BooleanSupplier before = AssessCommand.stdoutIsTerminal;
        AssessCommand.stdoutIsTerminal = () -> false;
        try {
            CliRunner.Result r = run("assess", "--rules", RULES, path("examples/invalid/typos-and-types.yaml"));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err()).contains(TYPOS_ERROR);
            assertThat(r.out()).contains(TYPOS_ERROR);
        } finally {
            AssessCommand.stdoutIsTerminal = before;
        }
    }
}
