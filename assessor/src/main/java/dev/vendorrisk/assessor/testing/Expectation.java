package dev.vendorrisk.assessor.testing;

import dev.vendorrisk.assessor.Rating;
import java.util.List;

/**
 * What a case expects of the assessment. Empty lists and nulls expect nothing.
 *
 * @param fires       rules that must be among the active (unwaived) findings
 * @param doesNotFire rules that must not be among the active findings
 * @param rating      the expected rating, or null
 * @param score       the range the score must fall in, or null
 * @param gaps        fact paths that must each have a GAP-001 finding
 * @param noGaps      fact paths that must not have a GAP-001 finding
 */
public record Expectation(
        List<RuleRef> fires,
        List<RuleRef> doesNotFire,
        Rating rating,
        ScoreRange score,
        List<String> gaps,
        List<String> noGaps) {

    public Expectation {
        fires = List.copyOf(fires);
        doesNotFire = List.copyOf(doesNotFire);
        gaps = List.copyOf(gaps);
        noGaps = List.copyOf(noGaps);
    }

    /** True when the case expects anything at all. */
    public boolean isEmpty() {
        return fires.isEmpty() && doesNotFire.isEmpty() && rating == null && score == null && gaps.isEmpty()
                && noGaps.isEmpty();
    }
}
