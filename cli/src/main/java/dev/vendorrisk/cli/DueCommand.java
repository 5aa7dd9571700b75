package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.history.ReviewCalendar;
import dev.vendorrisk.assessor.history.ReviewCalendar.Review;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.report.DueReport;
import dev.vendorrisk.assessor.scoring.PolicyReader;
import dev.vendorrisk.assessor.scoring.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra due}: the review calendar. */
@Command(name = "due", mixinStandardHelpOptions = true,
        header = "List the vendor reviews that are overdue or due soon, by date: text, csv, json, markdown or ical.",
        description = {"Reads the profiles (no rules run) and lists each service whose next review (assessedOn plus"
                + " the tier's review interval from the scoring file) is overdue on the run date or due within"
                + " --within days, sorted by date, with the owner the profile names (assessment.assessor)."
                + " '-f ical' writes an iCalendar file a calendar can subscribe to, one event per review."},
        footer = ExitCodes.HELP)
public final class DueCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    TodayOption today;

    @Parameters(paramLabel = "FILE|DIR|GLOB", arity = "1..*", description = "Profile files, folders or globs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files matching GLOB (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--within", paramLabel = "DAYS", defaultValue = "30",
            description = "Also list reviews due within DAYS days of the run date. Default: ${DEFAULT-VALUE}.")
    int within;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, csv, json, markdown or ical. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write to PATH (atomically: complete or not at all) instead of stdout.")
    Path output;

    @Option(names = "--fail-on-overdue", description = "Exit 1 when any listed review is overdue.")
    boolean failOnOverdue;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!DueReport.FORMATS.contains(fmt)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "'; use one of "
                    + String.join(", ", DueReport.FORMATS));
        }
        if (within < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--within must be 0 or more days, was " + within);
        }
        LocalDate runDate = today.orClock();
        Inputs.Expanded expanded = Inputs.expand(inputs, excludes);
        expanded.unmatched().forEach(p -> err.println("vra: " + p));
        expanded.missing().forEach(p -> err.println("vra: " + p));
        if (!expanded.missing().isEmpty()) {
            return ExitCodes.USAGE_OR_RULES;
        }
        Policy policy = rules.ruleSet().policy();
        PolicyReader.check("scoring", policy);
        Map<String, Double> limits = policy.flatLimits();
        ProfileReader reader = new ProfileReader();
        List<Review> reviews = new ArrayList<>();
        int invalid = 0;
        for (String file : expanded.files()) {
            if (file.equals(Inputs.STDIN)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "vra due reads files, not standard input");
            }
            try {
                Review r = ReviewCalendar.of(reader.read(Path.of(file)), policy, limits, runDate);
                if (r.daysLeft() <= within) {
                    reviews.add(r);
                }
            } catch (InvalidProfileException e) {
                invalid++;
                for (Diagnostic d : e.diagnostics()) {
                    err.println(d.render());
                }
            }
        }
        reviews.sort(Review.BY_DATE);
        ReportOutput sink = output == null ? ReportOutput.stdout(out) : ReportOutput.file(output);
        try {
            DueReport.write(reviews, runDate, within, fmt, sink.writer());
            sink.commit();
        } finally {
            sink.close();
        }
        long overdue = reviews.stream().filter(Review::overdue).count();
        if (failOnOverdue) {
            reviews.stream().filter(Review::overdue).forEach(r -> err.println("vra: fail: "
                    + dev.vendorrisk.assessor.gate.FailurePolicy.overdueText(r.vendorId(), r.due(), runDate)));
        }
        if (invalid > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return failOnOverdue && overdue > 0 ? ExitCodes.THRESHOLD : ExitCodes.OK;
    }
}
