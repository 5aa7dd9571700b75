package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.rules.Context;
import java.util.Map;

/**
 * The scoring file's limits, for the portfolio rules (the per-vendor {@code Context} is not
 * inserted into a portfolio session, so no per-vendor rule can fire there).
 *
 * @param limits named thresholds, e.g. {@code concentrationServices}
 */
public record PortfolioLimits(Map<String, Double> limits) {
    public PortfolioLimits {
        limits = Map.copyOf(limits);
    }

    /** The threshold called {@code name}; fails with a clear message when the scoring file lacks it. */
    public double limit(String name) {
        return Context.limit(limits, name);
    }
}
