package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch modes, in process: a watch runs on a temporary copy of the rules, the test edits files as
 * an editor would and reads what the watch prints; interrupting the watch's thread stops it as Ctrl-C does.
 */
class WatchTest {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private Thread watch;

    private void start(String... args) {
        watch = new Thread(() -> exit.set(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))),
                "watch-under-test");
        watch.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (watch != null && watch.isAlive()) {
            watch.interrupt();
            watch.join(PATIENCE.toMillis());
        }
    }

    /** Waits until what the watch printed to {@code stream} satisfies {@code condition}. */
    private void await(StringWriter stream, String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(stream.toString())) {
            assertThat(watch.isAlive()).as("the watch ended early; out:\n" + out + "\nerr:\n" + err).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + what + "; out:\n" + out + "\nerr:\n" + err)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void reRunsTheTestsOnEverySaveShowsBrokenRulesAndGoesOn() throws Exception {
        Path rules = dir.resolve("rules");
        CompletionAndVersionTest.copy(Path.of(path("rules")), rules);
        Path support = rules.resolve("support.drl");
        String original = Files.readString(support);

        start("test", "--watch", "-q", "--rules", rules.toString());
        await(out, "the first run", o -> o.contains(" passed, 0 failed"));
        await(err, "the first status line", e -> e.contains("watch: first run in "));
        assertThat(err.toString()).contains("watch: watching 2 folders below " + rules);

        // SUP-001 can no longer fire: its rule tests fail, and only that rule of support.drl is recompiled
        Files.writeString(support, original.replace("Support(channels != null, channels not contains Channel.PHONE",
                "Support(channels == null, channels not contains Channel.PHONE"));
        await(err, "the re-run", e -> e.contains("re-ran in "));
        assertThat(out.toString()).contains("--- ").contains("support.drl changed").contains("FAIL ")
                .contains("expected SUP-001 to fire").containsPattern("\\d+ passed, [1-9]\\d* failed");
        assertThat(err.toString()).contains("(1 rule file compiled (1 rule), exit code 1)");

        // a syntax error: file and line, nothing run, the watch goes on
        Files.writeString(support, original.replace("then\n    insert(hit(kcontext, ev(\"support.channels\", $ch)));",
                "thne\n    insert(hit(kcontext, ev(\"support.channels\", $ch)));"));
        await(err, "the compile error", e -> e.contains("watch: the rules have"));
        assertThat(err.toString()).containsPattern(java.util.regex.Pattern.quote(support.toString()) + ":\\d+");
        assertThat(watch.isAlive()).isTrue();

        // fixed: all pass again
        Files.writeString(support, original);
        await(out, "the fixed run", o -> count(o, " passed, 0 failed") == 2);
        await(err, "its status line", e -> count(e, "re-ran in ") == 2);
        assertThat(err.toString()).as("the broken save never took effect: the fix differs from the rules in effect by one rule")
                .contains("(1 rule file compiled (1 rule), exit code 0)");

        // a saved test file re-runs with the rules as they are
        Path tests = rules.resolve("tests/support.yaml");
        Files.writeString(tests, Files.readString(tests) + "\n# touched\n");
        await(err, "the test file's re-run", e -> count(e, "re-ran in ") == 3);
        assertThat(err.toString()).contains("(rules reused, exit code 0)");
        // editors' swap files do not start a run
        Files.writeString(rules.resolve(".support.drl.swp"), "x");
        Files.writeString(rules.resolve("support.drl~"), "x");

        watch.interrupt();
        watch.join(PATIENCE.toMillis());
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).endsWith("watch: stopped" + System.lineSeparator());
        assertThat(count(err.toString(), "re-ran in ")).as("swap and backup files are ignored").isEqualTo(3);
    }

    @Test
    void assessWatchReReadsASavedProfile() throws Exception {
        Path vendors = Files.createDirectories(dir.resolve("vendors"));
        Path profile = vendors.resolve("pbx.yaml");
        Files.copy(Path.of(path("samples/pbx-incident.yaml")), profile);

        start("assess", "--watch", "--rules", path("rules"), vendors.toString());
        await(out, "the first run", o -> o.contains("Example PBX Hosting s.r.o."));
        await(err, "its status line", e -> e.contains("watch: first run in "));

        Files.writeString(profile, Files.readString(profile).replace("name: Example PBX Hosting s.r.o.",
                "name: Renamed PBX Hosting"));
        await(out, "the re-run", o -> o.contains("Renamed PBX Hosting"));
        await(err, "its status line", e -> e.contains("re-ran in "));
        assertThat(err.toString()).contains("(rules reused, exit code 0)");
    }

    @Test
    void standardInputCannotBeWatched() {
        CliRunner.Result r = CliRunner.run("assess", "--watch", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(r.err()).contains("--watch cannot watch standard input");
    }

    @Test
    void theEditorFilesAWatchIgnores() throws IOException {
        assertThat(FileWatcher.relevant(Path.of("rules/support.drl"))).isTrue();
        assertThat(FileWatcher.relevant(Path.of("rules/tests/a.yml"))).isTrue();
        assertThat(FileWatcher.relevant(Path.of("rules/.support.drl.swp"))).isFalse();
        assertThat(FileWatcher.relevant(Path.of("rules/support.drl~"))).isFalse();
        assertThat(FileWatcher.relevant(Path.of("rules/4913"))).isFalse();
        assertThat(FileWatcher.relevant(Path.of("rules/#support.drl#"))).isFalse();
    }
}
