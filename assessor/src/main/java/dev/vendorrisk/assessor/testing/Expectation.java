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
 * @param recommendationTexts by recommendation key, which text it must carry: {@code general}, or the
 *                    service kind whose own text it is (e.g. {@code fallback: telephony})
 */
public record Expectation(
        List<RuleRef> fires,
        List<RuleRef> doesNotFire,
        Rating rating,
        ScoreRange score,
        List<String> gaps,
        List<String> noGaps,
        java.util.Map<String, String> recommendationTexts) {

    public Expectation {
        fires = List.copyOf(fires);
        doesNotFire = List.copyOf(doesNotFire);
        gaps = List.copyOf(gaps);
        noGaps = List.copyOf(noGaps);
        recommendationTexts = recommendationTexts == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recommendationTexts));
    }

    /** An expectation about rules, rating, score and gaps only. */
    public Expectation(List<RuleRef> fires, List<RuleRef> doesNotFire, Rating rating, ScoreRange score,
                       List<String> gaps, List<String> noGaps) {
        this(fires, doesNotFire, rating, score, gaps, noGaps, java.util.Map.of());
    }

    /** True when the case expects anything at all. */
    public boolean isEmpty() {
        return fires.isEmpty() && doesNotFire.isEmpty() && rating == null && score == null && gaps.isEmpty()
                && noGaps.isEmpty() && recommendationTexts.isEmpty();
    }
}
