package dev.vendorrisk.assessor;

import java.util.List;

/**
 * An evaluation ran longer than the assessor's time limit and was stopped; the diagnostic names the
 * rule that was running (its file and line) and the profile. The rule base itself is fine: other
 * profiles can still be assessed.
 */
public class RuleTimeoutException extends AssessorException {
    public RuleTimeoutException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
