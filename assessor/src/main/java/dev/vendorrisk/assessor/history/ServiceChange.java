package dev.vendorrisk.assessor.history;

import dev.vendorrisk.assessor.Rating;
import java.util.List;
import java.util.Locale;

/**
 * How one service compares with the baseline.
 *
 * @param added        true when the baseline has no such service (same vendor id and service name)
 * @param baselineFile the file the baseline assessed it from (it may have moved since); null when added
 * @param oldRating    the baseline's rating; null when added
 * @param oldScore     the baseline's score; NaN when added
 * @param changes      per finding of the later assessment, in its order: {@code NEW} or {@code UNCHANGED}
 * @param resolved     the baseline's findings the later assessment no longer has
 */
public record ServiceChange(boolean added, String baselineFile, Rating oldRating, double oldScore,
                            List<Change> changes, List<Resolved> resolved) {
    public ServiceChange {
        changes = List.copyOf(changes);
        resolved = List.copyOf(resolved);
    }

    /** The change of the finding at {@code index} of the assessment. */
    public Change change(int index) {
        return changes.get(index);
    }

    /** How many findings are new. */
    public long newCount() {
        return changes.stream().filter(c -> c == Change.NEW).count();
    }

    /** {@code HIGH -> CRITICAL, +12.4}, {@code MEDIUM, -3.0}, {@code LOW, +0.0}, or {@code added}. */
    public String move(Rating rating, double score) {
        if (added) {
            return "added";
        }
        String r = oldRating == rating ? rating.name() : oldRating + " -> " + rating;
        return r + ", " + delta(score);
    }

    /** The score difference, signed, one decimal: {@code +12.4}. */
    public String delta(double score) {
        double d = Math.round((score - oldScore) * 10) / 10.0;
        return String.format(Locale.ROOT, "%+.1f", d == 0 ? 0.0 : d);
    }

    /** True when nothing changed: same rating and score, no new and no resolved finding. */
    public boolean unchanged(Rating rating, double score) {
        return !added && oldRating == rating && Math.abs(score - oldScore) < 0.05 && newCount() == 0 && resolved.isEmpty();
    }
}
