package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.gate.Failure;
import dev.vendorrisk.assessor.history.ServiceChange;
import java.util.List;

/**
 * What became of one input file: an assessment, or the errors that prevented one.
 *
 * @param file       the file as the user named it
 * @param assessment the result; null when the file was invalid
 * @param errors     why the file could not be assessed; empty when it was
 * @param change     how the service compares with the baseline ({@code --baseline}); null without one
 * @param failures   why this service fails the run, as the {@linkplain dev.vendorrisk.assessor.gate.FailurePolicy
 *                   failure policy} decided; null when no policy judged it (reports then apply their defaults)
 */
public record FileResult(String file, Assessment assessment, List<Diagnostic> errors, ServiceChange change,
                         List<Failure> failures) {
    public FileResult {
        errors = List.copyOf(errors);
        failures = failures == null ? null : List.copyOf(failures);
    }

    /** A result that no baseline or failure policy has seen yet. */
    public FileResult(String file, Assessment assessment, List<Diagnostic> errors) {
        this(file, assessment, errors, null, null);
    }

    public static FileResult of(Assessment assessment) {
        return new FileResult(assessment.file(), assessment, List.of());
    }

    public static FileResult failed(String file, List<Diagnostic> errors) {
        return new FileResult(file, null, errors);
    }

    /** This result with its comparison with the baseline and the failure policy's verdict. */
    public FileResult judged(ServiceChange newChange, List<Failure> newFailures) {
        return new FileResult(file, assessment, errors, newChange, newFailures);
    }

    public boolean ok() {
        return assessment != null;
    }
}
