package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.profile.ProfileTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vra init}: a commented template profile with every key, every fact unknown. */
@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Write a commented template profile: every key, each fact unknown until you fill it in.",
        description = "Without FILE the template goes to stdout. An existing FILE is left alone unless --force.",
        footer = ExitCodes.HELP)
public final class InitCommand implements Callable<Integer> {
    /** Where the template's modeline points editors for the schema ('vra schema' writes it). */
    static final String SCHEMA_FILE = "vendor-profile.schema.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The profile to create, e.g. acme.yaml.")
    Path file;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Option(names = "--schema", paramLabel = "LOCATION", defaultValue = SCHEMA_FILE,
            description = "Schema location for the yaml-language-server modeline; 'none' for no modeline."
                    + " Default: ${DEFAULT-VALUE}.")
    String schema;

    @Override
    public Integer call() {
        String template = ProfileTemplate.yaml(schema.equals("none") ? null : schema);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file == null) {
            out.print(template);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            if (force) {
                Files.writeString(file, template, StandardCharsets.UTF_8);
            } else {
                Files.writeString(file, template, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            err.println("vra: " + file + " already exists; choose another name, or pass --force to overwrite it");
            err.flush();
            return ExitCodes.USAGE_OR_RULES;
        } catch (IOException e) {
            err.println("vra: cannot write " + file + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_RULES;
        }
        out.println("wrote " + file + "; fill it in (set vendor.id first), then run: vra assess " + file);
        out.flush();
        return ExitCodes.OK;
    }
}
