package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/history.md's CI recipe, run for real: {@code bin/vra-since-release} in a temporary git repository
 * whose last release tag had a well-run vendor that has since lost its staff.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SinceReleaseScriptTest {
    @TempDir
    Path repo;

    @Test
    void theReportOfTheLastReleaseTagIsTheBaselineOfToday() throws Exception {
        Path vendors = Files.createDirectories(repo.resolve("vendors"));
        Files.copy(CliRunner.ROOT.resolve("samples/pbx-incident.yaml"), vendors.resolve("pbx.yaml"));
        String msp = Files.readString(CliRunner.ROOT.resolve("samples/well-run-msp.yaml"));
        Files.writeString(vendors.resolve("nordic.yaml"), msp);
        copyRules(repo.resolve("rules"));
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "portfolio as reviewed");
        git("tag", "v1.0");
        Files.writeString(vendors.resolve("nordic.yaml"), msp.replace("  staffCount: 85", "  staffCount: 1")
                .replace("  technicalStaffCount: 60", "  technicalStaffCount: 1"));
        git("mv", "vendors/pbx.yaml", "vendors/telephony.yaml");        // a moved file is the same service
        git("commit", "-q", "-am", "Nordic lost its staff");

        Path vra = repo.resolve("vra-test.sh");
        Files.writeString(vra, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' dev.vendorrisk.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(vra, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder(CliRunner.ROOT.resolve("bin/vra-since-release").toString(), "vendors",
                "--rules", "rules", "--today", "2026-11-30", "--fail-on-new", "HIGH").directory(repo.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("VRA", vra.toString());
        env.put("VRA_CACHE_DIR", repo.resolve(".cache").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.THRESHOLD);
        assertThat(output).contains("vra: fail: nordic-managed-it has a new finding STAFF-001 (CRITICAL) since the"
                + " baseline (--fail-on-new HIGH)");
        String diff = Files.readString(repo.resolve("vra-history/diff.md"));
        assertThat(diff).startsWith("## Since the baseline")
                .contains("nordic-managed-it / Managed Microsoft 365 and endpoint management (vendors/nordic.yaml): LOW"
                        + " -\\> HIGH, +50.8")
                .contains("| new | CRITICAL | STAFF-001 | The provider is one person |")
                .doesNotContain("pbx-hosting-example");                  // moved, not changed
        assertThat(Files.readString(repo.resolve("vra-history/report.md"))).startsWith("## Since the baseline");
    }

    private void copyRules(Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(CliRunner.ROOT.resolve("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=CI", "-c", "user.email=ci@example.com",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_DATE", "2026-11-30T12:00:00Z"); // the tag's day, whatever today is
        pb.environment().put("GIT_COMMITTER_DATE", "2026-11-30T12:00:00Z");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
