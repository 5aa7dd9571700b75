package dev.vendorrisk.assessor.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One profile to assess in a batch: a file, read by the worker that assesses it, or bytes already
 * read (standard input).
 *
 * @param name    the name reports and diagnostics use
 * @param path    the file to read; null when {@code content} is given
 * @param content the profile's bytes; null when {@code path} is given
 */
public record BatchInput(String name, Path path, byte[] content) {
    public BatchInput {
        Objects.requireNonNull(name, "name");
        if ((path == null) == (content == null)) {
            throw new IllegalArgumentException("give either a path or the content");
        }
    }

    /** A file, named in reports as the user wrote it. */
    public static BatchInput file(String name) {
        return new BatchInput(name, Path.of(name), null);
    }

    /** Bytes already read, e.g. standard input as {@code <stdin>}. */
    public static BatchInput bytes(String name, byte[] content) {
        return new BatchInput(name, null, content);
    }
}
