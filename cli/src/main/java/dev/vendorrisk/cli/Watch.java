package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * {@code vra test --watch} and {@code vra assess --watch}: run once, then again after every save of a
 * rule, scoring, test or profile file below the watched folders, until stopped. Between runs the JVM
 * stays warm and the rules are rebuilt incrementally ({@link IncrementalRules}): a saved rule file
 * recompiles that file alone; a saved test or profile reuses the rule base as it is. Broken rules
 * print their {@code file:line} diagnostics and the watch goes on with the last good rules. Ctrl-C
 * (or interrupting the thread that runs the watch) stops it: the folders are released and
 * {@code watch: stopped} is printed; the process then exits with 130, as any program stopped by
 * Ctrl-C.
 */
final class Watch {
    /** One run of the command with the given rules; returns its exit code. */
    interface Run {
        int with(VendorRiskAssessor assessor) throws Exception;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final IncrementalRules rules;
    private final Run run;

    private Watch(CommandLine.Model.CommandSpec spec, RulesOptions options, Run run) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        Set<String> disabled = new LinkedHashSet<>();
        options.disabled.forEach(d -> disabled.add(d.trim()));
        this.rules = new IncrementalRules(options.effectiveFolders(), disabled, options.trustRules, options.timeLimit);
        this.run = run;
    }

    /**
     * Runs {@code run} now and after every change below the rules folders and {@code inputs} (folders,
     * or files whose folder is watched), until the thread is interrupted.
     *
     * @return {@link ExitCodes#OK} once stopped
     */
    static int loop(CommandLine.Model.CommandSpec spec, RulesOptions options, Collection<Path> inputs, Run run) {
        Set<Path> roots = new LinkedHashSet<>();
        options.effectiveFolders().forEach(f -> roots.add(f.toAbsolutePath().normalize()));
        for (Path input : inputs) {
            Path p = input.toAbsolutePath().normalize();
            roots.add(java.nio.file.Files.isDirectory(p) || p.getParent() == null ? p : p.getParent());
        }
        return new Watch(spec, options, run).loop(roots, options.effectiveFolders().isEmpty());
    }

    /**
     * What {@code assess --watch} watches for its inputs: each file or folder, the folder a glob starts
     * from, and the waivers file.
     *
     * @throws CommandLine.ParameterException for standard input, which cannot be watched
     */
    static List<Path> folders(List<String> inputs, Path waivers, CommandLine.Model.CommandSpec spec) {
        List<Path> out = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals(Inputs.STDIN)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--watch cannot watch standard input ('-'); pass files, folders or globs");
            }
            int glob = firstGlobChar(input);
            if (glob < 0) {
                out.add(Path.of(input));
            } else {
                int slash = input.lastIndexOf('/', glob);
                out.add(Path.of(slash <= 0 ? (slash == 0 ? "/" : ".") : input.substring(0, slash)));
            }
        }
        if (waivers != null) {
            out.add(waivers);
        }
        return out;
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }

    private int loop(Set<Path> roots, boolean bundled) {
        Thread watching = Thread.currentThread();
        Thread stop = new Thread(() -> {
            watching.interrupt();
            try {
                watching.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vra-watch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (FileWatcher watcher = new FileWatcher(roots)) {
            err.println("watch: watching " + watcher.folders() + (watcher.folders() == 1 ? " folder" : " folders")
                    + " below " + roots.stream().map(Watch::shown).collect(Collectors.joining(", "))
                    + (bundled ? " (the rules bundled in the jar cannot change: pass --rules DIR to watch rules)" : "")
                    + "; Ctrl-C to stop");
            cycle(System.nanoTime(), "first run");
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = watcher.next();
                long start = System.nanoTime();
                out.println();
                out.println("--- " + LocalTime.now().format(TIME) + " " + describe(changed) + " changed");
                out.flush();
                cycle(start, "re-ran");
            }
        } catch (InterruptedException e) {
            // Ctrl-C, or the caller stopped the watch
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is what stopped us
            }
        }
        err.println("watch: stopped");
        err.flush();
        return ExitCodes.OK;
    }

    /** Rebuilds what changed and runs the command once; never throws for broken rules or inputs. */
    private void cycle(long start, String what) {
        VendorRiskAssessor assessor;
        try {
            assessor = rules.assessor();
        } catch (RuleBaseException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.render());
            }
            err.println("watch: the rules have " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
                    + "; nothing was run; fix and save (Ctrl-C to stop)");
            err.flush();
            return;
        }
        int recompiled = rules.recompiled();
        int rulesCompiled = rules.rulesCompiled();
        int code;
        try {
            code = run.with(assessor);
        } catch (CommandLine.ParameterException e) {
            throw e; // bad usage: no save fixes that
        } catch (AssessorException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.render());
            }
            code = ExitCodes.USAGE_OR_RULES;
        } catch (Exception e) {
            err.println("vra: " + e);
            code = ExitCodes.USAGE_OR_RULES;
        }
        out.flush();
        long ms = (System.nanoTime() - start) / 1_000_000;
        err.println("watch: " + what + " in " + ms + " ms (" + (recompiled == 0 ? "rules reused"
                : recompiled + (recompiled == 1 ? " rule file" : " rule files") + " compiled (" + rulesCompiled
                + (rulesCompiled == 1 ? " rule)" : " rules)")) + ", exit code " + code
                + "); waiting for changes, Ctrl-C to stop");
        err.flush();
    }

    private static String describe(Set<Path> changed) {
        List<String> names = new ArrayList<>();
        for (Path p : changed) {
            names.add(shown(p));
            if (names.size() == 3) {
                break;
            }
        }
        return String.join(", ", names) + (changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "");
    }

    /** A path relative to the working folder when it is below it. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
