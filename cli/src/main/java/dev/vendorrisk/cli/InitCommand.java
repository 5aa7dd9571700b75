package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.profile.ProfileJsonSchema;
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
        description = {"Without FILE the template goes to stdout. An existing FILE is left alone unless --force.",
                "The template's first line points editors at a JSON Schema; with FILE, vra writes that schema"
                        + " beside it (unless the schema file exists already, or LOCATION is a URL or 'none')."},
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
            description = "Schema location for the yaml-language-server modeline, relative to FILE or a URL;"
                    + " 'none' for no modeline. Default: ${DEFAULT-VALUE}.")
    String schema;

    @Override
    public Integer call() {
        String template = ProfileTemplate.yaml(schema.equals("none") ? null : schema);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file == null) {
            out.print(template);
            out.flush();
            if (!schema.equals("none") && !isUrl(schema)) {
                err.println("vra: the template's first line points editors at '" + schema + "'; write that schema"
                        + " beside your profile with: vra schema > " + schema);
                err.flush();
            }
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
        return writeSchemaBeside(out, err);
    }

    /**
     * Writes the schema the template's modeline names, resolved against the template's folder, when it
     * is a file that does not exist yet; an existing one is kept (it may be the user's own).
     */
    private int writeSchemaBeside(PrintWriter out, PrintWriter err) {
        if (schema.equals("none") || isUrl(schema)) {
            return ExitCodes.OK;
        }
        Path folder = file.toAbsolutePath().getParent();
        Path target = folder == null ? Path.of(schema) : folder.resolve(schema);
        Path shown = file.getParent() == null ? Path.of(schema) : file.getParent().resolve(schema);
        if (Files.exists(target)) {
            out.println("kept " + shown + " (the schema editors read); refresh it with: vra schema > " + shown);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, ProfileJsonSchema.json() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            err.println("vra: cannot write the schema " + shown + ": " + e.getMessage()
                    + "; write it yourself with: vra schema > " + shown);
            err.flush();
            return ExitCodes.USAGE_OR_RULES;
        }
        out.println("wrote " + shown + " beside it: the JSON Schema editors read for completion and checks");
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean isUrl(String location) {
        return location.matches("(?i)[a-z][a-z0-9+.-]*://.*");
    }
}
