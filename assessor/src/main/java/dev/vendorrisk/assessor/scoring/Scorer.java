package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.AreaScore;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scoring model (contract section 4): contributions, the bounded monotone score with the
 * capped gap term, area subscores, the rating with its critical triggers, and recommendations
 * ranked by the score they would remove.
 */
public final class Scorer {
    /** The area of the information-gap findings: together they count as one capped term. */
    public static final String GAP_AREA = "gaps";

    private final Policy policy;

    public Scorer(Policy policy) {
        this.policy = policy;
    }

    /** A finding's contribution before the gap cap: min(100, weight x tier factor). */
    public double contribution(int weight, Criticality tier) {
        return Math.min(100.0, weight * policy.tierFactor(tier));
    }

    /** The risk score of the given findings (waived ones are ignored), 0..100. */
    public double score(Collection<Finding> findings) {
        return scoreWithout(findings, null);
    }

    /** The rating of a score, raised by the critical triggers. */
    public Rating rating(double score, Collection<Finding> findings) {
        Map<String, Double> bands = policy.ratingBands();
        Rating byScore = score < bands.get("low") ? Rating.LOW
                : score < bands.get("medium") ? Rating.MEDIUM
                : score < bands.get("high") ? Rating.HIGH : Rating.CRITICAL;
        long critical = findings.stream().filter(f -> !f.waived() && f.severity() == Severity.CRITICAL).count();
        Rating floor = critical >= policy.criticalTriggers().get("critical") ? Rating.CRITICAL
                : critical >= policy.criticalTriggers().get("high") ? Rating.HIGH : Rating.LOW;
        return byScore.compareTo(floor) >= 0 ? byScore : floor;
    }

    /**
     * Fills in each finding's share of the score: proportional to its contribution, where the gap
     * findings share the capped gap term. Waived findings get share 0.
     */
    public List<Finding> withShares(List<Finding> findings, double score) {
        double gapRaw = 0;
        double gapKeep = 1;
        for (Finding f : findings) {
            if (!f.waived() && isGap(f)) {
                gapRaw += f.contribution();
                gapKeep *= 1 - f.contribution() / 100.0;
            }
        }
        double gapTerm = Math.min(policy.gapCap(), 100.0 * (1 - gapKeep));
        double gapScale = gapRaw == 0 ? 0 : gapTerm / gapRaw;
        List<Finding> scaled = new ArrayList<>(findings.size());
        double total = 0;
        for (Finding f : findings) {
            double c = isGap(f) ? f.contribution() * gapScale : f.contribution();
            scaled.add(copy(f, c, 0));
            if (!f.waived()) {
                total += c;
            }
        }
        List<Finding> out = new ArrayList<>(scaled.size());
        for (Finding f : scaled) {
            double share = f.waived() || total == 0 ? 0 : score * f.contribution() / total;
            out.add(copy(f, f.contribution(), share));
        }
        return out;
    }

    /** The subscore of every area that has findings, by area name. */
    public List<AreaScore> areas(List<Finding> findings) {
        Map<String, List<Finding>> byArea = new TreeMap<>();
        for (Finding f : findings) {
            byArea.computeIfAbsent(f.area(), a -> new ArrayList<>()).add(f);
        }
        List<AreaScore> out = new ArrayList<>();
        byArea.forEach((area, list) -> out.add(new AreaScore(area, round(score(list)))));
        return out;
    }

    /**
     * One recommendation per key of the active findings, ranked by the score it would remove; where
     * that is equal (a saturated score), by the contribution of the findings it resolves, then by key.
     */
    public List<Recommendation> recommendations(List<Finding> findings, double score) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        Map<String, Double> weightOf = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!f.waived()) {
                List<String> ids = byKey.computeIfAbsent(f.recommendation(), k -> new ArrayList<>());
                if (!ids.contains(f.id())) {
                    ids.add(f.id());
                }
                weightOf.merge(f.recommendation(), f.contribution(), Double::sum);
            }
        }
        record Ranked(Recommendation recommendation, double reduction, double weight) {
        }
        List<Ranked> ranked = new ArrayList<>(byKey.size());
        byKey.forEach((key, ids) -> {
            double reduction = score - scoreWithout(findings, key);
            ids.sort(null);
            ranked.add(new Ranked(new Recommendation(key, policy.recommendations().getOrDefault(key, key),
                    ids, round(reduction)), reduction, weightOf.get(key)));
        });
        ranked.sort(Comparator.comparingDouble(Ranked::reduction).reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::weight).reversed())
                .thenComparing(r -> r.recommendation().key()));
        List<Recommendation> out = new ArrayList<>(ranked.size());
        ranked.forEach(r -> out.add(r.recommendation()));
        return out;
    }

    /**
     * {@link #score} of the findings whose recommendation is not {@code key} (null: of all of them),
     * without building that list.
     */
    private double scoreWithout(Collection<Finding> findings, String key) {
        double keep = 1.0;
        double gapKeep = 1.0;
        for (Finding f : findings) {
            if (f.waived() || (key != null && key.equals(f.recommendation()))) {
                continue;
            }
            if (isGap(f)) {
                gapKeep *= 1 - f.contribution() / 100.0;
            } else {
                keep *= 1 - f.contribution() / 100.0;
            }
        }
        double gapTerm = Math.min(policy.gapCap(), 100.0 * (1 - gapKeep));
        return 100.0 * (1 - keep * (1 - gapTerm / 100.0));
    }

    static boolean isGap(Finding f) {
        return GAP_AREA.equals(f.area());
    }

    /** Rounds to one decimal, the precision every report shows. */
    public static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    private static Finding copy(Finding f, double contribution, double share) {
        return new Finding(f.id(), f.title(), f.area(), f.severity(), f.weight(), contribution, share, f.message(),
                f.recommendation(), f.evidence(), f.waived(), f.waiver());
    }
}
