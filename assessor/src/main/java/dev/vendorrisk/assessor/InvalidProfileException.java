package dev.vendorrisk.assessor;

import java.util.List;

/** A vendor profile could not be read: YAML syntax, unknown keys, wrong types or impossible values. */
public class InvalidProfileException extends AssessorException {
    public InvalidProfileException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
