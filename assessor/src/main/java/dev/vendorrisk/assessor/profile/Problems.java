package dev.vendorrisk.assessor.profile;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one file while it is read; not thread-safe, one per read. */
final class Problems {
    /** More than this many problems in one file is not worth reading on: stop there. */
    static final int LIMIT = 100;

    private static final Comparator<Diagnostic> FILE_ORDER =
            Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** Records a problem at {@code at} (null: the whole file); stops reading once there are too many. */
    void add(SourcePosition at, String message) {
        diagnostics.add(at == null
                ? new Diagnostic(file, 0, 0, message)
                : new Diagnostic(file, at.line(), at.column(), message));
        if (diagnostics.size() == LIMIT) {
            diagnostics.add(new Diagnostic(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                    "too many problems; stopped reading after the first " + LIMIT));
            throw new TooMany();
        }
    }

    /**
     * Forgets the problems found at or after {@code line}: a syntax error's broken construct
     * started there, so what the binder made of it is a follow-up, not a problem of its own.
     */
    void dropFrom(int line) {
        diagnostics.removeIf(d -> d.line() >= line);
    }

    boolean isEmpty() {
        return diagnostics.isEmpty();
    }

    /** All problems in file order (line, then column; problems at one place in the order found). */
    InvalidProfileException toException() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(FILE_ORDER);
        return new InvalidProfileException(sorted);
    }

    /** Thrown by {@link #add} to abandon a file with too many problems. */
    static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }
}
