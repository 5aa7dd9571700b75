package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.Diagnostic;
import java.util.List;

/**
 * What the portfolio rules found over a whole batch, with notes on what they could not compare
 * and the batch's warnings about the waivers file. Every report format reaches it through
 * {@code Summary.portfolio()} in {@code Report.finish}.
 *
 * @param services the assessed services the portfolio rules saw
 * @param findings the portfolio findings, sorted by id, then by their evidence
 * @param notes    what the rules could not compare, e.g. unknown exposures or several currencies
 * @param warnings unused or expired waivers of the waivers file, at their line in that file
 */
public record PortfolioResult(int services, List<PortfolioFinding> findings, List<String> notes,
                              List<Diagnostic> warnings) {
    public PortfolioResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }
}
