package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import java.util.List;

/**
 * What became of one input file: an assessment, or the errors that prevented one.
 *
 * @param file       the file as the user named it
 * @param assessment the result; null when the file was invalid
 * @param errors     why the file could not be assessed; empty when it was
 */
public record FileResult(String file, Assessment assessment, List<Diagnostic> errors) {
    public FileResult {
        errors = List.copyOf(errors);
    }

    public static FileResult of(Assessment assessment) {
        return new FileResult(assessment.file(), assessment, List.of());
    }

    public static FileResult failed(String file, List<Diagnostic> errors) {
        return new FileResult(file, null, errors);
    }

    public boolean ok() {
        return assessment != null;
    }
}
