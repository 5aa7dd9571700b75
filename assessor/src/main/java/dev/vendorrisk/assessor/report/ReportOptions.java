package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.Severity;

/**
 * What the formats need besides the results. Only {@code sarif} needs the rule base; the others
 * accept null.
 *
 * @param rules            the compiled rules, for the catalogue a {@code sarif} report lists; may be null otherwise
 * @param color            ANSI colours in the {@code text} report
 * @param failureThreshold the lowest severity a {@code junit} report counts as a failure (the {@code --fail-on}
 *                         level); null means HIGH
 * @param toolVersion      the tool's version for {@code sarif}; null leaves it out
 * @param informationUri   where users read about the tool, for {@code sarif}; null leaves it out
 * @param compactJson      {@code json} without indentation (for files that machines read: about a quarter
 *                         smaller than the indented form)
 * @param htmlDetail       which services get a detail section in an {@code html} report; null: the default
 *                         ({@link HtmlReport#DEFAULT_DETAIL_LIMIT} riskiest)
 */
public record ReportOptions(RuleBase rules, boolean color, Severity failureThreshold, String toolVersion,
        String informationUri, boolean compactJson, HtmlReport.Detail htmlDetail) {

    /** Options with the html report's default detail. */
    public ReportOptions(RuleBase rules, boolean color, Severity failureThreshold, String toolVersion,
                         String informationUri, boolean compactJson) {
        this(rules, color, failureThreshold, toolVersion, informationUri, compactJson, null);
    }

    /** Indented JSON. */
    public ReportOptions(RuleBase rules, boolean color, Severity failureThreshold, String toolVersion,
                         String informationUri) {
        this(rules, color, failureThreshold, toolVersion, informationUri, false);
    }

    /** Options without an information URI. */
    public ReportOptions(RuleBase rules, boolean color, Severity failureThreshold, String toolVersion) {
        this(rules, color, failureThreshold, toolVersion, null);
    }

    /** No colour, the default failure threshold, no version. */
    public static ReportOptions of(RuleBase rules) {
        return new ReportOptions(rules, false, null, null, null, false, null);
    }

    /** The failure threshold, HIGH when none was given. */
    public Severity threshold() {
        return failureThreshold == null ? Severity.HIGH : failureThreshold;
    }
}
