package dev.vendorrisk.assessor.testing;

import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Diagnostic;
import java.util.List;

/**
 * A rule test file is invalid: YAML syntax, an unknown key, a case without a name or an
 * expectation, a missing baseline, or a rule id the rule base does not have.
 */
public class RuleTestException extends AssessorException {
    public RuleTestException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
