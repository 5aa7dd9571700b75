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
import java.util.List;
import java.util.Map;

/**
 * The scoring model (contract section 4): contributions, the bounded monotone score with the
 * capped gap term, area subscores, the rating with its critical triggers, recommendations
 * ranked by the score they would remove, and the way down to a lower rating.
 */
public final class Scorer {
    /** The area of the information-gap findings: together they count as one capped term. */
    public static final String GAP_AREA = "gaps";

    private final Policy policy;
    /** The policy's numbers, read once: every assessment uses them several times. */
    private final double lowBand;
    private final double mediumBand;
    private final double highBand;
    private final int criticalForCritical;
    private final int criticalForHigh;
    private final double gapCap;
    /** The tier factors by {@link Criticality} ordinal. */
    private final double[] tierFactors = new double[Criticality.values().length];

    /** @param policy a complete policy, as the rule base checks it ({@link Policy#problems()} empty) */
    public Scorer(Policy policy) {
        this.policy = policy;
        this.lowBand = policy.ratingBands().get("low");
        this.mediumBand = policy.ratingBands().get("medium");
        this.highBand = policy.ratingBands().get("high");
        this.criticalForCritical = policy.criticalTriggers().get("critical");
        this.criticalForHigh = policy.criticalTriggers().get("high");
        this.gapCap = policy.gapCap();
        for (Criticality tier : Criticality.values()) {
            tierFactors[tier.ordinal()] = policy.tierFactor(tier);
        }
    }

    /** A finding's contribution before the gap cap: min(100, weight x tier factor). */
    public double contribution(int weight, Criticality tier) {
        return Math.min(100.0, weight * tierFactors[tier.ordinal()]);
    }

    /** The risk score of the given findings (waived ones are ignored), 0..100. */
    public double score(Collection<Finding> findings) {
        return new Pass(List.copyOf(findings)).scoreWithout(-1);
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
        Rating byScore = score < lowBand ? Rating.LOW
                : score < mediumBand ? Rating.MEDIUM
                : score < highBand ? Rating.HIGH : Rating.CRITICAL;
        Rating floor = criticalFindings >= criticalForCritical ? Rating.CRITICAL
                : criticalFindings >= criticalForHigh ? Rating.HIGH : Rating.LOW;
        return byScore.compareTo(floor) >= 0 ? byScore : floor;
    }

    /**
     * Fills in each finding's share of the score: proportional to its contribution, where the gap
     * findings share the capped gap term. Waived findings get share 0.
     */
    public List<Finding> withShares(List<Finding> findings, double score) {
        return new Pass(findings).withShares(score);
    }

    /** The subscore of every area that has findings, by area name. */
    public List<AreaScore> areas(List<Finding> findings) {
        return new Pass(findings).areas();
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
        return new Pass(findings).recommendations(score, kind);
    }

    /**
     * The way down: the score and rating after acting on the ranked recommendations one after the
     * other (each step resolves the findings of its recommendation and of those before it), up to the
     * first step rated LOW. One pass over the findings per step, no rule re-run.
     */
    public WayDown wayDown(List<Finding> findings, List<Recommendation> ranked, Rating rating) {
        return new Pass(findings).wayDown(ranked, rating);
    }

    /**
     * Everything the scoring model gives for one assessment's findings.
     *
     * @param score           the risk score, unrounded
     * @param findings        the findings with their shares filled in
     */
    public record Scored(double score, Rating rating, List<AreaScore> areas, List<Recommendation> recommendations,
                         WayDown wayDown, List<Finding> findings) {
    }

    /**
     * {@link #score}, {@link #rating}, {@link #areas}, {@link #recommendations}, {@link #wayDown} and
     * {@link #withShares} of the same findings at once: what an assessment needs, reading each finding once.
     */
    public Scored scored(List<Finding> findings, ServiceKind kind) {
        Pass pass = new Pass(findings);
        double score = pass.scoreWithout(-1);
        Rating rating = rating(score, pass.critical());
        List<Recommendation> recommendations = pass.recommendations(score, kind);
        return new Scored(score, rating, pass.areas(), recommendations, pass.wayDown(pass.rank, recommendations, rating),
                pass.withShares(score));
    }

