package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.testing.CaseResult;
import dev.vendorrisk.assessor.testing.JUnitXml;
import dev.vendorrisk.assessor.testing.RuleTestSuite;
import dev.vendorrisk.assessor.testing.RuleTests;
import dev.vendorrisk.assessor.testing.TestReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLStreamException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra test}: run rule tests written as data. */
@Command(name = "test", mixinStandardHelpOptions = true,
        header = "Run rule tests: YAML cases of a profile and the findings that must and must not fire.",
        description = "Runs every test file (*.yaml) below each DIR (default: the tests/ folder of each rules"
                + " folder, e.g. rules/tests) against the rules, prints each case passed or failed with expected"
                + " versus actual, the counts, and the rules no case makes fire.",
        footer = ExitCodes.HELP)
public final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    TodayOption today;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Test files or folders.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text or junit. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the counts.")
    boolean quiet;

    @Option(names = "--watch", description = "Stay running: run the tests again after every save of a rule, scoring"
            + " or test file (docs/watch.md). Ctrl-C stops.")
    boolean watch;

    /** The rules a watch built (then this run neither builds nor watches). */
    VendorRiskAssessor prebuilt;

    /** In a watch, the test files as last read: a save re-reads only the files that changed. */
    private final RuleTests.Cache testFiles = new RuleTests.Cache();
    /** In a watch, the profiles of the cases as read by earlier runs (cases of unchanged files are the same). */
    private final java.util.concurrent.ConcurrentMap<dev.vendorrisk.assessor.testing.RuleTestCase,
            dev.vendorrisk.assessor.profile.ParsedProfile> read = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Integer call() throws XMLStreamException {
        if (watch && prebuilt == null) {
            return Watch.loop(spec, rules, dirs, assessor -> {
                prebuilt = assessor;
                return call();
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("junit")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "'; use text or junit");
        }
        List<Path> targets = new ArrayList<>(dirs);
        if (targets.isEmpty()) {
            List<Path> folders = rules.effectiveFolders();
            for (Path folder : folders) {
                if (Files.isDirectory(folder.resolve("tests"))) {
                    targets.add(folder.resolve("tests"));
                }
            }
        }
        if (targets.isEmpty()) {
            err.println("vra: no rule tests to run; pass a folder of test files (e.g. rules/tests)");
            return ExitCodes.USAGE_OR_RULES;
        }
        VendorRiskAssessor assessor = prebuilt != null ? prebuilt : rules.builder().build();
        // every problem of every file at once
        RuleTestSuite suite = watch ? RuleTests.load(targets, assessor.rules(), testFiles) : RuleTests.load(targets, assessor.rules());
        if (watch) {
            read.keySet().retainAll(new java.util.HashSet<>(suite.cases()));
        }
        TestReport report = RuleTests.run(assessor, suite, testedFolders(targets), today.date(), watch ? read : null);
        if (fmt.equals("junit")) {
            JUnitXml.write(report, out);
        } else {
            for (CaseResult r : report.results()) {
                if (!r.passed()) {
                    out.println("FAIL " + r.location() + "  " + r.name());
                    for (String failure : r.failures()) {
                        out.println("     " + failure);
                    }
                } else if (!quiet) {
                    out.println("ok   " + r.location() + "  " + r.name());
                }
            }
            out.println();
            if (!report.uncovered().isEmpty()) {
                out.println("Rules no case makes fire: " + String.join(", ", report.uncovered()));
            }
            if (!report.unrefuted().isEmpty()) {
                out.println("Rules no case shows not firing: " + String.join(", ", report.unrefuted()));
            }
            out.println(report.passed() + " passed, " + report.failed() + " failed");
        }
        out.flush();
        return report.allPassed() ? ExitCodes.OK : ExitCodes.THRESHOLD;
    }

    /**
     * The rules folders that hold the tests being run ({@code mine/tests} belongs to {@code mine}):
     * the coverage lists only their rules. None when no test lies in a rules folder: then every rule.
     */
    private List<Path> testedFolders(List<Path> targets) {
        List<Path> out = new ArrayList<>();
        for (Path folder : rules.effectiveFolders()) {
            Path root = folder.toAbsolutePath().normalize();
            if (targets.stream().anyMatch(t -> t.toAbsolutePath().normalize().startsWith(root)) && !out.contains(folder)) {
                out.add(folder);
            }
        }
        return out;
    }
}
