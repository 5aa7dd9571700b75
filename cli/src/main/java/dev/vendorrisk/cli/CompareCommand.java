package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.compare.Comparison;
import dev.vendorrisk.assessor.compare.ComparisonFormat;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra compare}: two to ten candidate profiles for the same need, side by side and ranked. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Compare candidate vendors for the same need: ranking with reasons, findings, facts that differ.",
        description = {"Assesses each FILE (2 to " + Comparison.MAX_CANDIDATES + " profiles of candidates for the same"
                + " need) and ranks them lowest risk first: by rating, then score, then outage exposure per incident"
                + " (when the currencies agree), then file name. Shows why each candidate is where it is, which"
                + " candidate has which finding, and the facts in which the profiles differ. An invalid file is"
                + " reported (exit 3) and the others are still compared."},
        footer = "%nExit codes:%n"
                + "  0  compared; no threshold reached%n"
                + "  1  --fail-on: even the best candidate is rated LEVEL or higher%n"
                + "  2  usage error (fewer than 2 or more than " + Comparison.MAX_CANDIDATES + " files), or broken rules%n"
                + "  3  at least one file was invalid (the valid ones are still compared)%n")
public final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    TodayOption today;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Candidate profiles ('-' is not accepted: each"
            + " candidate needs a file name).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=PATH]",
            description = "A report (repeatable): FORMAT is one of text, markdown, json, html; =PATH writes it to a file"
                    + " (atomically), without PATH to stdout (at most one). Default: text to stdout.")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Same as -o FORMAT: one report to stdout.")
    String format;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when even the best candidate is rated LEVEL (LOW, MEDIUM, HIGH, CRITICAL) or higher:"
                    + " no acceptable candidate.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<OutputSpec> specs = parseOutputs();
        Rating threshold = null;
        if (failOn != null) {
            threshold = Rating.parse(failOn);
            if (threshold == null) {
                throw usage("--fail-on: unknown level '" + failOn + "'; use LOW, MEDIUM, HIGH or CRITICAL");
            }
        }
        if (files.size() < 2 || files.size() > Comparison.MAX_CANDIDATES) {
            throw usage("compare takes 2 to " + Comparison.MAX_CANDIDATES + " profiles, got " + files.size()
                    + (files.size() < 2 ? "; give the candidates' files" : "; compare the strongest ten, or use"
                    + " 'vra assess -o html' for a portfolio"));
        }
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (!seen.add(f.toAbsolutePath().normalize())) {
                throw usage("'" + f + "' is given twice; give each candidate once");
            }
            if (!Files.isRegularFile(f)) {
                err.println("vra: " + f + ": no such file; give the candidates' profile files");
                return ExitCodes.USAGE_OR_RULES;
            }
        }
        LocalDate runDate = today.date(); // a bad --today is a usage error before anything is read
        VendorRiskAssessor assessor = rules.builder().build();
        if (runDate != null) {
            assessor = assessor.withRunDate(runDate);
        }
        List<Comparison.Input> inputs = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Path f : files) {
            try {
                ParsedProfile parsed = assessor.reader().read(f);
                Assessment a = assessor.assess(parsed, List.of());
                inputs.add(new Comparison.Input(parsed, a));
            } catch (InvalidProfileException e) {
                errors.addAll(e.diagnostics());
                e.diagnostics().forEach(d -> err.println(d.render()));
            }
        }
        Comparison comparison = Comparison.compare(inputs, errors);
        for (OutputSpec o : specs) {
            try (ReportOutput sink = o.open(out)) {
                ComparisonFormat.of(o.format()).write(comparison, sink.writer());
                sink.commit();
            }
        }
        err.flush();
        if (!errors.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        if (threshold != null && !comparison.candidates().isEmpty()
                && comparison.candidates().get(0).assessment().rating().compareTo(threshold) >= 0) {
            return ExitCodes.THRESHOLD;
        }
        return ExitCodes.OK;
    }

    private List<OutputSpec> parseOutputs() {
        try {
            return OutputSpec.parse(outputs, format, ComparisonFormat.names());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
