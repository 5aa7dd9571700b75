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
    private int vendors;
    private int errors;
    private int waived;
    private final Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
    private final Map<Rating, Integer> ratings = new EnumMap<>(Rating.class);
    private PortfolioResult portfolio;

    /** Counts one file's result. */
    public void add(FileResult result) {
        files++;
        if (!result.ok()) {
            errors += result.errors().size();
            return;
        }
        vendors++;
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

    public int files() {
        return files;
    }

    public int vendors() {
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
        out.append(files).append(files == 1 ? " file, " : " files, ").append(vendors)
                .append(vendors == 1 ? " vendor" : " vendors");
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
        return out.toString();
    }
}