    /** Most score removed first; where equal (a saturated score), most contribution, then by key. */
    private static final Comparator<Key> RANKING = (a, b) -> {
        int c = Double.compare(b.reduction, a.reduction);
        if (c == 0) {
            c = Double.compare(b.weight, a.weight);
        }
        return c != 0 ? c : a.key.compareTo(b.key);
    };

    /** The findings of one recommendation key, while ranking them. */
    private static final class Key {
        final String key;
        final int index;
        final List<String> ids = new ArrayList<>(4);
        double weight;
        double share;
        double reduction;

        Key(String key, int index) {
            this.key = key;
            this.index = index;
        }
    }

    /**
     * The findings of one assessment read once into arrays: every sum and product of the model then
     * runs over plain numbers, in the findings' order (so each result is the same double as a loop over
     * the findings gives).
     */
    private final class Pass {
        private final List<Finding> findings;
        private final int n;
        /** 1 - contribution / 100: the part of the risk-free share the finding leaves. */
        private final double[] keep;
        private final boolean[] active;
        private final boolean[] gap;
        private final boolean[] critical;
        /** The index in {@link #keys} of each active finding's recommendation; -1 for waived findings. */
        private final int[] key;
        /** The recommendation keys of the active findings, in the order they first appear. */
        private final List<Key> keys = new ArrayList<>();
        /** The gap term's scale: what a gap's contribution is multiplied by so that the gaps make the capped term. */
        private final double gapScale;
        /** Each key's place among the ranked recommendations, once {@link #recommendations} ranked them. */
        private int[] rank;

        Pass(List<Finding> findings) {
            this.findings = findings;
            this.n = findings.size();
            keep = new double[n];
            active = new boolean[n];
            gap = new boolean[n];
            critical = new boolean[n];
            key = new int[n];
            Map<String, Key> byKey = new HashMap<>();
            double gapRaw = 0;
            double gapKeep = 1;
            for (int j = 0; j < n; j++) {
                Finding f = findings.get(j);
                keep[j] = 1 - f.contribution() / 100.0;
                active[j] = !f.waived();
                gap[j] = isGap(f);
                critical[j] = f.severity() == Severity.CRITICAL;
                key[j] = -1;
                if (active[j]) {
                    Key k = byKey.get(f.recommendation());
                    if (k == null) {
                        k = new Key(f.recommendation(), keys.size());
                        byKey.put(k.key, k);
                        keys.add(k);
                    }
                    key[j] = k.index;
                    if (gap[j]) {
                        gapRaw += f.contribution();
                        gapKeep *= keep[j];
                    }
                }
            }
            double gapTerm = Math.min(gapCap, 100.0 * (1 - gapKeep));
            gapScale = gapRaw == 0 ? 0 : gapTerm / gapRaw;
        }

        /** The score of the active findings whose recommendation is not the {@code without}-th key (-1: of all). */
        double scoreWithout(int without) {
            double keepAll = 1.0;
            double gapKeep = 1.0;
            for (int j = 0; j < n; j++) {
                if (!active[j] || key[j] == without) {
                    continue;
                }
                if (gap[j]) {
                    gapKeep *= keep[j];
                } else {
                    keepAll *= keep[j];
                }
            }
            return score(keepAll, gapKeep);
        }

        /** How many active findings are CRITICAL. */
        int critical() {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (active[j] && critical[j]) {
                    count++;
                }
            }
            return count;
        }

        /** A finding's contribution after the gap cap. */
        private double scaled(int j) {
            double c = findings.get(j).contribution();
            return gap[j] ? c * gapScale : c;
        }

