package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ServiceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring file ({@code rules/scoring.yaml}): every number and text of the scoring model, so
 * editing policy never needs Java. A file in a later rules folder overrides single values; maps are
 * merged key by key. Null means "not set in this file".
 *
 * @param scoringVersion     format version, 1
 * @param tierFactors        multiplier of a finding's weight per tier
 * @param tierFromMtdHours   the tier when only MTD is known: MTD at or below the value gives the tier
 * @param defaultTier        the tier when neither criticality nor MTD is known
 * @param ratingBands        upper score bounds (exclusive) of the ratings low, medium and high
 * @param criticalTriggers   how many CRITICAL findings force at least a HIGH and a CRITICAL rating
 * @param gapCap             the most all information gaps together add, as a contribution
 * @param completenessWarningPercent a profile with less completeness gets a warning
 * @param maxFirings         how many rule firings one evaluation may take before it is stopped
 * @param weights            weight overrides by rule id
 * @param limits             thresholds the rules read by name
 * @param recommendations    recommendation text by key: the general text, for every kind of service
 * @param recommendationsByKind texts that replace the general one for some kinds of service, by
 *                           recommendation key, then by {@code service.kind} (e.g. {@code fallback.telephony})
 */
public record Policy(
        Integer scoringVersion,
        Map<String, Double> tierFactors,
        Map<String, Double> tierFromMtdHours,
        String defaultTier,
        Map<String, Double> ratingBands,
        Map<String, Integer> criticalTriggers,
        Double gapCap,
        Double completenessWarningPercent,
        Integer maxFirings,
        Map<String, Integer> weights,
        Map<String, Object> limits,
        Map<String, String> recommendations,
        Map<String, Map<String, String>> recommendationsByKind) {

    public Policy {
        tierFactors = copy(tierFactors);
        tierFromMtdHours = copy(tierFromMtdHours);
        ratingBands = copy(ratingBands);
        criticalTriggers = copy(criticalTriggers);
        weights = copy(weights);
        limits = copy(limits);
        recommendations = copy(recommendations);
        Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
        if (recommendationsByKind != null) {
            recommendationsByKind.forEach((key, texts) -> byKind.put(key, copy(texts)));
        }
        recommendationsByKind = java.util.Collections.unmodifiableMap(byKind);
    }

    /** The scoring file's text for recommendation {@code key} for a service of this kind (null: general). */
    public String recommendationText(String key, ServiceKind kind) {
        String specific = kind == null ? null : recommendationsByKind.getOrDefault(key, Map.of()).get(kind.wire());
        return specific != null ? specific : recommendations.getOrDefault(key, key);
    }

    /** The kind whose own text {@link #recommendationText} gives for {@code key}, or null for the general text. */
    public String recommendationTextKind(String key, ServiceKind kind) {
        return kind != null && recommendationsByKind.getOrDefault(key, Map.of()).containsKey(kind.wire())
                ? kind.wire() : null;
    }

    /** This policy with every value {@code later} sets replacing this one's. */
    public Policy overriddenBy(Policy later) {
        return new Policy(
                pick(later.scoringVersion, scoringVersion),
                merge(tierFactors, later.tierFactors),
                merge(tierFromMtdHours, later.tierFromMtdHours),
                pick(later.defaultTier, defaultTier),
                merge(ratingBands, later.ratingBands),
                merge(criticalTriggers, later.criticalTriggers),
                pick(later.gapCap, gapCap),
                pick(later.completenessWarningPercent, completenessWarningPercent),
                pick(later.maxFirings, maxFirings),
                merge(weights, later.weights),
                mergeDeep(limits, later.limits),
                merge(recommendations, later.recommendations),
                mergeByKind(recommendationsByKind, later.recommendationsByKind));
    }

    private static Map<String, Map<String, String>> mergeByKind(Map<String, Map<String, String>> earlier,
                                                                Map<String, Map<String, String>> later) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>(earlier);
        later.forEach((key, texts) -> out.put(key, merge(out.getOrDefault(key, Map.of()), texts)));
        return out;
    }

    /** What is missing or out of range, as sentences; empty when the policy is usable. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (scoringVersion != null && scoringVersion != 1) {
            out.add("scoringVersion " + scoringVersion + " is not supported; use 1");
        }
        for (Criticality tier : Criticality.values()) {
            Double f = tierFactors.get(tier.wire());
            if (f == null || f <= 0) {
                out.add("tierFactors." + tier.wire() + " must be a number above 0");
            }
        }
        for (String t : List.of("critical", "high", "medium")) {
            Double d = tierFromMtdHours.get(t);
            if (d == null || d < 0) {
                out.add("tierFromMtdHours." + t + " must be a number of hours, 0 or more");
            }
        }
        if (defaultTier == null || tierOrNull(defaultTier) == null) {
            out.add("defaultTier must be one of low, medium, high, critical");
        }
        double previous = 0;
        for (String band : List.of("low", "medium", "high")) {
            Double b = ratingBands.get(band);
            if (b == null || b <= previous || b > 100) {
                out.add("ratingBands." + band + " must be above the previous band and at most 100");
            } else {
                previous = b;
            }
        }
        Integer high = criticalTriggers.get("high");
        Integer critical = criticalTriggers.get("critical");
        if (high == null || high < 1 || critical == null || critical < high) {
            out.add("criticalTriggers needs 'high' (1 or more) and 'critical' (at least 'high')");
        }
        if (gapCap == null || gapCap < 0 || gapCap > 100) {
            out.add("gapCap must be between 0 and 100");
        }
        if (completenessWarningPercent == null || completenessWarningPercent < 0 || completenessWarningPercent > 100) {
            out.add("completenessWarningPercent must be between 0 and 100");
        }
        if (maxFirings == null || maxFirings < 1) {
            out.add("maxFirings must be 1 or more");
        }
        weights.forEach((id, w) -> {
            if (w == null || w < 1 || w > 100) {
                out.add("weights." + id + " must be between 1 and 100");
            }
        });
        flatLimits(out);
        recommendations.forEach((key, text) -> {
            if (text == null || text.isBlank()) {
                out.add("recommendations." + key + " has no text");
            }
        });
        List<String> kinds = java.util.Arrays.stream(ServiceKind.values()).map(ServiceKind::wire).toList();
        recommendationsByKind.forEach((key, texts) -> {
            if (!recommendations.containsKey(key)) {
                String near = dev.vendorrisk.assessor.profile.Suggestions.closest(key, recommendations.keySet());
                out.add("recommendationsByKind." + key + " has no general text; add recommendations." + key
                        + " (the text for the other kinds of service)" + (near != null ? "; did you mean '" + near + "'?" : ""));
            }
            texts.forEach((kind, text) -> {
                if (!kinds.contains(kind)) {
                    out.add("recommendationsByKind." + key + "." + kind + " names no kind of service; use one of "
                            + String.join(", ", kinds));
                } else if (text == null || text.isBlank()) {
                    out.add("recommendationsByKind." + key + "." + kind + " has no text");
                }
            });
        });
        return out;
    }

    /** The tier factor of {@code tier}. */
    public double tierFactor(Criticality tier) {
        return tierFactors.get(tier.wire());
    }

    /** The limits flattened to dotted names ({@code availability.critical}). */
    public Map<String, Double> flatLimits() {
        return flatLimits(new ArrayList<>());
    }

    private Map<String, Double> flatLimits(List<String> problems) {
        Map<String, Double> flat = new LinkedHashMap<>();
        flatten("", limits, flat, problems);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Double> out, List<String> problems) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Number n) {
                out.put(name, n.doubleValue());
            } else if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", (Map<String, Object>) nested, out, problems);
            } else {
                problems.add("limits." + name + " must be a number or a mapping of numbers");
            }
        });
    }

    static Criticality tierOrNull(String text) {
        try {
            return Criticality.parse(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static <T> T pick(T later, T earlier) {
        return later != null ? later : earlier;
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <V> Map<String, V> merge(Map<String, V> earlier, Map<String, V> later) {
        Map<String, V> out = new LinkedHashMap<>(earlier);
        out.putAll(later);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeDeep(Map<String, Object> earlier, Map<String, Object> later) {
        Map<String, Object> out = new LinkedHashMap<>(earlier);
        later.forEach((key, value) -> {
            if (value instanceof Map<?, ?> lm && out.get(key) instanceof Map<?, ?> em) {
                out.put(key, mergeDeep((Map<String, Object>) em, (Map<String, Object>) lm));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
