package dev.vendorrisk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where one report goes: standard output, or a file written atomically. A file report is written
 * to a temporary file in the same folder and renamed over the target only when the report is
 * complete, so an interrupted or failed run never leaves a half-written report (Ctrl-C removes the
 * temporary file too).
 */
abstract class ReportOutput implements AutoCloseable {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(ReportOutput::deleteQuietly),
                "vra-report-cleanup"));
    }

    /** The writer the report writes to. */
    abstract Writer writer();

    /** Called after the report's last write: flushes, and for a file, puts it in place. */
    abstract void commit() throws IOException;

    /** Drops an uncommitted file report; a no-op after {@link #commit}. */
    @Override
    public abstract void close();

    /** Standard output (the command's writer); never closed here. */
    static ReportOutput stdout(Writer out) {
        return new ReportOutput() {
            @Override
            Writer writer() {
                return out;
            }

            @Override
            void commit() throws IOException {
                out.flush();
            }

            @Override
            public void close() {
            }
        };
    }

    /** A file written through a temporary file in the same folder. */
    static ReportOutput file(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder); // -o json=out/r.json works in a fresh checkout
            } catch (IOException e) {
                throw new IOException("cannot create the folder " + folder + " for " + target + ": " + e.getMessage()
                        + "; choose another path for -o", e);
            }
        }
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part");
        PENDING.add(temp);
        readableLikeANewFile(temp, absolute);
        Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
                1 << 16);
        return new ReportOutput() {
            private boolean done;

            @Override
            Writer writer() {
                return writer;
            }

            @Override
            void commit() throws IOException {
                writer.close();
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
                PENDING.remove(temp);
                done = true;
            }

            @Override
            public void close() {
                if (!done) {
                    try {
                        writer.close();
                    } catch (IOException e) {
                        // the temporary file is removed below anyway
                    }
                    deleteQuietly(temp);
                    PENDING.remove(temp);
                }
            }
        };
    }

    /**
     * A temporary file is created owner-only; the report should get the permissions the file it
     * replaces had, or those of an ordinary new file (rw-r--r--).
     */
    private static void readableLikeANewFile(Path temp, Path target) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do on the way out
        }
    }
}
