package dev.vendorrisk.assessor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.WayDown;
import dev.vendorrisk.assessor.profile.ServiceKind;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The share of the risk each recommendation resolves, the way down, and texts by kind of service. */
class ScorerTest {
    private static Policy policy;
    private static Scorer scorer;

    @BeforeAll
    static void readTheProjectsScoringFile() throws IOException {
        policy = PolicyReader.read("rules/scoring.yaml", Files.readString(Path.of("../rules/scoring.yaml")));
        scorer = new Scorer(policy);
    }

    private static Finding finding(String id, Severity severity, double contribution, String recommendation) {
        return new Finding(id, id, "test", severity, (int) Math.ceil(contribution), contribution, 0, id, recommendation,
                List.of(), false, null);
    }

    @Test
    void eachRecommendationResolvesItsFindingsShareOfTheRisk() {
        List<Finding> findings = List.of(finding("A-001", Severity.HIGH, 30, "sla"),
                finding("A-002", Severity.HIGH, 20, "sla"), finding("A-003", Severity.HIGH, 50, "fallback"));
        double score = scorer.score(findings);
        assertThat(score).isEqualTo(72.0, org.assertj.core.data.Offset.offset(1e-9));
        List<Recommendation> recs = scorer.recommendations(findings, score);
        assertThat(recs).extracting(Recommendation::key).containsExactly("fallback", "sla");
        assertThat(recs).extracting(Recommendation::resolvesPercent).containsExactly(50.0, 50.0);
        List<Finding> shared = scorer.withShares(findings, score);
        double slaShare = shared.get(0).share() + shared.get(1).share();
        assertThat(100 * slaShare / score).isEqualTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theWayDownActsOnTheRankedRecommendationsAndMindsTheCriticalTriggers() {
        List<Finding> findings = List.of(finding("X-001", Severity.CRITICAL, 10, "a"),
                finding("Y-001", Severity.HIGH, 60, "b"), finding("Z-001", Severity.HIGH, 30, "c"));
        double score = scorer.score(findings);
        Rating rating = scorer.rating(score, findings);
        assertThat(Scorer.round(score)).isEqualTo(74.8);
        assertThat(rating).isEqualTo(Rating.CRITICAL);
        List<Recommendation> recs = scorer.recommendations(findings, score);
        assertThat(recs).extracting(Recommendation::key).containsExactly("b", "c", "a");

        WayDown way = scorer.wayDown(findings, recs, rating);
        // 37 and 10 would rate MEDIUM and LOW, but the unresolved CRITICAL finding keeps the rating at HIGH
        assertThat(way.steps()).containsExactly(new WayDown.Step("b", 37.0, Rating.HIGH),
                new WayDown.Step("c", 10.0, Rating.HIGH), new WayDown.Step("a", 0.0, Rating.LOW));
        assertThat(way.milestones()).containsExactly(new WayDown.Milestone(List.of("b"), 37.0, Rating.HIGH),
                new WayDown.Milestone(List.of("c", "a"), 0.0, Rating.LOW));
    }

    @Test
    void theWayDownStopsAtTheFirstStepRatedLowAndIgnoresWaivedFindings() {
        Finding waived = new Finding("W-001", "W-001", "test", Severity.CRITICAL, 35, 52.5, 0, "W-001", "a",
                List.of(), true, "accepted");
        List<Finding> findings = List.of(finding("A-001", Severity.HIGH, 30, "a"),
                finding("B-001", Severity.MEDIUM, 10, "b"), finding("C-001", Severity.LOW, 5, "c"), waived);
        double score = scorer.score(findings);
        Rating rating = scorer.rating(score, findings);
        assertThat(rating).isEqualTo(Rating.MEDIUM);
        List<Recommendation> recs = scorer.recommendations(findings, score);
        WayDown way = scorer.wayDown(findings, recs, rating);
        assertThat(way.steps()).extracting(WayDown.Step::recommendation).containsExactly("a");
        assertThat(way.milestones()).singleElement().satisfies(m -> {
            assertThat(m.rating()).isEqualTo(Rating.LOW);
            assertThat(m.score()).isEqualTo(14.5);
        });
    }

    @Test
    void aFindingWhoseRecommendationIsNotAmongTheStepsIsNeverResolved() {
        List<Finding> findings = List.of(finding("A-001", Severity.HIGH, 60, "a"), finding("B-001", Severity.HIGH, 30, "b"));
        double score = scorer.score(findings);
        List<Recommendation> onlyA = scorer.recommendations(findings, score).stream()
                .filter(r -> r.key().equals("a")).toList();
        WayDown way = scorer.wayDown(findings, onlyA, scorer.rating(score, findings));
        assertThat(way.steps()).containsExactly(new WayDown.Step("a", 30.0, Rating.MEDIUM));
    }

    @Test
    void scoringInOnePassGivesWhatTheSeparateStepsGive() {
        Finding waived = new Finding("W-001", "W-001", "test", Severity.CRITICAL, 35, 52.5, 0, "W-001", "a",
                List.of(), true, "accepted");
        Finding gap1 = new Finding("GAP-001", "GAP-001", Scorer.GAP_AREA, Severity.LOW, 4, 6, 0, "g", "verify", List.of(),
                false, null);
        Finding gap2 = new Finding("GAP-002", "GAP-002", Scorer.GAP_AREA, Severity.LOW, 4, 6, 0, "g", "verify", List.of(),
                false, null);
        List<Finding> findings = List.of(finding("X-001", Severity.CRITICAL, 25, "a"), finding("Y-001", Severity.HIGH, 40, "b"),
                finding("Y-002", Severity.HIGH, 15, "b"), gap1, waived, finding("Z-001", Severity.MEDIUM, 10, "c"), gap2);
        double score = scorer.score(findings);
        Rating rating = scorer.rating(score, findings);
        List<Recommendation> recs = scorer.recommendations(findings, score, ServiceKind.TELEPHONY);

        Scorer.Scored scored = scorer.scored(findings, ServiceKind.TELEPHONY);
        assertThat(scored.score()).isEqualTo(score);
        assertThat(scored.rating()).isEqualTo(rating);
        assertThat(scored.areas()).isEqualTo(scorer.areas(findings));
        assertThat(scored.recommendations()).isEqualTo(recs);
        assertThat(scored.wayDown()).isEqualTo(scorer.wayDown(findings, recs, rating));
        assertThat(scored.findings()).isEqualTo(scorer.withShares(findings, score));
        assertThat(scored.areas()).extracting(a -> a.area()).containsExactly(Scorer.GAP_AREA, "test");
    }

    @Test
    void aVendorRatedLowHasNoWayDown() {
        List<Finding> findings = List.of(finding("A-001", Severity.LOW, 5, "a"));
        double score = scorer.score(findings);
        WayDown way = scorer.wayDown(findings, scorer.recommendations(findings, score), scorer.rating(score, findings));
        assertThat(way.from()).isEqualTo(Rating.LOW);
        assertThat(way.steps()).isEmpty();
        assertThat(way.milestones()).isEmpty();
    }

    @Test
    void textsFitTheKindOfService() {
        List<Finding> findings = List.of(finding("BCP-004", Severity.HIGH, 20, "fallback"));
        Recommendation telephony = scorer.recommendations(findings, 20, ServiceKind.TELEPHONY).get(0);
        Recommendation hosting = scorer.recommendations(findings, 20, ServiceKind.HOSTING).get(0);
        Recommendation other = scorer.recommendations(findings, 20, ServiceKind.OTHER).get(0);
        assertThat(telephony.text()).contains("divert key numbers at the carrier");
        assertThat(telephony.textKind()).isEqualTo("telephony");
        assertThat(hosting.text()).doesNotContain("carrier");
        assertThat(hosting.textKind()).isEqualTo("hosting");
        assertThat(other.text()).isEqualTo(policy.recommendations().get("fallback"));
        assertThat(other.textKind()).isNull();
        assertThat(scorer.recommendations(findings, 20, null).get(0).textKind()).isNull();
    }
}
