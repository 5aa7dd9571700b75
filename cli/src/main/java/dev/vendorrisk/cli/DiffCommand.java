package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.history.ReportDiff;
import dev.vendorrisk.assessor.report.DiffReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra diff}: what changed between two saved JSON reports, without re-running rules. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Compare two saved JSON reports: new and resolved findings, rating and score moves, added and removed services.",
        description = {"Reads OLD.json and NEW.json (reports of vra assess -o json=FILE) and shows what changed, as"
                + " vra assess --baseline does, without running any rule. Services match by vendor id and service name,"
                + " so files may have moved or been renamed."},
        footer = ExitCodes.HELP)
public final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report (the baseline).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    Path newer;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=PATH]",
            description = "A report (repeatable): FORMAT is one of text, markdown, json, html (a self-contained page);"
                    + " =PATH writes it to a file (atomically: complete or not at all), without PATH to stdout (at most"
                    + " one). Default: text to stdout.")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Same as -o FORMAT: one report to stdout.")
    String format;

    @Override
    public Integer call() throws IOException {
        List<OutputSpec> specs;
        try {
            specs = OutputSpec.parse(outputs, format, DiffReport.FORMATS);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ReportDiff diff = ReportDiff.of(older, newer); // a bad report: its diagnostic and exit 2, nothing written
        PrintWriter out = spec.commandLine().getOut();
        for (OutputSpec o : specs) {
            try (ReportOutput sink = o.open(out)) {
                DiffReport.write(diff, o.format(), sink.writer());
                sink.commit();
            }
        }
        return ExitCodes.OK;
    }
}
