package dev.vendorrisk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vra rules}: the rule-authoring commands. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        header = "Check and list the rules.",
        subcommands = {RulesCheckCommand.class, RulesListCommand.class},
        footer = ExitCodes.HELP)
public final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check or list");
    }
}
