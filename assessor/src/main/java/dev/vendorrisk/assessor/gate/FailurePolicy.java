package dev.vendorrisk.assessor.gate;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.history.Change;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one decision of what fails a run ({@code --fail-on}, {@code --fail-on-score}, {@code --fail-on-new},
 * {@code --fail-on-overdue}). Every output follows what {@link #judge} returns: the exit code, the stderr
 * lines, JUnit failures, SARIF levels and the summary line, so a CI job is red exactly when its reports
 * show a failure, and says why.
 *
 * <p>A vendor fails when its rating reaches {@code rating}, its score reaches {@code score}, an active
 * finding reaches {@code severity}, a finding new since the baseline (active) reaches {@code newSeverity},
 * or ({@code overdue}) its review is overdue on the run date. A portfolio finding fails the run when it
 * reaches {@code severity}. Waived findings never fail a run.
 *
 * @param rating      {@code --fail-on LEVEL}; null: not set
 * @param severity    {@code --fail-on severity:LEVEL}; null: not set
 * @param score       {@code --fail-on-score N}; null: not set
 * @param newSeverity {@code --fail-on-new LEVEL} (needs a baseline); null: not set
 * @param overdue     {@code --fail-on-overdue}
 */
public record FailurePolicy(Rating rating, Severity severity, Double score, Severity newSeverity, boolean overdue) {

    public FailurePolicy {
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            throw new IllegalArgumentException("--fail-on-score: '" + score + "' is not a score; give 0 to 100");
        }
    }

    /** No threshold: nothing fails the run. */
    public static FailurePolicy none() {
        return new FailurePolicy(null, null, null, null, false);
    }

    /** A policy that fails on active findings of {@code severity} or above (null: none). */
    public static FailurePolicy severity(Severity severity) {
        return new FailurePolicy(null, severity, null, null, false);
    }

    /**
     * Parses the command line's thresholds.
     *
     * @param failOn    {@code LEVEL}, {@code rating:LEVEL} or {@code severity:LEVEL}; null: none
     * @param score     {@code --fail-on-score}; null: none
     * @param failOnNew {@code --fail-on-new} severity; null: none
     * @param overdue   {@code --fail-on-overdue}
     * @throws IllegalArgumentException with a {@code option: what; how to fix} message
     */
    public static FailurePolicy parse(String failOn, Double score, String failOnNew, boolean overdue) {
        Rating rating = null;
        Severity severity = null;
        if (failOn != null) {
            String t = failOn.trim();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("severity:")) {
                severity = Severity.parse(t.substring("severity:".length()));
                if (severity == null) {
                    throw new IllegalArgumentException("--fail-on: unknown severity in '" + failOn
                            + "'; use INFO, LOW, MEDIUM, HIGH or CRITICAL");
                }
            } else {
                rating = Rating.parse(lower.startsWith("rating:") ? t.substring("rating:".length()) : t);
                if (rating == null) {
                    throw new IllegalArgumentException("--fail-on: unknown level '" + failOn
                            + "'; use LOW, MEDIUM, HIGH, CRITICAL, or severity:INFO..CRITICAL");
                }
            }
        }
        Severity newSeverity = null;
        if (failOnNew != null) {
            newSeverity = Severity.parse(failOnNew);
            if (newSeverity == null) {
                throw new IllegalArgumentException("--fail-on-new: unknown severity '" + failOnNew
                        + "'; use INFO, LOW, MEDIUM, HIGH or CRITICAL");
            }
        }
        return new FailurePolicy(rating, severity, score, newSeverity, overdue);
    }

    /** True when any threshold is set. */
    public boolean active() {
        return rating != null || severity != null || score != null || newSeverity != null || overdue;
    }

    /**
     * Why one assessed service fails the run; empty when it does not.
     *
     * @param a      the assessment
     * @param change how it compares with the baseline; null without one
     */
    public List<Failure> judge(Assessment a, ServiceChange change) {
        List<Failure> out = new ArrayList<>();
        String who = a.vendorId();
        if (rating != null && a.rating().compareTo(rating) >= 0) {
            out.add(new Failure(Failure.Cause.RATING, a.file(), who, null, null,
                    who + " rated " + a.rating() + " (--fail-on " + rating + ")"));
        }
        if (score != null && a.score() >= score) {
            out.add(new Failure(Failure.Cause.SCORE, a.file(), who, null, null, who + " scored "
                    + number(a.score()) + " (--fail-on-score " + number(score) + ")"));
        }
        if (overdue && a.reviewOverdue()) {
            out.add(new Failure(Failure.Cause.OVERDUE, a.file(), who, null, null,
                    overdueText(who, a.nextReviewDue(), a.runDate())));
        }
        List<Finding> findings = a.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.waived()) {
                continue;
            }
            if (severity != null && f.severity().compareTo(severity) >= 0) {
                out.add(new Failure(Failure.Cause.SEVERITY, a.file(), who, f, null, who + " has " + label(f) + " ("
                        + f.severity() + ") (--fail-on severity:" + severity + ")"));
            }
            if (newSeverity != null && change != null && change.change(i) == Change.NEW
                    && f.severity().compareTo(newSeverity) >= 0) {
                out.add(new Failure(Failure.Cause.NEW_FINDING, a.file(), who, f, null, who + " has a new finding "
                        + label(f) + " (" + f.severity() + ") since the baseline (--fail-on-new " + newSeverity + ")"));
            }
        }
        return out;
    }

    /**
     * Why a review fails the run under {@code --fail-on-overdue} ({@code vra assess} and {@code vra due} say it
     * alike): {@code acme review was due on 2018-08-19, overdue on 2026-11-30 (--fail-on-overdue)}.
     */
    public static String overdueText(String vendorId, java.time.LocalDate due, java.time.LocalDate runDate) {
        return vendorId + " review was due on " + due + ", overdue on " + runDate + " (--fail-on-overdue)";
    }

    /** Why the portfolio fails the run; empty when it does not. */
    public List<Failure> judge(PortfolioResult portfolio) {
        List<Failure> out = new ArrayList<>();
        if (portfolio == null || severity == null) {
            return out;
        }
        for (PortfolioFinding f : portfolio.findings()) {
            if (f.severity().compareTo(severity) >= 0) {
                out.add(new Failure(Failure.Cause.PORTFOLIO, null, null, null, f, "portfolio has " + f.id() + " ("
                        + f.severity() + "): " + f.message() + " (--fail-on severity:" + severity + ")"));
            }
        }
        return out;
    }

    /** The thresholds as the command line spells them, e.g. {@code --fail-on CRITICAL --fail-on-new HIGH}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (rating != null) {
            parts.add("--fail-on " + rating);
        }
        if (severity != null) {
            parts.add("--fail-on severity:" + severity);
        }
        if (score != null) {
            parts.add("--fail-on-score " + number(score));
        }
        if (newSeverity != null) {
            parts.add("--fail-on-new " + newSeverity);
        }
        if (overdue) {
            parts.add("--fail-on-overdue");
        }
        return parts.isEmpty() ? "no threshold" : String.join(" ", parts);
    }

    private static String label(Finding f) {
        return f.id().startsWith("GAP-") && !f.evidence().isEmpty() ? f.id() + " " + f.evidence().get(0).path() : f.id();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
