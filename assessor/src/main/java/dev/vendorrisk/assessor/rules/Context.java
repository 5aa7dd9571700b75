package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.profile.Criticality;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A derived fact every evaluation starts with: the service's tier, the assessment date and
 * the policy's limits (the {@code limits} of the scoring file). Rules read thresholds through
 * it, so changing "3 years" never needs a rule change.
 *
 * @param tier        the criticality tier used for scoring and tier-gated rules
 * @param tierKnown   false when neither criticality nor MTD was known (tier defaulted)
 * @param today       the assessment date: {@code assessment.assessedOn} or the assessor's clock
 * @param limits      named thresholds, e.g. {@code recentSeparationYears}
 */
public record Context(Criticality tier, boolean tierKnown, LocalDate today, Map<String, Double> limits) {

    public Context {
        limits = Map.copyOf(limits);
    }

    /** The threshold called {@code name}; fails with a clear message when the scoring file lacks it. */
    public double limit(String name) {
        return limit(limits, name);
    }

    /** The threshold {@code name} of {@code limits}; fails with a clear message when the scoring file lacks it. */
    public static double limit(Map<String, Double> limits, String name) {
        Double value = limits.get(name);
        if (value == null) {
            throw new IllegalStateException("the scoring file has no limit '" + name + "'; add it under 'limits'");
        }
        return value;
    }

    /** True when the tier is {@code tierName} or more critical. */
    public boolean tierAtLeast(String tierName) {
        return tier.compareTo(Criticality.parse(tierName)) >= 0;
    }

    /** True when {@code date} lies within the last {@code limit(limitName)} calendar years, boundary included. */
    public boolean withinYears(LocalDate date, String limitName) {
        return date != null && !date.isBefore(today.minusYears((long) limit(limitName)));
    }

    /** True when {@code date} lies within the last {@code limit(limitName)} calendar months, boundary included. */
    public boolean withinMonths(LocalDate date, String limitName) {
        return date != null && !date.isBefore(today.minusMonths((long) limit(limitName)));
    }

    /** True when {@code year} is at most {@code limit(limitName)} years before the assessment year. */
    public boolean yearWithin(int year, String limitName) {
        return today.getYear() - year <= limit(limitName);
    }

    /** Days from {@code date} to the assessment date. */
    public long daysSince(LocalDate date) {
        return ChronoUnit.DAYS.between(date, today);
    }

    /** The assessment year. */
    public int year() {
        return today.getYear();
    }

    /** The availability the tier needs ({@code availability.<tier>}), or null when the tier sets none. */
    public Double availabilityNeeded() {
        return limits.get("availability." + tier.wire());
    }
}
