package dev.vendorrisk.assessor;

import java.util.List;

/**
 * One thing to do, and what it is worth.
 *
 * @param key             recommendation key from the rules' metadata
 * @param text            what to do
 * @param textKind        the service kind the text was written for (e.g. {@code telephony}), or null for the
 *                        general text
 * @param resolves        ids of the findings it would resolve
 * @param scoreReduction  points the score would drop if those findings went away (alone, now)
 * @param resolvesPercent the share of the current risk it resolves, in percent: the findings' shares
 *                        of the score (which add up to the score) over the score, 0..100
 */
public record Recommendation(String key, String text, String textKind, List<String> resolves,
                             double scoreReduction, double resolvesPercent) {
    public Recommendation {
        resolves = List.copyOf(resolves);
        if (resolvesPercent < 0 || resolvesPercent > 100) {
            throw new IllegalArgumentException("resolvesPercent must be 0..100, was " + resolvesPercent);
        }
    }
}
