package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.profile.ProfileJsonSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vra schema}: the profile's JSON Schema, for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Print the JSON Schema (draft 2020-12) of a vendor profile.",
        description = {"Generated from the profile model, with a description for every key. Save it next to your"
                + " profiles and add this first line to a profile to get completion and checks in editors that"
                + " use the YAML language server (VS Code, IntelliJ, Neovim):",
                "  # yaml-language-server: $schema=vendor-profile.schema.json"},
        footer = ExitCodes.HELP)
public final class SchemaCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(ProfileJsonSchema.json());
        out.flush();
        return ExitCodes.OK;
    }
}
