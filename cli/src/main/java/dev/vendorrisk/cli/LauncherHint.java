package dev.vendorrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one-line hint that a batch started with plain {@code java -jar vra.jar} prints on stderr: without the
 * launcher's JVM settings a large batch is slower and takes gigabytes (docs/benchmarks-routes.md). The
 * launcher ({@code vra}, {@code bin/vra}) passes {@code -Dvra.launcher=1}; so can anyone who sets the JVM
 * options themselves, to silence the hint.
 */
final class LauncherHint {
    /** The system property the launcher sets. */
    static final String PROPERTY = "vra.launcher";
    /** More files than this make a batch, as in the launcher. */
    static final int BATCH_FILES = 1000;
    static final String TEXT = "vra: hint: this batch runs on plain 'java -jar', with the JVM's default settings:"
            + " slower and with a heap of up to a quarter of the memory; run it as 'vra' (installed) or bin/vra"
            + " (in a clone), which set the measured JVM options (docs/install.md)";

    private LauncherHint() {
    }

    /** Prints the hint when not started by the launcher and the run is a batch, as the launcher tells one. */
    static void onBatch(List<String> inputs, int files, PrintWriter err) {
        if (System.getProperty(PROPERTY) == null && isBatch(inputs, files)) {
            err.println(TEXT);
        }
    }

    /** A folder, a glob, standard input or more than {@value #BATCH_FILES} files: the launcher's test. */
    static boolean isBatch(List<String> inputs, int files) {
        if (files > BATCH_FILES) {
            return true;
        }
        for (String input : inputs) {
            if (input.equals(Inputs.STDIN) || input.indexOf('*') >= 0 || input.indexOf('?') >= 0
                    || input.indexOf('[') >= 0) {
                return true;
            }
            try {
                if (Files.isDirectory(Path.of(input))) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // not a path: Inputs reports it
            }
        }
        return false;
    }
}
