package dev.vendorrisk.assessor.history;

/**
 * A finding the baseline has and the later assessment does not.
 *
 * @param finding the baseline's finding
 * @param note    why, when there is more to say than "fixed": e.g. that its rule is no longer in the rule
 *                base; null otherwise
 */
public record Resolved(FindingRef finding, String note) {
}
