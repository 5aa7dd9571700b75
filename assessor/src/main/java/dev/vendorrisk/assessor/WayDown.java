package dev.vendorrisk.assessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What acting on several recommendations does: the ranked recommendations taken one after the
 * other, with the score and rating once the findings of each and of those before it are resolved,
 * up to the first step that rates the vendor LOW. The critical triggers apply at every step: a
 * CRITICAL finding left unresolved keeps the rating at HIGH or above.
 *
 * @param from  the rating now
 * @param steps one per recommendation in ranked order, up to the step that reaches LOW; empty when the
 *              rating is LOW already
 */
public record WayDown(Rating from, List<Step> steps) {

    public WayDown {
        Objects.requireNonNull(from, "from");
        steps = List.copyOf(steps);
    }

    /** No way down to show: the vendor is rated {@code rating} and nothing is computed. */
    public static WayDown none(Rating rating) {
        return new WayDown(rating, List.of());
    }

    /**
     * One recommendation acted on, after those ranked above it.
     *
     * @param recommendation the recommendation key
     * @param score          the score once its findings and those of the steps before are resolved
     * @param rating         the rating at that score, with the critical triggers
     */
    public record Step(String recommendation, double score, Rating rating) {
        public Step {
            Objects.requireNonNull(recommendation, "recommendation");
            Objects.requireNonNull(rating, "rating");
        }
    }

    /**
     * A rating band reached: the recommendations acted on since the band before (or since now), and
     * the score and rating after the last of them.
     */
    public record Milestone(List<String> recommendations, double score, Rating rating) {
        public Milestone {
            recommendations = List.copyOf(recommendations);
        }
    }

    /**
     * The steps grouped by the rating they reach: one milestone per band the rating drops to, ending at
     * LOW, e.g. {@code [sla, fallback] -> 62.0 HIGH}, then {@code [phone-line] -> 38.2 MEDIUM}. A step
     * that drops more than one band is one milestone.
     */
    public List<Milestone> milestones() {
        List<Milestone> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        Rating current = from;
        for (Step step : steps) {
            pending.add(step.recommendation());
            if (step.rating().compareTo(current) < 0) {
                out.add(new Milestone(pending, step.score(), step.rating()));
                pending.clear();
                current = step.rating();
            }
        }
        return out;
    }
}
