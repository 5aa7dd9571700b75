package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import java.util.List;

/** The rule base is not built (still starting, or broken): answered with 503 and the diagnostics. */
public class RulesNotReadyException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    /** @param diagnostics why the rules are not ready */
    public RulesNotReadyException(List<Diagnostic> diagnostics) {
        super("the rule base is not ready");
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Why the rules are not ready. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
