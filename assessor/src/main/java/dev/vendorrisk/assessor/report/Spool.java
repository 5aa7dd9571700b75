package dev.vendorrisk.assessor.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text a streaming report writes now but must print later (after something it only learns at the
 * end), kept in a temporary file rather than in memory. Deleted when copied out; also on JVM exit
 * if a run never finishes.
 */
final class Spool {
    private final Path file;
    private final BufferedWriter writer;

    Spool(String kind) {
        try {
            file = Files.createTempFile("vra-" + kind + "-", ".tmp");
            file.toFile().deleteOnExit();
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the " + kind + " report", e);
        }
    }

    Writer writer() {
        return writer;
    }

    /** Appends everything spooled to {@code out} and deletes the temporary file. */
    void copyTo(Writer out) throws IOException {
        writer.close();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
