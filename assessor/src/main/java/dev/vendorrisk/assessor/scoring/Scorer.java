package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.AreaScore;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.WayDown;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ServiceKind;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scoring model (contract section 4): contributions, the bounded monotone score with the
 * capped gap term, area subscores, the rating with its critical triggers, recommendations
 * ranked by the score they would remove, and the way down to a lower rating.
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
        int critical = 0;
        for (Finding f : findings) {
            if (!f.waived() && f.severity() == Severity.CRITICAL) {
                critical++;
            }
        }
        return rating(score, critical);
    }

    private Rating rating(double score, int criticalFindings) {
        Map<String, Double> bands = policy.ratingBands();
        Rating byScore = score < bands.get("low") ? Rating.LOW
                : score < bands.get("medium") ? Rating.MEDIUM
                : score < bands.get("high") ? Rating.HIGH : Rating.CRITICAL;
        Rating floor = criticalFindings >= policy.criticalTriggers().get("critical") ? Rating.CRITICAL
                : criticalFindings >= policy.criticalTriggers().get("high") ? Rating.HIGH : Rating.LOW;
        return byScore.compareTo(floor) >= 0 ? byScore : floor;
    }

    /**
     * Fills in each finding's share of the score: proportional to its contribution, where the gap
     * findings share the capped gap term. Waived findings get share 0.
     */
    public List<Finding> withShares(List<Finding> findings, double score) {
        double gapScale = gapScale(findings);
        double total = 0;
        for (Finding f : findings) {
            if (!f.waived()) {
                total += isGap(f) ? f.contribution() * gapScale : f.contribution();
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            double c = isGap(f) ? f.contribution() * gapScale : f.contribution();
            out.add(copy(f, c, f.waived() || total == 0 ? 0 : score * c / total));
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
     * Each says which share of the current risk it resolves: the shares of its findings (see
     * {@link #withShares}) over the score.
     */
    public List<Recommendation> recommendations(List<Finding> findings, double score) {
        return recommendations(findings, score, null);
    }

    /**
     * {@link #recommendations(List, double)} with the texts written for {@code kind} of service where the
     * scoring file has them ({@code recommendationsByKind}), else the general ones; null kind: general.
     */
    public List<Recommendation> recommendations(List<Finding> findings, double score, ServiceKind kind) {
        double gapScale = gapScale(findings);
        Map<String, Key> byKey = new LinkedHashMap<>();
        double total = 0;
        for (Finding f : findings) {
            if (f.waived()) {
                continue;
            }
            Key k = byKey.computeIfAbsent(f.recommendation(), Key::new);
            if (!k.ids.contains(f.id())) {
                k.ids.add(f.id());
            }
            k.weight += f.contribution();
            double scaled = isGap(f) ? f.contribution() * gapScale : f.contribution();
            k.share += scaled;
            total += scaled;
        }
        for (Key k : byKey.values()) {
            k.reduction = score - scoreWithout(findings, k.key);
        }
        List<Key> ranked = new ArrayList<>(byKey.values());
        ranked.sort(RANKING);
        List<Recommendation> out = new ArrayList<>(ranked.size());
        for (Key k : ranked) {
            k.ids.sort(null);
            double percent = total == 0 ? 0 : Math.min(100, 100 * k.share / total);
            out.add(new Recommendation(k.key, policy.recommendationText(k.key, kind),
                    policy.recommendationTextKind(k.key, kind), k.ids, round(k.reduction), round(percent)));
        }
        return out;
    }

    /** Most score removed first; where equal (a saturated score), most contribution, then by key. */
    private static final Comparator<Key> RANKING = Comparator.comparingDouble((Key k) -> k.reduction).reversed()
            .thenComparing(Comparator.comparingDouble((Key k) -> k.weight).reversed())
            .thenComparing(k -> k.key);

    /** The findings of one recommendation key, while ranking them. */
    private static final class Key {
        final String key;
        final List<String> ids = new ArrayList<>(4);
        double weight;
        double share;
        double reduction;

        Key(String key) {
            this.key = key;
        }
    }

    /**
     * The way down: the score and rating after acting on the ranked recommendations one after the
     * other (each step resolves the findings of its recommendation and of those before it), up to the
     * first step rated LOW. One pass over the findings per step, no rule re-run.
     */
    public WayDown wayDown(List<Finding> findings, List<Recommendation> ranked, Rating rating) {
        if (rating == Rating.LOW || ranked.isEmpty()) {
            return WayDown.none(rating);
        }
        Map<String, Integer> rankOf = new HashMap<>(ranked.size() * 2);
        for (int i = 0; i < ranked.size(); i++) {
            rankOf.put(ranked.get(i).key(), i);
        }
        int n = findings.size();
        int[] rank = new int[n];
        for (int j = 0; j < n; j++) {
            Finding f = findings.get(j);
            rank[j] = f.waived() ? -1 : rankOf.getOrDefault(f.recommendation(), -1);
        }
        List<WayDown.Step> steps = new ArrayList<>();
        for (int step = 0; step < ranked.size(); step++) {
            double keep = 1.0;
            double gapKeep = 1.0;
            int critical = 0;
            for (int j = 0; j < n; j++) {
                if (rank[j] <= step) {
                    continue; // waived, or resolved by this step or one before
                }
                Finding f = findings.get(j);
                if (isGap(f)) {
                    gapKeep *= 1 - f.contribution() / 100.0;
                } else {
                    keep *= 1 - f.contribution() / 100.0;
                }
                if (f.severity() == Severity.CRITICAL) {
                    critical++;
                }
            }
            double gapTerm = Math.min(policy.gapCap(), 100.0 * (1 - gapKeep));
            double after = 100.0 * (1 - keep * (1 - gapTerm / 100.0));
            Rating afterRating = rating(after, critical);
            steps.add(new WayDown.Step(ranked.get(step).key(), round(after), afterRating));
            if (afterRating == Rating.LOW) {
                break;
            }
        }
        return new WayDown(rating, steps);
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

    /** What a gap finding's contribution is scaled by so that the gaps together make the capped gap term. */
    private double gapScale(List<Finding> findings) {
        double gapRaw = 0;
        double gapKeep = 1;
        for (Finding f : findings) {
            if (!f.waived() && isGap(f)) {
                gapRaw += f.contribution();
                gapKeep *= 1 - f.contribution() / 100.0;
            }
        }
        double gapTerm = Math.min(policy.gapCap(), 100.0 * (1 - gapKeep));
        return gapRaw == 0 ? 0 : gapTerm / gapRaw;
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
