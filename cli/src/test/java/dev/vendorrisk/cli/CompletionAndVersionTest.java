package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.rules.RuleCache;
import dev.vendorrisk.assessor.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vra completion bash|zsh} and what {@code vra --version} names. */
class CompletionAndVersionTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearHomeRules() {
        System.clearProperty(RulesOptions.HOME_RULES);
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private Path script(String shell) throws IOException {
        CliRunner.Result r = run("completion", shell);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        Path file = dir.resolve("vra." + shell);
        Files.writeString(file, r.out());
        return file;
    }

    /** What the completion function offers for the words of a command line (the last one being completed). */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String quoted = String.join(" ", Stream.of(words).map(w -> "'" + w + "'").toList());
        // compopt only works inside a real completion: a no-op here
        String out = bash("source '" + script + "'; compopt() { :; }; COMP_WORDS=(" + quoted + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_vra; printf '%s\\n' \"${COMPREPLY[@]}\"");
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void bashCompletionIsValidBashAndCompletesSubcommandsAndOptions() throws Exception {
        Path script = script("bash");
        bash("bash -n '" + script + "'");
        assertThat(Files.readString(script)).contains("assess", "test", "rules", "explain", "schema", "init",
                "completion", "complete -F _complete_vra");
        assertThat(complete(script, "vra", "as")).containsExactly("assess");
        assertThat(complete(script, "vra", "rules", "ch")).containsExactly("check");
        assertThat(complete(script, "vra", "assess", "--fail-on-s")).containsExactly("--fail-on-score");
        assertThat(complete(script, "vra", "completion", "")).contains("bash", "zsh");
    }

    @Test
    void zshCompletionLoadsBashcompinitAndIsTheSameScript() throws Exception {
        Path script = script("zsh");
        bash("bash -n '" + script + "'");
        String text = Files.readString(script);
        assertThat(text).contains("ZSH_VERSION", "bashcompinit", "complete -F _complete_vra");
        assertThat(complete(script, "vra", "te")).containsExactly("test");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRunner.Result r = run("completion", "fish");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("fish").contains("bash, zsh");
    }

    @Test
    void versionNamesTheRuleSetByItsCacheKeyAndTheJava() throws IOException {
        Path rules = dir.resolve("rules");
        copy(Path.of(path("rules")), rules);
        System.setProperty(RulesOptions.HOME_RULES, rules.toString());

        CliRunner.Result r = run("--version");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("vra ");
        RuleSet set = RuleSet.read(List.of(rules), null);
        String key = new RuleCache(dir).key(set.drl(), set.scoringFiles());
        assertThat(lines.get(1)).isEqualTo("rules: " + rules + " (" + set.drl().size() + " rule files), hash "
                + key.substring(0, VersionProvider.HASH_CHARS));
        assertThat(lines.get(2)).startsWith("java: " + System.getProperty("java.runtime.version"))
                .contains(System.getProperty("java.home"));

        Files.writeString(rules.resolve("support.drl"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        String changed = run("--version").out().lines().toList().get(1);
        assertThat(changed).as("another rule set, another hash").isNotEqualTo(lines.get(1)).startsWith("rules: " + rules);
    }

    @Test
    void withoutAnInstalledRulesFolderVersionNamesTheBundledRules() {
        CliRunner.Result r = run("--version");
        assertThat(r.out()).containsPattern("rules: bundled in the jar \\(\\d+ rule files\\), hash [0-9a-f]{12}");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
