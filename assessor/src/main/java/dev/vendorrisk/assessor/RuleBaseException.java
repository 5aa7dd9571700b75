package dev.vendorrisk.assessor;

import java.util.List;

/** The rules or the scoring file are broken: compile errors, bad metadata, an invalid scoring file. */
public class RuleBaseException extends AssessorException {
    public RuleBaseException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
