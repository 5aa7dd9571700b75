package dev.vendorrisk.assessor;

import java.util.List;

/** A failure the user can act on; carries the diagnostics that say where and what. */
public class AssessorException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public AssessorException(List<Diagnostic> diagnostics) {
        super(render(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public AssessorException(List<Diagnostic> diagnostics, Throwable cause) {
        super(render(diagnostics), cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every problem found, in file order. Never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String render(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an AssessorException needs at least one diagnostic");
        }
        return String.join(System.lineSeparator(), diagnostics.stream().map(Diagnostic::render).toList());
    }
}
