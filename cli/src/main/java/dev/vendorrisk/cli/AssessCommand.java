package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import dev.vendorrisk.assessor.batch.BatchResult;
import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.report.HtmlReport;
import dev.vendorrisk.assessor.gate.Failure;
import dev.vendorrisk.assessor.gate.FailurePolicy;
import dev.vendorrisk.assessor.history.BaselineIndex;
import dev.vendorrisk.assessor.history.BaselineSummary;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.history.Snapshot;
import dev.vendorrisk.assessor.report.BaselineFirst;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.Report;
import dev.vendorrisk.assessor.report.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra assess}: assess vendor profiles and report. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        header = "Assess vendor profiles: findings, score and rating, outage exposure, recommendations.",
        description = {"Reads every FILE, every .yaml/.yml file below every DIR and every file a GLOB matches, assesses"
                + " each vendor profile in parallel and writes the reports: in path order, identical whatever --jobs is."
                + " After the last vendor the portfolio rules look at the whole batch. Diagnostics go to stderr."
                + " One invalid file never stops the batch."},
        footer = ExitCodes.HELP)
public final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    TodayOption today;

    @Parameters(paramLabel = "FILE|DIR|GLOB", arity = "1..*",
            description = "Profile files, folders (searched recursively) or globs such as 'vendors/**/*.yaml';"
                    + " '-' reads standard input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files matching GLOB (repeatable): without '/' it matches any file or folder name"
                    + " (--exclude drafts), with '/' the path or its end (--exclude 'old/**').")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=PATH]",
            description = "A report (repeatable): FORMAT is one of text, json, jsonl, csv, csv-summary, markdown, junit, sarif, html; =PATH writes it to a file (atomically:"
                    + " complete or not at all), without PATH to stdout (at most one). Default: text to stdout.")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Same as -o FORMAT: one report to stdout.")
    String format;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Worker threads: half of them read files, the others assess what was read (1: one thread"
                    + " does both). Default: the number of processors.")
    Integer jobs;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a vendor's rating reaches LEVEL (LOW, MEDIUM, HIGH, CRITICAL), or with"
                    + " 'severity:LEVEL' when an active finding reaches that severity (INFO..CRITICAL);"
                    + " 'rating:LEVEL' is the same as LEVEL.")
    String failOn;

    @Option(names = "--fail-on-score", paramLabel = "N",
            description = "Exit 1 when a vendor's risk score is N or more (0..100).")
    Double failOnScore;

    @Option(names = "--fail-on-new", paramLabel = "LEVEL",
            description = "With --baseline: exit 1 when a finding that is new since the baseline reaches severity LEVEL"
                    + " (INFO..CRITICAL), so CI can adopt vra on a portfolio without failing on what is already known.")
    String failOnNew;

    @Option(names = "--fail-on-overdue", description = "Exit 1 when a vendor's review is overdue on the run date.")
    boolean failOnOverdue;

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "Compare with the JSON report of an earlier run (-o json=FILE): each finding is new or"
                    + " unchanged, resolved ones are listed, and each service's rating and score move is shown."
                    + " Services match by vendor id and service name, so files may move or be renamed.")
    Path baselineFile;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Portfolio waivers file: a YAML list of accepted risks, each with vendor, rule,"
                    + " justification, owner and expires. Unused and expired waivers are reported once. Never read as"
                    + " a profile, even inside a folder you assess.")
    Path waiversFile;

    @Option(names = "--html-detail", paramLabel = "all|LEVEL|N",
            description = "Which services get a detail section in an html report (all are in its overview): all,"
                    + " those rated LEVEL or higher (LOW..CRITICAL), or the N riskiest. Default: the "
                    + HtmlReport.DEFAULT_DETAIL_LIMIT + " riskiest.")
    String htmlDetail;

    @Option(names = "--no-progress", description = "No progress bar (it only shows on a terminal, never in CI).")
    boolean noProgress;

    @Option(names = "--no-color", description = "No ANSI colours (they are only used on a terminal anyway).")
    boolean noColor;

    @Option(names = "--watch", description = "Stay running: assess again after every save of a profile, rule or"
            + " scoring file (docs/watch.md). Ctrl-C stops.")
    boolean watch;

    /** The rules a watch built (then this run neither builds nor watches). */
    VendorRiskAssessor prebuilt;

    @Option(names = "--parse-only", hidden = true,
            description = "Only read and validate the files (no rules, no reports): the benchmark's baseline.")
    boolean parseOnly;

    @Option(names = "--timings", hidden = true,
            description = "Print per-profile latency percentiles and the rate to stderr (for the benchmark).")
    boolean timings;

    private long compileNanos;

    /** Whether stdout is an interactive terminal; tests replace it. */
    static BooleanSupplier stdoutIsTerminal = () -> System.console() != null;

    /**
     * The files to assess without the {@code --waivers} file: it often sits in the folder of the profiles
     * it is about, and is a list of waivers, never a profile.
     */
    private List<String> withoutWaiversFile(List<String> files) {
        if (waiversFile == null) {
            return files;
        }
        Path waivers = canonical(waiversFile);
        List<String> out = new ArrayList<>(files.size());
        for (String f : files) {
            if (f.equals(Inputs.STDIN) || !canonical(Path.of(f)).equals(waivers)) {
                out.add(f);
            }
        }
        return out;
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    @Override
    public Integer call() throws IOException {
        if (watch && prebuilt == null) {
            return Watch.loop(spec, rules, Watch.folders(inputs, waiversFile, spec), assessor -> {
                prebuilt = assessor;
                return call();
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FailurePolicy policy = parsePolicy();
        List<OutputSpec> specs = parseOutputs();
        HtmlReport.Detail detail = parseHtmlDetail();
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw usage("--jobs must be 1 or more, was " + threads);
        }

        Inputs.Expanded expanded = Inputs.expand(inputs, excludes);
        for (String problem : expanded.unmatched()) {
            err.println("vra: " + problem);
        }
        for (String problem : expanded.missing()) {
            err.println("vra: " + problem);
        }
        if (!expanded.missing().isEmpty()) {
            return ExitCodes.USAGE_OR_RULES;
        }
        List<String> files = withoutWaiversFile(expanded.files());
        if (files.isEmpty()) {
            err.println("vra: no profile files to assess; pass .yaml files, folders that contain them, or globs"
                    + (excludes.isEmpty() ? "" : " (--exclude left none)"));
            return ExitCodes.USAGE_OR_RULES;
        }

        LauncherHint.onBatch(inputs, expanded.files().size(), err);
        long start = System.nanoTime();
        List<BatchInput> batchInputs = batchInputs(files);
        if (parseOnly) {
            return parseOnly(BatchAssessor.reading(new ProfileReader(), threads, timings), batchInputs, out, err, start);
        }
        LocalDate runDate = today.date(); // a bad --today is a usage error before anything is read
        BaselineIndex baseline = baselineFile == null ? null : BaselineIndex.read(baselineFile); // before any output
        VendorRiskAssessor assessor = prebuilt != null ? prebuilt : rules.builder().build();
        if (runDate != null) {
            assessor = assessor.withRunDate(runDate);
        }
        Set<String> ruleIds = new HashSet<>();
        assessor.rules().rules().forEach(m -> ruleIds.add(m.id()));
        BaselineSummary since = baseline == null ? null : new BaselineSummary(baseline.file(), baseline.runDate());
        compileNanos = System.nanoTime() - start;
        PortfolioWaivers waivers = waiversFile == null ? PortfolioWaivers.none()
                : PortfolioWaivers.of(assessor.reader().readWaivers(waiversFile));
        BatchAssessor batch = BatchAssessor.builder(assessor).jobs(threads).waivers(waivers).timings(timings).build();

        List<ReportOutput> sinks = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        Summary summary = new Summary();
        Verdict verdict = new Verdict();
        if (policy.active()) {
            summary.thresholds(policy.describe());
        }
        // The text report shows every diagnostic and waiver warning. When it goes to stdout on a terminal,
        // stderr (the same screen) would show each a second time; otherwise (stdout piped, other formats)
        // stderr carries them, so a person or a CI log always sees each one once.
        boolean diagnosticsOnScreen = stdoutIsTerminal.getAsBoolean()
                && specs.stream().anyMatch(o -> o.path() == null && o.format().equals("text"));
        try (Progress progress = Progress.of(batchInputs.size(), noProgress)) {
            for (OutputSpec o : specs) {
                sinks.add(o.open(out));
                Report report = OutputFormats.create(o.format(), o.path() == null && color(), assessor.rules(),
                        policy.severity(), o.path() != null, detail);
                boolean markdown = o.format().equals("markdown");
                reports.add(baseline != null && (markdown || o.format().equals("text"))
                        ? new BaselineFirst(report, markdown) : report);
            }
            for (int i = 0; i < reports.size(); i++) {
                reports.get(i).start(sinks.get(i).writer());
            }
            BatchResult result = batch.assess(batchInputs, raw -> {
                FileResult r = raw;
                if (raw.ok()) {
                    Snapshot now = baseline == null ? null : Snapshot.of(raw.assessment());
                    ServiceChange change = now == null ? null : baseline.compare(now, ruleIds);
                    if (since != null) {
                        since.add(now, change);
                    }
                    r = raw.judged(change, policy.judge(raw.assessment(), change));
                    verdict.add(r.failures());
                } else {
                    r = raw.judged(null, List.of());
                }
                summary.add(r);
                for (int i = 0; i < reports.size(); i++) {
                    reports.get(i).file(sinks.get(i).writer(), r);
                }
                if (!r.ok()) {
                    if (!diagnosticsOnScreen) {
                        for (Diagnostic d : r.errors()) {
                            err.println(d.render());
                        }
                    }
                }
                progress.step();
            });
            progress.close();
            summary.portfolio(result.portfolio());
            List<Failure> portfolioFailures = policy.judge(result.portfolio());
            summary.portfolioFailures(portfolioFailures);
            verdict.add(portfolioFailures);
            if (since != null) {
                since.removed(baseline.unseen());
                summary.baseline(since);
            }
            for (int i = 0; i < reports.size(); i++) {
                reports.get(i).finish(sinks.get(i).writer(), summary);
                sinks.get(i).commit();
            }
            if (!diagnosticsOnScreen) {
                for (Diagnostic w : result.portfolio().warnings()) {
                    err.println("vra: warning: " + w.render());
                }
            }
            verdict.print(err);
            printTimings(err, result, start);
        } finally {
            sinks.forEach(ReportOutput::close);
        }
        if (summary.invalidFiles() > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return verdict.count() > 0 ? ExitCodes.THRESHOLD : ExitCodes.OK;
    }

    /** The failures of a run, for stderr: a line each, up to {@link #SHOWN}, then how many more. */
    static final class Verdict {
        /** Lines printed at most; the reports list every failure. */
        static final int SHOWN = 100;
        private final List<String> lines = new ArrayList<>();
        private int count;

        void add(List<Failure> failures) {
            for (Failure f : failures) {
                count++;
                if (lines.size() < SHOWN) {
                    lines.add(f.text());
                }
            }
        }

        int count() {
            return count;
        }

        void print(PrintWriter err) {
            for (String line : lines) {
                err.println("vra: fail: " + line);
            }
            if (count > lines.size()) {
                err.println("vra: fail: ... and " + (count - lines.size()) + " more; the reports list them all");
            }
            err.flush();
        }
    }

    private int parseOnly(BatchAssessor batch, List<BatchInput> batchInputs, PrintWriter out, PrintWriter err,
                          long start) throws IOException {
        BatchResult result = batch.validate(batchInputs, r -> {
            for (Diagnostic d : r.errors()) {
                err.println(d.render());
            }
        });
        int invalid = result.files() - result.valid();
        out.println(result.files() + (result.files() == 1 ? " file, " : " files, ") + result.valid() + " valid, "
                + invalid + " invalid");
        out.flush();
        printTimings(err, result, start);
        return invalid > 0 ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    private void printTimings(PrintWriter err, BatchResult result, long start) {
        if (!timings || result.timings() == null) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "timings: %s; rules compiled in %.0f ms; %,d files in %.2f s = %,.0f files/s",
                result.timings().line(), compileNanos / 1e6, result.files(), seconds, result.files() / seconds));
        err.flush();
    }

    private List<BatchInput> batchInputs(List<String> files) {
        List<BatchInput> out = new ArrayList<>(files.size());
        for (String f : files) {
            if (f.equals(Inputs.STDIN)) {
                out.add(BatchInput.bytes("<stdin>", readStdin()));
            } else {
                out.add(BatchInput.file(f));
            }
        }
        return out;
    }

    private static byte[] readStdin() {
        try {
            InputStream in = System.in;
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private boolean color() {
        return !noColor && System.console() != null && System.getenv("NO_COLOR") == null;
    }

    private HtmlReport.Detail parseHtmlDetail() {
        try {
            return htmlDetail == null ? null : HtmlReport.Detail.parse(htmlDetail);
        } catch (IllegalArgumentException e) {
            throw usage("--html-detail: " + e.getMessage());
        }
    }

    private FailurePolicy parsePolicy() {
        if (failOnNew != null && baselineFile == null) {
            throw usage("--fail-on-new needs a baseline to tell what is new; add --baseline REPORT.json (the JSON report"
                    + " of an earlier run)");
        }
        try {
            return FailurePolicy.parse(failOn, failOnScore, failOnNew, failOnOverdue);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The {@code -o} and {@code --format} values: known formats, distinct files, at most one stdout report. */
    private List<OutputSpec> parseOutputs() {
        try {
            return OutputSpec.parse(outputs, format, OutputFormats.NAMES);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