        List<Finding> withShares(double score) {
            double total = 0;
            for (int j = 0; j < n; j++) {
                if (active[j]) {
                    total += scaled(j);
                }
            }
            List<Finding> out = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                Finding f = findings.get(j);
                double c = scaled(j);
                out.add(copy(f, c, !active[j] || total == 0 ? 0 : score * c / total));
            }
            return out;
        }

        List<AreaScore> areas() {
            // an area's subscore is the score of its findings, in their order: one product per area
            List<String> names = new ArrayList<>();
            int[] area = new int[n];
            for (int j = 0; j < n; j++) {
                String name = findings.get(j).area();
                int a = names.indexOf(name);
                if (a < 0) {
                    a = names.size();
                    names.add(name);
                }
                area[j] = a;
            }
            double[] keepAll = new double[names.size()];
            double[] gapKeep = new double[names.size()];
            java.util.Arrays.fill(keepAll, 1.0);
            java.util.Arrays.fill(gapKeep, 1.0);
            for (int j = 0; j < n; j++) {
                if (!active[j]) {
                    continue;
                }
                if (gap[j]) {
                    gapKeep[area[j]] *= keep[j];
                } else {
                    keepAll[area[j]] *= keep[j];
                }
            }
            List<AreaScore> out = new ArrayList<>(names.size());
            for (int a = 0; a < names.size(); a++) {
                out.add(new AreaScore(names.get(a), round(score(keepAll[a], gapKeep[a]))));
            }
            out.sort(BY_AREA);
            return out;
        }

        List<Recommendation> recommendations(double score, ServiceKind kind) {
            double total = 0;
            for (int j = 0; j < n; j++) {
                if (!active[j]) {
                    continue;
                }
                Finding f = findings.get(j);
                Key k = keys.get(key[j]);
                if (!k.ids.contains(f.id())) {
                    k.ids.add(f.id());
                }
                k.weight += f.contribution();
                double scaled = scaled(j);
                k.share += scaled;
                total += scaled;
            }
            for (Key k : keys) {
                k.reduction = score - scoreWithout(k.index);
            }
            List<Key> ranked = new ArrayList<>(keys);
            ranked.sort(RANKING);
            rank = new int[keys.size()];
            List<Recommendation> out = new ArrayList<>(ranked.size());
            for (Key k : ranked) {
                rank[k.index] = out.size();
                k.ids.sort(null);
                double percent = total == 0 ? 0 : Math.min(100, 100 * k.share / total);
                out.add(new Recommendation(k.key, policy.recommendationText(k.key, kind),
                        policy.recommendationTextKind(k.key, kind), k.ids, round(k.reduction), round(percent)));
            }
            return out;
        }

        /** The way down along {@code ranked}, recommendations of other findings than these. */
        WayDown wayDown(List<Recommendation> ranked, Rating rating) {
            // the rank of each key among the recommendations; a key without one is never resolved
            int[] rankOf = new int[keys.size()];
            java.util.Arrays.fill(rankOf, Integer.MAX_VALUE);
            Map<String, Integer> byKey = new HashMap<>(ranked.size() * 2);
            for (int i = 0; i < ranked.size(); i++) {
                byKey.putIfAbsent(ranked.get(i).key(), i);
            }
            for (Key k : keys) {
                rankOf[k.index] = byKey.getOrDefault(k.key, Integer.MAX_VALUE);
            }
            return wayDown(rankOf, ranked, rating);
        }

        /** The way down along {@code ranked}, where {@code rank} gives each key's place in it. */
        WayDown wayDown(int[] rank, List<Recommendation> ranked, Rating rating) {
            if (rating == Rating.LOW || ranked.isEmpty()) {
                return WayDown.none(rating);
            }
            List<WayDown.Step> steps = new ArrayList<>();
            for (int step = 0; step < ranked.size(); step++) {
                // the findings left after this step and the ones before it
                double keepAll = 1.0;
                double gapKeep = 1.0;
                int criticalLeft = 0;
                for (int j = 0; j < n; j++) {
                    if (!active[j] || rank[key[j]] <= step) {
                        continue;
                    }
                    if (gap[j]) {
                        gapKeep *= keep[j];
                    } else {
                        keepAll *= keep[j];
                    }
                    if (critical[j]) {
                        criticalLeft++;
                    }
                }
                double after = score(keepAll, gapKeep);
                Rating afterRating = rating(after, criticalLeft);
                steps.add(new WayDown.Step(ranked.get(step).key(), round(after), afterRating));
                if (afterRating == Rating.LOW) {
                    break;
                }
            }
            return new WayDown(rating, steps);
        }
    }

    /**
     * The score of findings whose products of (1 - contribution / 100) are {@code keep} for the risk
     * findings and {@code gapKeep} for the gaps: the gap term is capped, then both combine.
     */
    private double score(double keep, double gapKeep) {
        double gapTerm = Math.min(gapCap, 100.0 * (1 - gapKeep));
        return 100.0 * (1 - keep * (1 - gapTerm / 100.0));
    }

    private static final Comparator<AreaScore> BY_AREA = Comparator.comparing(AreaScore::area);

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
