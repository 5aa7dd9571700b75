package dev.vendorrisk.assessor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.rules.RuleMeta;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the score, over random sets of findings of the real rules at every tier, and over
 * the assessments of damaged samples that still read: within 0..100, never lowered by one more
 * unwaived finding, never raised by a waiver, and the findings' shares add up to the score.
 */
class ScorePropertiesTest {
    private static final double EPSILON = 1e-9;
    private final Scorer scorer = new Scorer(TestRules.assessor().rules().policy());
    private final List<RuleMeta> rules = TestRules.assessor().rules().rules();

    @Test
    void scoreIsWithinRangeMonotoneAndWaivingNeverRaisesIt() {
        for (int i = 0; i < Mutations.TRIES * 4; i++) {
            long seed = Mutations.SEED + i;
            Random random = new Random(seed);
            Criticality tier = Criticality.values()[random.nextInt(Criticality.values().length)];
            List<Finding> findings = findings(random, tier, random.nextInt(random.nextBoolean() ? 6 : 60));
            double score = scorer.score(findings);
            String label = "seed " + seed + ", tier " + tier + ", " + findings.size() + " findings";
            assertThat(score).as(label).isBetween(0.0, 100.0);

            List<Finding> more = new ArrayList<>(findings);
            more.add(random.nextInt(more.size() + 1), finding(rules.get(random.nextInt(rules.size())), tier, false));
            assertThat(scorer.score(more)).as(label + ": one more unwaived finding").isGreaterThanOrEqualTo(score - EPSILON);

            if (!findings.isEmpty()) {
                List<Finding> waived = new ArrayList<>(findings);
                int at = random.nextInt(waived.size());
                Finding f = waived.get(at);
                waived.set(at, finding(f, true));
                assertThat(scorer.score(waived)).as(label + ": waiving " + f.id()).isLessThanOrEqualTo(score + EPSILON);
            }

            double shares = scorer.withShares(findings, score).stream().mapToDouble(Finding::share).sum();
            assertThat(shares).as(label + ": the shares add up to the score").isCloseTo(score, within(1e-6));
        }
    }

    @Test
    void theAssessmentsOfDamagedSamplesHaveConsistentScores() {
        List<byte[]> samples = Mutations.samples();
        int assessed = 0;
        for (int i = 0; i < Mutations.TRIES; i++) {
            long seed = Mutations.SEED + i;
            Random random = new Random(seed);
            ParsedProfile parsed = ReaderContract.holds("s.yaml",
                    Mutations.structure(samples.get(random.nextInt(samples.size())), random));
            if (parsed == null) {
                continue;
            }
            assessed++;
            Assessment a = TestRules.assessor().assess(parsed, List.of());
            String label = "seed " + seed;
            assertThat(a.score()).as(label).isBetween(0.0, 100.0);
            double shares = a.findings().stream().filter(f -> !f.waived()).mapToDouble(Finding::share).sum();
            assertThat(shares).as(label + ": shares of " + a.findings().size() + " findings add up to the score")
                    .isCloseTo(a.score(), within(0.01 + 0.005 * a.findings().size()));
            assertThat(a.findings().stream().filter(Finding::waived).mapToDouble(Finding::share).sum()).isZero();
        }
        assertThat(assessed).as("some damaged samples still read").isPositive();
    }

    private List<Finding> findings(Random random, Criticality tier, int n) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(finding(rules.get(random.nextInt(rules.size())), tier, random.nextInt(5) == 0));
        }
        return out;
    }

    private Finding finding(RuleMeta r, Criticality tier, boolean waived) {
        return new Finding(r.id(), r.title(), r.area(), r.severity(), r.weight(), scorer.contribution(r.weight(), tier),
                0, r.title(), r.recommendation(), List.of(), waived, waived ? "accepted" : null);
    }

    private static Finding finding(Finding f, boolean waived) {
        return new Finding(f.id(), f.title(), f.area(), f.severity(), f.weight(), f.contribution(), f.share(),
                f.message(), f.recommendation(), f.evidence(), waived, waived ? "accepted" : null);
    }
}
