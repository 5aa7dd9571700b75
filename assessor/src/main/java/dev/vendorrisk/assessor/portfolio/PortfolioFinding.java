package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.List;

/**
 * One risk a portfolio rule found across the batch. Portfolio findings are not part of any
 * vendor's score.
 *
 * @param id                 rule id, e.g. {@code PORT-001}
 * @param title              what is wrong, in one line
 * @param severity           INFO to CRITICAL
 * @param weight             the rule's weight
 * @param recommendation     recommendation key
 * @param recommendationText what to do
 * @param message            title and the facts behind it, as a sentence
 * @param evidence           the facts the rule read (vendor, services, amounts)
 */
public record PortfolioFinding(String id, String title, Severity severity, int weight, String recommendation,
                               String recommendationText, String message, List<Evidence> evidence) {
    public PortfolioFinding {
        evidence = List.copyOf(evidence);
    }
}
