package dev.vendorrisk.assessor;

import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.List;

/**
 * One risk a rule found in a profile.
 *
 * @param id             rule id, e.g. {@code STAFF-001}
 * @param title          what is wrong, in one line
 * @param area           risk area
 * @param severity       INFO to CRITICAL
 * @param weight         the rule's weight, 1..100
 * @param contribution   min(100, weight x tier factor); for gaps, the share of the capped gap term
 * @param share          points of the score this finding accounts for (0 when waived)
 * @param message        title and the facts behind it, as a sentence
 * @param recommendation recommendation key
 * @param evidence       the facts the rule read, with their lines
 * @param waived         true when an active waiver accepts this risk
 * @param waiver         the waiver's justification and owner, when waived
 */
public record Finding(
        String id,
        String title,
        String area,
        Severity severity,
        int weight,
        double contribution,
        double share,
        String message,
        String recommendation,
        List<Evidence> evidence,
        boolean waived,
        String waiver) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** The first evidence line, 0 when none. */
    public int line() {
        return evidence.stream().mapToInt(Evidence::line).filter(l -> l > 0).findFirst().orElse(0);
    }
}
