package dev.vendorrisk.assessor.batch;

/**
 * How long each profile took, measured inside the assessor: from the start of reading the file to
 * the finished assessment, on the worker that did it. Reports never show it; the benchmark does.
 *
 * @param profiles     profiles measured
 * @param p50Micros    median latency, microseconds
 * @param p95Micros    95th percentile
 * @param p99Micros    99th percentile
 * @param readMicros   mean time spent reading and validating
 * @param assessMicros mean time spent assessing (rules and scoring) the valid ones
 * @param portfolioMillis time the portfolio rules took over the whole batch, after the last profile
 */
public record Timings(long profiles, double p50Micros, double p95Micros, double p99Micros, double readMicros,
                      double assessMicros, double portfolioMillis) {

    /** {@code 1,000 profiles: p50 120 µs, p95 ...}. */
    public String line() {
        return String.format(java.util.Locale.ROOT,
                "%,d profiles: latency p50 %.0f us, p95 %.0f us, p99 %.0f us; mean read %.0f us, mean assess %.0f us;"
                        + " portfolio rules %.0f ms",
                profiles, p50Micros, p95Micros, p99Micros, readMicros, assessMicros, portfolioMillis);
    }
}
