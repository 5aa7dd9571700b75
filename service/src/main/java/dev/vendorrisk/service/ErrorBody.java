package dev.vendorrisk.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vendorrisk.assessor.Diagnostic;
import java.util.List;

/**
 * The body of an error that is not about the posted profile (unknown rule id, rules not ready, a rule
 * that failed): a sentence, and the diagnostics behind it when there are any.
 *
 * @param message what went wrong and what to do
 * @param errors  diagnostics as {@code file}, {@code line}, {@code column}, {@code message}; may be absent
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String message, List<Diagnostic> errors) {
    /** Copies the list. */
    public ErrorBody {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
