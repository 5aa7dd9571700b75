package dev.vendorrisk.assessor;

import java.util.List;

/**
 * One thing to do, and what it is worth.
 *
 * @param key            recommendation key from the rules' metadata
 * @param text           what to do
 * @param resolves       ids of the findings it would resolve
 * @param scoreReduction points the score would drop if those findings went away
 */
public record Recommendation(String key, String text, List<String> resolves, double scoreReduction) {
    public Recommendation {
        resolves = List.copyOf(resolves);
    }
}
