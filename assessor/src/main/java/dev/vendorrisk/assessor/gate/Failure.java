package dev.vendorrisk.assessor.gate;

import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;

/**
 * One reason the run fails: what crossed which threshold. Every output shows the same list: the exit
 * code, a stderr line each ({@code vra: fail: } + {@link #text()}), JUnit failures, SARIF error levels
 * and the summary line.
 *
 * @param cause     which threshold
 * @param file      the profile file, or null for a portfolio finding
 * @param vendorId  the vendor's id, or null for a portfolio finding without one
 * @param finding   the vendor's finding that is the cause (severity and new-finding thresholds); null otherwise
 * @param portfolio the portfolio finding that is the cause; null otherwise
 * @param text      the sentence, e.g. {@code northwind-managed rated CRITICAL (--fail-on CRITICAL)}
 */
public record Failure(Cause cause, String file, String vendorId, Finding finding, PortfolioFinding portfolio,
                      String text) {

    /** The thresholds a run can fail on. */
    public enum Cause {
        /** A vendor's rating reached {@code --fail-on LEVEL}. */
        RATING,
        /** A vendor's score reached {@code --fail-on-score N}. */
        SCORE,
        /** An active finding reached {@code --fail-on severity:LEVEL}. */
        SEVERITY,
        /** A portfolio finding reached {@code --fail-on severity:LEVEL}. */
        PORTFOLIO,
        /** A finding new since the baseline reached {@code --fail-on-new LEVEL}. */
        NEW_FINDING,
        /** A review is overdue on the run date ({@code --fail-on-overdue}). */
        OVERDUE;

        /** The lower-case name with dashes, as JUnit's failure type and SARIF's properties show it. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
