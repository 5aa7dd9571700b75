package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    private static final String RULES = path("rules");

    @Test
    void theProjectsOwnRuleTestsPass() {
        CliRunner.Result r = run("test", "--rules", RULES, "-q");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("\\d+ passed, 0 failed").doesNotContain("Rules no case makes fire");
    }

    @Test
    void aFailingCaseShowsExpectedVersusActualAndExits1(@TempDir Path dir) throws IOException {
        Files.copy(Path.of(path("rules/tests/baseline.yaml")), dir.resolve("baseline.yaml"));
        Files.writeString(dir.resolve("mine.yaml"), """
                baseline: baseline.yaml
                cases:
                  - name: two people are not one
                    given:
                      company: {staffCount: 2, technicalStaffCount: 2}
                    expect:
                      fires: [STAFF-001]
                """);
        CliRunner.Result r = run("test", "--rules", RULES, dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(r.out()).contains("FAIL ").contains("mine.yaml:3  two people are not one")
                .contains("expected STAFF-001 to fire").contains("0 passed, 1 failed")
                .contains("Rules no case makes fire:");
    }

    @Test
    void junitOutput(@TempDir Path dir) {
        CliRunner.Result r = run("test", "--rules", RULES, "--format", "junit", path("rules/tests/staffing.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("<?xml").contains("<testsuites").contains("<testcase")
                .doesNotContain("<failure");
    }

    @Test
    void aBrokenTestFileIsAUsageErrorWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                cases:
                  - name: typo
                    profil: {}
                    expect: {fires: [STAFF-001]}
                """);
        CliRunner.Result r = run("test", "--rules", RULES, dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("bad.yaml:3:");
    }

    @Test
    void theTestsOfAnOverlayListOnlyTheOverlaysRulesAsUntested(@TempDir Path dir) throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine/tests"));
        Path overlay = CliRunner.ROOT.resolve("examples/mine");
        Files.copy(overlay.resolve("mine.drl"), dir.resolve("mine/mine.drl"));
        Files.copy(overlay.resolve("scoring.yaml"), dir.resolve("mine/scoring.yaml"));
        Files.copy(Path.of(path("samples/pbx-incident.yaml")), mine.resolve("pbx.yaml"));
        Files.writeString(mine.resolve("mine.yaml"), """
                baseline: pbx.yaml
                cases:
                  - name: a custom build with no alternative
                    expect:
                      fires: [MINE-001]
                """);
        CliRunner.Result r = run("test", "--rules", RULES, "--rules", dir.resolve("mine").toString(), mine.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Rules no case makes fire: STAFF-003" + System.lineSeparator())
                .contains("Rules no case shows not firing: MINE-001, STAFF-003" + System.lineSeparator())
                .contains("1 passed, 0 failed");
    }
}
