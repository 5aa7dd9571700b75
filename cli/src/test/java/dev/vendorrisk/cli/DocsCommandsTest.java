package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command in the docs runs. Each line of a {@code ```sh} block in README.md, CONTRIBUTING.md and
 * docs/*.md that calls {@code vra} or {@code bin/vra} is run through the real command line,
 * in-process, as if from the repository root, and must end with exit code 0, or the code its comment
 * names ({@code # exit 3}). A {@code ```text} block right after such a block is that command's output,
 * abridged: each of its lines (but {@code ...}) must be a line of what the command printed.
 * Any other command in a {@code ```sh} block must be one of {@link #COVERED_ELSEWHERE}, which says what
 * runs it; a new kind of command fails this test until it is run somewhere.
 *
 * <p>Paths: an argument that names something in the repository is read there; anything else a command
 * writes (reports, templates) goes to a fresh folder per page, shared by that page's commands in order.
 */
class DocsCommandsTest {
    /** Commands in the docs that are not {@code vra}, and what runs them instead. */
    static final Map<String, String> COVERED_ELSEWHERE = Map.ofEntries(
            Map.entry("mvn", "the build itself: CI runs 'mvn -B verify' through .ci/run; the tests run in it"),
            Map.entry("cd", "a step of the service's start command, run by the service's Quarkus tests"),
            Map.entry("java", "the service's start command (quarkus-run.jar): the service's Quarkus tests start the same app"),
            Map.entry("curl", "the service's endpoints: AssessmentResourceTest and BatchPortfolioTest post the same requests"),
            Map.entry("bench/startup.sh", "benchmark scripts take minutes; run by hand, their figures are in docs/benchmarks.md"),
            Map.entry("bench/run.sh", "benchmark scripts take minutes; run by hand, their figures are in docs/benchmarks.md"),
            Map.entry(".ci/run", "the CI entry point: it runs 'mvn -B verify'"),
            Map.entry("tar", "unpacking the distribution archive: the dist module's archive test does it"),
            Map.entry("export", "setting PATH for the unpacked archive: the dist module's archive test does it"),
            Map.entry("git", "reviewing a diff: it changes nothing"),
            Map.entry("bin/vra-since-release", "SinceReleaseScriptTest runs it on a temporary git repository"));

    private static final Pattern EXIT = Pattern.compile("\\bexit (\\d+)\\b");
    /** Far above any docs command's time, even on a busy machine: only a command that never ends hits it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** One command of a page. */
    record Command(Path page, int line, String text, List<String> words, int exitCode, List<String> output) {
        String where() {
            return MarkdownFiles.shown(page) + ":" + line;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVraCommandInTheDocsRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : MarkdownFiles.docs()) {
            List<Command> commands = commands(page);
            if (commands.stream().noneMatch(c -> isVra(c.words()))) {
                continue;
            }
            Path work = Files.createDirectories(Path.of("target", "docs-commands", MarkdownFiles.shown(page)
                    .replace('/', '_'))).toAbsolutePath();
            clean(work);
            for (Command c : commands) {
                if (isVra(c.words())) {
                    tests.add(DynamicTest.dynamicTest(c.where() + " " + c.text(),
                            () -> assertTimeoutPreemptively(TIMEOUT, () -> run(c, work), c.where() + ": still running")));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyOtherCommandInTheDocsIsRunElsewhere() {
        List<String> unknown = new ArrayList<>();
        for (Path page : MarkdownFiles.docs()) {
            for (Command c : commands(page)) {
                if (!isVra(c.words()) && !isWatch(c.words()) && !COVERED_ELSEWHERE.containsKey(c.words().get(0))) {
                    unknown.add(c.where() + ": " + c.text());
                }
            }
        }
        assertThat(unknown).as("commands in ```sh blocks that no test runs; run them in a test, or say in"
                + " DocsCommandsTest.COVERED_ELSEWHERE what covers them").isEmpty();
    }

    @Test
    void theQuickStartIsThere() {
        List<Command> readme = commands(CliRunner.ROOT.resolve("README.md"));
        assertThat(readme).as("the README's quick start").anySatisfy(c -> {
            assertThat(c.words()).containsExactly("bin/vra", "assess", "samples/");
            assertThat(c.exitCode()).isZero();
            assertThat(c.output()).isNotEmpty();
        });
        assertThat(readme).as("the README's test command").anySatisfy(c ->
                assertThat(c.words()).containsExactly("mvn", "-B", "verify"));
    }

    /**
     * A {@code vra} command this test runs. Watch modes run until Ctrl-C, so they are left to the watch
     * mode's own tests, which save files and stop the watch.
     */
    private static boolean isVra(List<String> words) {
        return (words.get(0).equals("vra") || words.get(0).equals("bin/vra")) && !words.contains("--watch");
    }

    private static boolean isWatch(List<String> words) {
        return (words.get(0).equals("vra") || words.get(0).equals("bin/vra")) && words.contains("--watch");
    }

    /** The commands of a page's {@code ```sh} blocks, each with its expected exit code and output. */
    static List<Command> commands(Path page) {
        List<Command> commands = new ArrayList<>();
        List<MarkdownFiles.Block> blocks = MarkdownFiles.blocks(page);
        for (int b = 0; b < blocks.size(); b++) {
            MarkdownFiles.Block block = blocks.get(b);
            if (!block.info().equals("sh") && !block.info().equals("bash")) {
                continue;
            }
            List<String> output = b + 1 < blocks.size() && blocks.get(b + 1).info().equals("text")
                    && blocks.get(b + 1).followsBlockDirectly() ? blocks.get(b + 1).lines() : List.of();
            List<Command> inBlock = new ArrayList<>();
            StringBuilder pending = new StringBuilder();
            int start = 0;
            for (int i = 0; i < block.lines().size(); i++) {
                String line = block.lines().get(i);
                if (pending.isEmpty()) {
                    start = block.line() + i;
                }
                if (line.endsWith("\\")) {
                    pending.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                pending.append(line);
                String full = pending.toString().strip();
                pending.setLength(0);
                if (full.startsWith("$ ")) {
                    full = full.substring(2);
                }
                String comment = "";
                int hash = commentStart(full);
                if (hash >= 0) {
                    comment = full.substring(hash);
                    full = full.substring(0, hash).strip();
                }
                if (full.isEmpty()) {
                    continue;
                }
                Matcher exit = EXIT.matcher(comment);
                int code = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
                for (String part : full.split("&&")) {
                    List<String> words = words(part.strip());
                    if (!words.isEmpty()) {
                        inBlock.add(new Command(page, start, part.strip(), words, code, List.of()));
                    }
                }
            }
            if (!inBlock.isEmpty() && !output.isEmpty()) {
                Command last = inBlock.remove(inBlock.size() - 1);
                inBlock.add(new Command(last.page(), last.line(), last.text(), last.words(), last.exitCode(), output));
            }
            commands.addAll(inBlock);
        }
        return commands;
    }

    /** Where a shell comment starts: a '#' at the start or after a blank, outside quotes; -1 if none. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** Shell words: split at blanks, quotes removed. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static void run(Command c, Path work) throws IOException {
        List<String> args = new ArrayList<>(c.words().subList(1, c.words().size()));
        Path stdoutFile = null;
        int redirect = args.indexOf(">");
        if (redirect >= 0) {
            stdoutFile = outputPath(args.get(redirect + 1), work);
            args.subList(redirect, redirect + 2).clear();
        }
        List<String> resolved = resolve(args, work);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(resolved.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String stdout = normalize(out.toString(), work);
        String stderr = normalize(err.toString(), work);
        if (stdoutFile != null) {
            Files.createDirectories(stdoutFile.getParent());
            Files.writeString(stdoutFile, out.toString(), StandardCharsets.UTF_8);
        }
        if (code != c.exitCode()) {
            fail("%s: '%s' ended with exit code %d, the page says %d (mark another code with '# exit N')%n"
                    + "run as: vra %s%nstdout:%n%s%nstderr:%n%s", c.where(), c.text(), code, c.exitCode(),
                    String.join(" ", resolved), tail(stdout), tail(stderr));
        }
        List<String> printed = (stdout + "\n" + stderr).lines().map(String::stripTrailing).toList();
        for (String expected : c.output()) {
            String line = expected.stripTrailing();
            if (line.isBlank() || line.strip().equals("...")) {
                continue;
            }
            assertThat(printed).as("%s: the output shown after '%s' has a line the command does not print", c.where(),
                    c.text()).contains(line);
        }
    }

    /**
     * The arguments as the command sees them from the repository root: the command words stay, paths
     * that exist in the repository point there, other paths (files a command writes) into {@code work}.
     * Commands that read rules get the repository's {@code rules/} when they name none, as {@code ./rules}
     * is their default in the repository root.
     */
    static List<String> resolve(List<String> args, Path work) {
        List<String> out = new ArrayList<>();
        CommandLine cli = Main.commandLine();
        int i = 0;
        while (i < args.size() && cli.getSubcommands().containsKey(args.get(i))) {
            cli = cli.getSubcommands().get(args.get(i));
            out.add(args.get(i));
            i++;
        }
        CommandSpec spec = cli.getCommandSpec();
        int commandWords = i;
        boolean namesRules = false;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-") && !arg.equals("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                OptionSpec option = spec.findOption(name);
                namesRules |= name.equals("--rules");
                if (option == null || option.arity().max() == 0) {
                    out.add(arg);
                    continue;
                }
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : args.get(++i);
                String rewritten = optionValue(name, option, value, work);
                out.add(arg.contains("=") ? name + "=" + rewritten : name);
                if (!arg.contains("=")) {
                    out.add(rewritten);
                }
            } else {
                out.add(path(arg, work));
            }
        }
        if (!namesRules && spec.findOption("--rules") != null) {
            out.addAll(commandWords, List.of("--rules", CliRunner.ROOT.resolve("rules").toString()));
        }
        return out;
    }

    private static String optionValue(String name, OptionSpec option, String value, Path work) {
        if (name.equals("-o") || name.equals("--output")) {
            int eq = value.indexOf('=');
            return eq < 0 ? value : value.substring(0, eq + 1) + outputPath(value.substring(eq + 1), work);
        }
        boolean isPath = option.type() == Path.class
                || List.of(option.auxiliaryTypes()).contains(Path.class);
        return isPath ? path(value, work) : value;
    }

    /** A path argument: in the repository when it is there, else in the work folder; other words unchanged. */
    private static String path(String arg, Path work) {
        if (arg.equals("-") || arg.isEmpty()) {
            return arg;
        }
        Path inRepo = CliRunner.ROOT.resolve(arg);
        if (Files.exists(inRepo)) {
            return inRepo.toString();
        }
        if (Files.exists(work.resolve(arg)) || arg.contains("/") || arg.matches(".*\\.(ya?ml|json|xml|drl|md)")) {
            return outputPath(arg, work).toString();
        }
        return arg;
    }

    private static Path outputPath(String arg, Path work) {
        return work.resolve(arg).normalize();
    }

    /** What a command printed, with the repository and work folders taken out of paths. */
    private static String normalize(String s, Path work) {
        return s.replace(work + "/", "").replace(CliRunner.ROOT + "/", "");
    }

    private static String tail(String s) {
        return s.length() > 3000 ? "..." + s.substring(s.length() - 3000) : s;
    }

    private static void clean(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
