package dev.vendorrisk.assessor.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of two saved JSON reports ({@code vra diff OLD.json NEW.json}), without re-running
 * any rule: the older one is read into a {@link BaselineIndex}, the newer one streamed past it.
 * Services that did not change at all are only counted, so the result grows with the changes, not
 * with the portfolio.
 *
 * @param summary  the counts, added and removed services
 * @param changed  every service of the newer report that changed (added, rating or score moved, a finding
 *                 new or resolved), in the newer report's order
 */
public record ReportDiff(BaselineSummary summary, List<ServiceDiff> changed) {
    public ReportDiff {
        changed = List.copyOf(changed);
    }

    /** One changed service: as the newer report has it, and how it compares. */
    public record ServiceDiff(Snapshot now, ServiceChange change) {
    }

    /**
     * Compares two reports.
     *
     * @throws dev.vendorrisk.assessor.AssessorException naming the file that is not a complete JSON report of
     *                                                   this tool's schema version
     */
    public static ReportDiff of(Path older, Path newer) {
        BaselineIndex index = BaselineIndex.read(older);
        BaselineSummary summary = new BaselineSummary(index.file(), index.runDate());
        List<ServiceDiff> changed = new ArrayList<>();
        ReportReader.read(newer, now -> {
            ServiceChange change = index.compare(now, null);
            summary.add(now, change);
            if (!change.unchanged(now.rating(), now.score())) {
                changed.add(new ServiceDiff(now, change));
            }
        });
        summary.removed(index.unseen());
        return new ReportDiff(summary, changed);
    }
}
