package dev.vendorrisk.assessor.batch;

import dev.vendorrisk.assessor.portfolio.PortfolioResult;

/**
 * What a batch run gives besides the per-file results it streamed.
 *
 * @param files     inputs processed
 * @param valid     inputs that were valid profiles
 * @param portfolio the portfolio rules' findings and the waivers file's warnings (null in a validate-only run)
 * @param timings   per-profile latencies (null unless asked for)
 */
public record BatchResult(int files, int valid, PortfolioResult portfolio, Timings timings) {
}
