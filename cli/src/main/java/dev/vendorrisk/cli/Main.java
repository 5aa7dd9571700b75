package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Diagnostic;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vra}: the command line. A thin shell over the library: maps results and errors to exit codes. */
@Command(name = "vra", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Vendor Risk Assessor: how risky are your IT service providers, before an outage proves it.",
        subcommands = {AssessCommand.class, CompareCommand.class, TestCommand.class, RulesCommand.class,
                ExplainCommand.class, SchemaCommand.class, InitCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class},
        footer = ExitCodes.HELP)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code vra} with the given writers; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The configured command line, with the one place that maps exceptions to exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE_OR_RULES);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("vra: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE_OR_RULES;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof AssessorException ae) {
                for (Diagnostic d : ae.diagnostics()) {
                    err.println(d.render());
                }
            } else {
                err.println("vra: " + ex);
            }
            if (parseResult.hasMatchedOption("--verbose")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.USAGE_OR_RULES;
        });
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"vra " + (v == null ? "development" : v)};
        }
    }
}
