package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain {@code java -jar} on a batch prints one line pointing at the launcher; the launcher's runs do not. */
class LauncherHintTest {
    private String saved;

    @BeforeEach
    void asPlainJavaJar() {
        saved = System.getProperty(LauncherHint.PROPERTY);
        System.clearProperty(LauncherHint.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved != null) {
            System.setProperty(LauncherHint.PROPERTY, saved);
        }
    }

    @Test
    void aFolderWithoutTheLauncherGetsTheHintOnceOnStderr() {
        CliRunner.Result r = run("assess", "--rules", path("rules"), "--exclude", "invalid", path("samples"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.err().lines().filter(l -> l.contains("hint")).toList()).containsExactly(LauncherHint.TEXT);
        assertThat(r.out()).doesNotContain("hint");
    }

    @Test
    void aFewFilesOrTheLauncherGetNoHint() {
        CliRunner.Result one = run("assess", "--rules", path("rules"), path("samples/pbx-incident.yaml"));
        assertThat(one.err()).isEmpty();
        System.setProperty(LauncherHint.PROPERTY, "1");
        CliRunner.Result launched = run("assess", "--rules", path("rules"), "--exclude", "invalid", path("samples"));
        assertThat(launched.err()).doesNotContain("hint");
    }

    @Test
    void aBatchIsWhatTheLauncherCallsOne() {
        assertThat(LauncherHint.isBatch(List.of("a.yaml", "b.yaml"), 2)).isFalse();
        assertThat(LauncherHint.isBatch(List.of("-"), 1)).isTrue();
        assertThat(LauncherHint.isBatch(List.of("vendors/**/*.yaml"), 3)).isTrue();
        assertThat(LauncherHint.isBatch(List.of(path("samples")), 5)).isTrue();
        assertThat(LauncherHint.isBatch(Collections.nCopies(1001, "x.yaml"), 1001)).isTrue();
        assertThat(LauncherHint.isBatch(Collections.nCopies(1000, "x.yaml"), 1000)).isFalse();
    }
}
