package dev.vendorrisk.assessor.testing;

/**
 * An inclusive range the score must fall in; either end may be open.
 *
 * @param min the lowest accepted score, or null for no lower bound
 * @param max the highest accepted score, or null for no upper bound
 */
public record ScoreRange(Double min, Double max) {
    public ScoreRange {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a score range needs a min or a max");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("score range min " + min + " is above max " + max);
        }
    }

    /** True when {@code score} lies in the range, ends included. */
    public boolean contains(double score) {
        return (min == null || score >= min) && (max == null || score <= max);
    }

    @Override
    public String toString() {
        if (min == null) {
            return "at most " + number(max);
        }
        if (max == null) {
            return "at least " + number(min);
        }
        return "between " + number(min) + " and " + number(max);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
