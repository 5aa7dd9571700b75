package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.report.Report;
import dev.vendorrisk.assessor.report.Summary;
import dev.vendorrisk.assessor.report.TextReport;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra assess}: assess vendor profiles and report. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        header = "Assess vendor profiles: findings, score and rating, outage exposure, recommendations.",
        description = "Reads every FILE, and every .yaml/.yml file below every DIR, assesses each vendor profile"
                + " and prints a report to stdout. Diagnostics go to stderr. One invalid file never stops the batch.",
        footer = ExitCodes.HELP)
public final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Profile files or folders; '-' reads standard input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files matching GLOB (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a vendor's rating reaches LEVEL (LOW, MEDIUM, HIGH, CRITICAL), or with"
                    + " 'severity:LEVEL' when an active finding reaches that severity (INFO..CRITICAL);"
                    + " 'rating:LEVEL' is the same as LEVEL.")
    String failOn;

    @Option(names = "--no-color", description = "No ANSI colours (they are only used on a terminal anyway).")
    boolean noColor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Threshold threshold;
        try {
            threshold = Threshold.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Report report = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReport(!noColor && System.console() != null && System.getenv("NO_COLOR") == null);
            case "json" -> new JsonReport();
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown format '" + format + "'; use text or json");
        };
        Inputs.Expanded expanded = Inputs.expand(inputs, excludes);
        for (String problem : expanded.unmatched()) {
            err.println("vra: " + problem);
        }
        if (expanded.files().isEmpty()) {
            err.println("vra: no profile files to assess; pass .yaml files or folders that contain them");
            return ExitCodes.USAGE_OR_RULES;
        }
        VendorRiskAssessor assessor = rules.builder().build();
        Summary summary = new Summary();
        boolean reached = false;
        try {
            report.start(out);
            for (String file : expanded.files()) {
                FileResult result = assessOne(assessor, file);
                summary.add(result);
                report.file(out, result);
                if (!result.ok()) {
                    for (Diagnostic d : result.errors()) {
                        err.println(d.render());
                    }
                } else if (threshold != null && threshold.reachedBy(result.assessment())) {
                    reached = true;
                }
            }
            report.finish(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        if (summary.invalidFiles() > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return reached ? ExitCodes.THRESHOLD : ExitCodes.OK;
    }

    private static FileResult assessOne(VendorRiskAssessor assessor, String file) {
        try {
            ParsedProfile parsed = file.equals(Inputs.STDIN)
                    ? assessor.reader().read("<stdin>", System.in.readAllBytes())
                    : assessor.reader().read(Path.of(file));
            Assessment assessment = assessor.assess(parsed, List.of());
            return FileResult.of(assessment);
        } catch (InvalidProfileException e) {
            return FileResult.failed(file, e.diagnostics());
        } catch (IOException e) {
            return FileResult.failed(file, List.of(new Diagnostic(file, 0, 0, "cannot read: " + e.getMessage())));
        }
    }

    /** A {@code --fail-on} threshold: a rating, or a finding severity. */
    record Threshold(Rating rating, Severity severity) {
        static Threshold parse(String text) {
            if (text == null) {
                return null;
            }
            String t = text.trim();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("severity:")) {
                Severity s = Severity.parse(t.substring("severity:".length()));
                if (s == null) {
                    throw new IllegalArgumentException("--fail-on: unknown severity in '" + text
                            + "'; use INFO, LOW, MEDIUM, HIGH or CRITICAL");
                }
                return new Threshold(null, s);
            }
            String level = lower.startsWith("rating:") ? t.substring("rating:".length()) : t;
            Rating r = Rating.parse(level);
            if (r == null) {
                throw new IllegalArgumentException("--fail-on: unknown level '" + text
                        + "'; use LOW, MEDIUM, HIGH, CRITICAL, or severity:INFO..CRITICAL");
            }
            return new Threshold(r, null);
        }

        boolean reachedBy(Assessment a) {
            if (rating != null) {
                return a.rating().compareTo(rating) >= 0;
            }
            for (Finding f : a.activeFindings()) {
                if (f.severity().compareTo(severity) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
