package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.EnumMap;
import java.util.Map;

/** Counts over a run, for the closing line of every format. Not thread-safe: fed in report order. */
public final class Summary {
    private int files;
    /** Assessed files: one service each. */
    private int vendors;
    private final java.util.Set<String> vendorIds = new java.util.HashSet<>();
    private int errors;
    private int waived;
    private final Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
    private final Map<Rating, Integer> ratings = new EnumMap<>(Rating.class);
    private PortfolioResult portfolio;
    private java.time.LocalDate runDate;
    private java.util.List<dev.vendorrisk.assessor.gate.Failure> portfolioFailures;
    private int failures;
    private int failedServices;
    private boolean judged;
    private String thresholds;
    private dev.vendorrisk.assessor.history.BaselineSummary baseline;
    private int reviewsOverdue;

    /** Counts one file's result. */
    public void add(FileResult result) {
        files++;
        if (result.failures() != null) {
            judged = true;
            failures += result.failures().size();
            failedServices += result.failures().isEmpty() ? 0 : 1;
        }
        if (!result.ok()) {
            errors += result.errors().size();
            return;
        }
        vendors++;
        vendorIds.add(result.assessment().vendorId());
        if (runDate == null) {
            runDate = result.assessment().runDate();
        }
        if (result.assessment().reviewOverdue()) {
            reviewsOverdue++;
        }
        ratings.merge(result.assessment().rating(), 1, Integer::sum);
        for (Finding f : result.assessment().findings()) {
            if (f.waived()) {
                waived++;
            } else {
                findings.merge(f.severity(), 1, Integer::sum);
            }
        }
    }

    /**
     * Sets what the portfolio rules found over the batch (and the waivers file's warnings); set after
     * the last file, before {@link Report#finish}.
     */
    public void portfolio(PortfolioResult result) {
        this.portfolio = result;
    }

    /**
     * What the portfolio rules found over the batch, for {@link Report#finish} to render; null when no
     * portfolio was evaluated (a report of single files, e.g. the golden samples).
     */
    public PortfolioResult portfolio() {
        return portfolio;
    }

    /**
     * The failure policy's verdict on the portfolio findings; set after {@link #portfolio(PortfolioResult)} by
     * whoever judged the run. Null: not judged (reports then apply their defaults).
     */
    public void portfolioFailures(java.util.List<dev.vendorrisk.assessor.gate.Failure> list) {
        this.portfolioFailures = list == null ? null : java.util.List.copyOf(list);
        if (list != null) {
            judged = true;
            failures += list.size();
        }
    }

    /** The portfolio findings that fail the run; null when no failure policy judged the run. */
    public java.util.List<dev.vendorrisk.assessor.gate.Failure> portfolioFailures() {
        return portfolioFailures;
    }

    /** Why the run fails, counted over every service and the portfolio; 0 when it passes or was not judged. */
    public int failures() {
        return failures;
    }

    /**
     * The thresholds of the failure policy that judged the run, as the command line spells them (e.g.
     * {@code --fail-on CRITICAL}); with them the summary line says whether the run passes or fails.
     */
    public void thresholds(String described) {
        this.thresholds = described;
    }

    /** True when a failure policy judged the run. */
    public boolean judged() {
        return judged;
    }

    /** Sets what changed since the baseline ({@code --baseline}); set before {@link Report#finish}. */
    public void baseline(dev.vendorrisk.assessor.history.BaselineSummary summary) {
        this.baseline = summary;
    }

    /** What changed since the baseline; null without one. */
    public dev.vendorrisk.assessor.history.BaselineSummary baseline() {
        return baseline;
    }

    /** The run date review dates were judged against (of the first assessment); null before one. */
    public java.time.LocalDate runDate() {
        return runDate;
    }

    /** Assessed services whose review is overdue on the run date. */
    public int reviewsOverdue() {
        return reviewsOverdue;
    }

    public int files() {
        return files;
    }

    /** Distinct vendor ids among the assessed services. */
    public int vendors() {
        return vendorIds.size();
    }

    /** Assessed services (one per valid file). */
    public int services() {
        return vendors;
    }

    /** Diagnostics of invalid files. */
    public int errors() {
        return errors;
    }

    /** Files that could not be assessed. */
    public int invalidFiles() {
        return files - vendors;
    }

    public int waived() {
        return waived;
    }

    /** Active findings by severity, every severity present (0 when none). */
    public Map<Severity, Integer> findings() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, findings.getOrDefault(s, 0));
        }
        return out;
    }

    /** Vendors by rating, every rating present (0 when none). */
    public Map<Rating, Integer> ratings() {
        Map<Rating, Integer> out = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            out.put(r, ratings.getOrDefault(r, 0));
        }
        return out;
    }

    /** One line: {@code 6 files, 5 vendors (1 CRITICAL, ...); findings: ...; 0 waived; 1 error}. */
    public String line() {
        StringBuilder out = new StringBuilder();
        out.append(files).append(files == 1 ? " file, " : " files, ");
        if (vendors != vendorIds.size()) { // a vendor with several services
            out.append(vendors).append(vendors == 1 ? " service of " : " services of ");
        }
        out.append(vendorIds.size()).append(vendorIds.size() == 1 ? " vendor" : " vendors");
        StringBuilder r = new StringBuilder();
        for (Rating rating : new Rating[] {Rating.CRITICAL, Rating.HIGH, Rating.MEDIUM, Rating.LOW}) {
            int n = ratings.getOrDefault(rating, 0);
            if (n > 0) {
                r.append(r.length() == 0 ? "" : ", ").append(n).append(' ').append(rating);
            }
        }
        if (r.length() > 0) {
            out.append(" (").append(r).append(')');
        }
        out.append("; findings:");
        int total = 0;
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO}) {
            int n = findings.getOrDefault(s, 0);
            total += n;
            out.append(' ').append(n).append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT)).append(',');
        }
        out.setLength(out.length() - 1);
        if (total == 0) {
            out.append(" (none)");
        }
        out.append("; ").append(waived).append(" waived; ").append(errors).append(errors == 1 ? " error" : " errors");
        if (reviewsOverdue > 0) {
            out.append("; ").append(reviewsOverdue).append(reviewsOverdue == 1 ? " review" : " reviews").append(" overdue");
        }
        if (judged && (thresholds != null || failures > 0)) {
            int portfolioCauses = portfolioFailures == null ? 0 : portfolioFailures.size();
            if (failures == 0) {
                out.append("; passes (").append(thresholds).append(')');
            } else {
                out.append("; FAILS: ").append(failures).append(failures == 1 ? " cause (" : " causes (")
                        .append(failedServices).append(failedServices == 1 ? " service" : " services")
                        .append(portfolioCauses > 0 ? ", " + portfolioCauses + " portfolio" : "").append(')');
            }
        }
        return out.toString();
    }
}
