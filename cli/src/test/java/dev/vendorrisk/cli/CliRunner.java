package dev.vendorrisk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the real command line in-process and captures what it prints. */
final class CliRunner {
    /** The repository root, seen from the cli module. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static String path(String relative) {
        return ROOT.resolve(relative).toString();
    }

    private CliRunner() {
    }
}
