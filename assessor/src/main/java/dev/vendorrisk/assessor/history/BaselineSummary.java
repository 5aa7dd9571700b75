package dev.vendorrisk.assessor.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What changed since the baseline over a whole run: counts, the services added and removed, and the
 * rating moves. Fed one service at a time ({@link #add}), then closed with the removed services.
 */
public final class BaselineSummary {
    private final String file;
    private final LocalDate baselineRunDate;
    private int compared;
    private int newFindings;
    private int unchanged;
    private int resolved;
    private int ruleGone;
    private int worse;
    private int better;
    private final List<String> added = new ArrayList<>();
    private final List<BaselineIndex.Removed> removed = new ArrayList<>();

    /**
     * @param file            the baseline report as given
     * @param baselineRunDate the baseline's run date; null when it does not say
     */
    public BaselineSummary(String file, LocalDate baselineRunDate) {
        this.file = file;
        this.baselineRunDate = baselineRunDate;
    }

    /** Counts one service of the run. */
    public void add(Snapshot now, ServiceChange change) {
        if (change.added()) {
            added.add(now.label());
            newFindings += now.findings().size();
            return;
        }
        compared++;
        for (Change c : change.changes()) {
            if (c == Change.NEW) {
                newFindings++;
            } else {
                unchanged++;
            }
        }
        resolved += change.resolved().size();
        ruleGone += (int) change.resolved().stream().filter(r -> r.note() != null).count();
        int move = now.rating().compareTo(change.oldRating());
        worse += move > 0 ? 1 : 0;
        better += move < 0 ? 1 : 0;
    }

    /** Records the services of the baseline the run did not have; their findings count as resolved. */
    public void removed(List<BaselineIndex.Removed> services) {
        removed.addAll(services);
        services.forEach(r -> resolved += r.findings().size());
    }

    public String file() {
        return file;
    }

    public LocalDate baselineRunDate() {
        return baselineRunDate;
    }

    /** Services present in both runs. */
    public int compared() {
        return compared;
    }

    public int newFindings() {
        return newFindings;
    }

    public int unchanged() {
        return unchanged;
    }

    /** Findings of the baseline that are gone, including those of removed services. */
    public int resolved() {
        return resolved;
    }

    /** Resolved findings whose rule is no longer in the rule base. */
    public int ruleGone() {
        return ruleGone;
    }

    /** Services whose rating rose. */
    public int worse() {
        return worse;
    }

    /** Services whose rating fell. */
    public int better() {
        return better;
    }

    /** Services only this run has ({@code vendor-id / service}). */
    public List<String> added() {
        return List.copyOf(added);
    }

    /** Services only the baseline has. */
    public List<BaselineIndex.Removed> removedServices() {
        return List.copyOf(removed);
    }

    /**
     * One line: {@code since the baseline (old.json, run 2026-05-01): 2 new, 14 unchanged, 3 resolved findings;
     * 1 service rated higher, 0 lower; 1 added, 0 removed}.
     */
    public String line() {
        StringBuilder b = new StringBuilder("since the baseline (").append(file);
        if (baselineRunDate != null) {
            b.append(", run ").append(baselineRunDate);
        }
        b.append(String.format(Locale.ROOT, "): %d new, %d unchanged, %d resolved %s", newFindings, unchanged, resolved,
                newFindings + unchanged + resolved == 1 ? "finding" : "findings"));
        if (ruleGone > 0) {
            b.append(" (").append(ruleGone).append(" of their rules are gone)");
        }
        b.append(String.format(Locale.ROOT, "; %d %s rated higher, %d lower; %d added, %d removed", worse,
                worse == 1 ? "service" : "services", better, added.size(), removed.size()));
        return b.toString();
    }
}
