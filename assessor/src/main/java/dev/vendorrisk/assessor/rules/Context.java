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
 * @param today       the assessment date: {@code assessment.assessedOn} or, without one, the run date
 * @param limits      named thresholds, e.g. {@code recentSeparationYears}
 * @param runDate     the day of the run (the clock's date, or {@code --today}): only the review rule reads it
 * @param nextReviewDue {@code today} plus the tier's review interval; null when not computed
 */
public record Context(Criticality tier, boolean tierKnown, LocalDate today, Map<String, Double> limits,
                      LocalDate runDate, LocalDate nextReviewDue) {

    public Context {
        limits = Map.copyOf(limits);
        runDate = runDate == null ? today : runDate;
    }

    /** A context whose run date is the assessment date and without a review date. */
    public Context(Criticality tier, boolean tierKnown, LocalDate today, Map<String, Double> limits) {
        this(tier, tierKnown, today, limits, today, null);
    }

    /** True when the run date is after the next review's due date (due on the day itself is not overdue). */
    public boolean isReviewOverdue() {
        return nextReviewDue != null && runDate.isAfter(nextReviewDue);
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
